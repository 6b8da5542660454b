#!/usr/bin/env node
/**
 * Lighthouse 12.2.3 (Google's, from npm) on every page of the demo portal and officer desk, as
 * a phone meets them: Lighthouse's default mobile profile (Moto G Power screen, simulated slow
 * 4G, CPU ×4). Prints the performance score, LCP and CLS per page (median of `--runs`, 1 by
 * default) — the figures issue #18 asked for before and after.
 *
 * Run after `pnpm build`: `node scripts/lighthouse.mjs [--runs 3] [--json out.json]`. Not run by
 * CI (it takes minutes). Lighthouse is not a dependency of the repository: the first run installs
 * it with npm (no install scripts, no browser download) into a folder of the system's temporary
 * directory, or uses `LIGHTHOUSE_DIR` if set. Chrome is Debian's Chromium (`CHROME_PATH`, else
 * `CHROMIUM_PATH`, else /usr/bin/chromium). Pages for a signed-in person get the demo session in
 * sessionStorage before any script of theirs runs, as portal/js/session.js keeps it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readConfig, startServer } from '../packages/server/dist/index.js';
import { chromiumArgs, chromiumPath } from './lib/chromium-options.mjs';

const VERSION = '12.2.3';
const argument = (name) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const RUNS = Number(argument('--runs') ?? 1);
const jsonOut = argument('--json');
// Usage: --runs N (median of N), --only TEXT (the pages whose path has TEXT), --json FILE.

const lighthouseDir = process.env.LIGHTHOUSE_DIR ?? join(tmpdir(), `egov-lighthouse-${VERSION}`);
if (!existsSync(join(lighthouseDir, 'node_modules', 'lighthouse', 'package.json'))) {
  console.error(`installing lighthouse@${VERSION} into ${lighthouseDir} …`);
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      lighthouseDir,
      '--ignore-scripts',
      '--no-fund',
      '--no-audit',
      '--no-save',
      `lighthouse@${VERSION}`,
    ],
    { stdio: 'inherit', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } },
  );
}
const require = createRequire(join(lighthouseDir, 'package.json'));
const importFrom = (name) => import(pathToFileURL(require.resolve(name)).href);
const { default: lighthouse } = await importFrom('lighthouse');
const chromeLauncher = await importFrom('chrome-launcher');
const { default: puppeteer } = await importFrom('puppeteer-core');

const dataDir = await mkdtemp(join(tmpdir(), 'egov-lighthouse-data-'));
const server = await startServer({
  ...readConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }),
  demo: true,
});
const signIn = async (role) =>
  (
    await fetch(`${server.url}/demo/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role }),
    })
  ).json();
const sessions = { citizen: await signIn('citizen'), officer: await signIn('officer') };
const listed = await (
  await fetch(`${server.url}/api/v1/dossiers?limit=1`, {
    headers: { authorization: `Bearer ${sessions.citizen.token}` },
  })
).json();
const dossierId = listed.items?.[0]?.id;

const only = argument('--only');
const allPages = [
  ['/', null],
  ['/procedure.html?code=1.001193', null],
  ['/apply.html?code=1.001193', 'citizen'],
  ['/track.html', null],
  ['/my.html', 'citizen'],
  ...(dossierId ? [[`/receipt.html?id=${dossierId}`, 'citizen']] : []),
  ['/officer/', 'officer'],
  ...(dossierId ? [[`/officer/dossier.html?id=${dossierId}`, 'officer']] : []),
];
const pages = only ? allPages.filter(([path]) => path.includes(only)) : allPages;

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? chromiumPath,
  chromeFlags: ['--headless=new', ...chromiumArgs],
});
const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
try {
  for (const [path, role] of pages) {
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) {
      const page = await browser.newPage();
      if (role)
        await page.evaluateOnNewDocument(
          (key, value) => sessionStorage.setItem(key, value),
          `egov-portal-session-${role}`,
          JSON.stringify(sessions[role]),
        );
      const result = await lighthouse(
        `${server.url}${path}`,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
        undefined,
        page,
      );
      const { audits, categories, runtimeError } = result.lhr;
      if (runtimeError) console.error(`${path}: ${runtimeError.code} ${runtimeError.message}`);
      runs.push({
        score: Math.round((categories.performance.score ?? 0) * 100),
        lcp: audits['largest-contentful-paint'].numericValue ?? Number.NaN,
        cls: audits['cumulative-layout-shift'].numericValue ?? Number.NaN,
        bytes: audits['total-byte-weight'].numericValue ?? Number.NaN,
      });
      await page.close();
    }
    rows.push({
      page: path.replace(/id=.*/, 'id=…'),
      score: median(runs.map((r) => r.score)),
      lcp: median(runs.map((r) => r.lcp)),
      cls: median(runs.map((r) => r.cls)),
      bytes: median(runs.map((r) => r.bytes)),
    });
  }
} finally {
  await browser.disconnect();
  chrome.kill();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}

console.log(`Lighthouse ${VERSION}, mobile, median of ${RUNS}`);
console.log(
  `${'page'.padEnd(34)}${'perf'.padStart(6)}${'LCP'.padStart(10)}${'CLS'.padStart(8)}${'bytes'.padStart(11)}`,
);
for (const row of rows)
  console.log(
    `${row.page.padEnd(34)}${String(row.score).padStart(6)}${`${(row.lcp / 1000).toFixed(1)} s`.padStart(10)}${row.cls.toFixed(3).padStart(8)}${`${Math.round(row.bytes / 1024)} KB`.padStart(11)}`,
  );
if (jsonOut) await writeFile(jsonOut, `${JSON.stringify(rows, null, 2)}\n`);
