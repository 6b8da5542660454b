#!/usr/bin/env node
/**
 * How long the demo portal takes, as a newcomer meets it (issue #9's figures):
 * - cold start: `startServer` on an empty data folder (PGlite created, migrated, 207 + 1
 *   procedures seeded, demo identities made) until `/api/v1/health` answers; then a warm start
 *   on the same folder;
 * - page loads in Debian's Chromium, desktop, no cache between runs: navigation to the `load`
 *   event, and to the page's main element having rendered its content (the element defined and
 *   its shadow root filled), median of 5 per page.
 *
 * Run after `pnpm build`: `node scripts/portal-timings.mjs`. Prints a table; not run by CI.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig, startServer } from '../packages/server/dist/index.js';
import { launchChromium } from './lib/chromium.mjs';

const RUNS = 5;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

async function start(dataDir) {
  const began = performance.now();
  const server = await startServer({
    ...readConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }),
    demo: true,
  });
  const health = await fetch(`${server.url}/api/v1/health`);
  if (!health.ok) throw new Error(`health answered ${health.status}`);
  return { server, elapsed: performance.now() - began };
}

const dataDir = await mkdtemp(join(tmpdir(), 'egov-timings-'));
const cold = await start(dataDir);
await cold.server.close();
const warm = await start(dataDir);
const { server } = warm;

/** `{ token, user }` of a demo user, through the demo sign-in the pages use. */
const signIn = async (role) =>
  (
    await fetch(`${server.url}/demo/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role }),
    })
  ).json();
const citizen = (await signIn('citizen')).token;
const mine = await (
  await fetch(`${server.url}/api/v1/dossiers?limit=1`, {
    headers: { authorization: `Bearer ${citizen}` },
  })
).json();
const dossierId = mine.items[0]?.id;

// Each page and the element whose rendered content means "the page is usable".
const pages = [
  ['/', 'egov-procedure-search', null],
  ['/procedure.html?code=1.001193', 'egov-procedure-detail', null],
  ['/apply.html?code=1.001193', 'egov-dossier-form', 'citizen'],
  ['/track.html', 'egov-dossier-lookup', null],
  ['/my.html', 'main', 'citizen'],
  ...(dossierId ? [[`/receipt.html?id=${dossierId}`, 'egov-receipt', 'citizen']] : []),
  ['/officer/', 'main', 'officer'],
];

const browser = await launchChromium();
const rows = [];
for (const [path, ready, role] of pages) {
  const loads = [];
  const usable = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    if (role) {
      // Signed in as the pages keep it: sessionStorage, as portal/js/session.js writes it.
      const saved = JSON.stringify(await signIn(role));
      await context.addInitScript(
        ([r, value]) => sessionStorage.setItem(`egov-portal-session-${r}`, value),
        [role, saved],
      );
    }
    const page = await context.newPage();
    const began = performance.now();
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    loads.push(performance.now() - began);
    await page.waitForFunction(
      (selector) => {
        const element = document.querySelector(selector);
        if (!element) return false;
        if (selector === 'main') return element.textContent.trim().length > 0;
        return (
          customElements.get(selector) !== undefined &&
          (element.shadowRoot?.childElementCount ?? 0) > 0
        );
      },
      ready,
      { timeout: 15_000 },
    );
    usable.push(performance.now() - began);
    await context.close();
  }
  rows.push({ path: path.replace(/id=.*/, 'id=…'), load: median(loads), usable: median(usable) });
}
await browser.close();
await server.close();
await rm(dataDir, { recursive: true, force: true });

console.log(`cold start (empty data folder) to first response: ${ms(cold.elapsed)}`);
console.log(`warm start (same folder) to first response:       ${ms(warm.elapsed)}`);
console.log(`\npage loads, Chromium, no cache, median of ${RUNS}`);
console.log(`${'page'.padEnd(36)}${'load event'.padStart(12)}${'usable'.padStart(12)}`);
for (const row of rows) {
  console.log(`${row.path.padEnd(36)}${ms(row.load).padStart(12)}${ms(row.usable).padStart(12)}`);
}
