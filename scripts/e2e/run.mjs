#!/usr/bin/env node
/**
 * The end-to-end suite of the demo portal and officer desk (issue #9): the real reference
 * server (`startServer` from packages/server/dist, demo on, a fresh PGlite data folder, a free
 * port) driven in Debian's Chromium by playwright-core, as a person would use it.
 *
 * Each check is counted on its own:
 *  1. the journey — find "dang ky khai sinh", apply with documents and signatures, receipt;
 *     the officer asks for a document; the citizen supplies it; the officer resolves with a
 *     digitally signed result and returns it, and checks its signature at the desk (the
 *     signature report); the result, downloaded through /track.html,
 *     verifies against the demo CA (verifyPades, and pdfsig when installed);
 *  2. the same with the keyboard only; 3. the same at 360×740 on a touch phone;
 *  4. the network dropping during submit after the server did it: one dossier, not two;
 *  5. a reload half-way through the form: the draft comes back;
 *  6. axe-core (WCAG 2.0/2.1/2.2 A and AA) on every page visited: no violation.
 *
 * Run after `pnpm build`: `pnpm e2e`. Screenshots of every step go to
 * `.ci/out/screenshots/e2e/<journey>/NN-step.png`; `{ passed, failed }` to .ci/out/e2e.json.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig, startServer } from '../../packages/server/dist/index.js';
import { verifyPades } from '../../packages/signing/dist/index.js';
import { launchChromium } from '../lib/chromium.mjs';
import * as steps from './journeys.mjs';
import { axeScans, Journey } from './lib/journey.mjs';
import { paymentChecks } from './payment.mjs';
import { surveyChecks } from './survey.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, '.ci/out/');
const shots = join(out, 'screenshots/e2e/');
const started = performance.now();

for (const built of [
  'packages/server/dist/index.js',
  'packages/elements/dist/egov-elements.js',
  'packages/client/dist/browser/index.js',
  'packages/signing/dist/browser/index.js',
]) {
  if (!existsSync(join(root, built))) {
    console.error(`e2e: ${built} is missing — run \`pnpm build\` first.`);
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'e2e.json'), JSON.stringify({ passed: 0, failed: 1 }));
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'egov-e2e-'));
const server = await startServer({
  // Satisfaction scores of a group of one are shown, so that the survey journey sees its own.
  ...readConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SURVEY_MIN_GROUP: '1' }),
  demo: true,
});
const browser = await launchChromium();
const demoCa = await (await fetch(`${server.url}/demo/ca.pem`)).text();

const MOBILE = {
  viewport: { width: 360, height: 740 },
  // 1, not a phone's 2–3: four times fewer pixels in every full-page screenshot, same layout.
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
};
const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** A token of a demo user, through the same demo sign-in the pages use. */
async function demoToken(role) {
  const response = await fetch(`${server.url}/demo/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  return (await response.json()).token;
}

/** The demo citizen's dossiers whose applicant is `fullName`, through the API. */
async function dossiersOf(fullName) {
  const token = await demoToken('citizen');
  const found = [];
  let cursor = '';
  do {
    const response = await fetch(
      `${server.url}/api/v1/dossiers?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    assert.equal(response.status, 200, 'listing the citizen’s dossiers failed');
    const page = await response.json();
    found.push(...page.items.filter((d) => d.applicant?.fullName === fullName));
    cursor = page.nextCursor ?? '';
  } while (cursor);
  return found;
}

/** Checks a downloaded result PDF: signed, untouched, by a certificate of the demo CA. */
async function checkSignedResult(download, j) {
  const path = join(j.dir, 'result.pdf');
  await download.saveAs(path);
  const { readFile } = await import('node:fs/promises');
  const bytes = new Uint8Array(await readFile(path));
  const verification = await verifyPades(bytes, { trustedRoots: [demoCa] });
  assert.equal(verification.ok, true, `verifyPades: ${JSON.stringify(verification.message ?? '')}`);
  const signer = verification.signatures.at(-1)?.result;
  assert.equal(signer?.ok, true);
  assert.match(signer.signers[0].certificate.subject, /\(DEMO\)/);
  assert.equal(signer.signers[0].trusted, true);
  try {
    execFileSync('pdfsig', ['-v'], { stdio: 'ignore' });
  } catch {
    return 'verifyPades';
  }
  const report = execFileSync('pdfsig', [path], { encoding: 'utf8' });
  assert.match(report, /Signature Validation: Signature is Valid/, report);
  return 'verifyPades + pdfsig';
}

/** The whole journey, for one way of using the portal. */
async function wholeJourney(j, n, { how, digital = true }) {
  const who = steps.applicant(n);
  await steps.findProcedure(j);
  const form = await steps.startApplication(j);
  await steps.fillAndAttach(j, form, who);
  await steps.sign(j, who, { how, digital });
  const receipt = await steps.submitAndReadReceipt(j);
  await steps.officerOpens(j, receipt.code);
  await steps.officerReceives(j);
  await steps.officerRequestsSupplement(j);
  await steps.citizenSupplies(j, receipt.code);
  await steps.officerOpens(j, receipt.code);
  await steps.officerResolvesAndReturns(j);
  await steps.officerChecksResultSignature(j);
  const download = await steps.trackAndDownload(j, receipt);
  const verifiedWith = await checkSignedResult(await download, j);
  return `${receipt.code}; result verified with ${verifiedWith}`;
}

const checks = [
  {
    name: 'journey (mouse, 1280×800): find, apply, sign, submit, supplement, signed result, track and download',
    journey: { name: 'journey', context: DESKTOP, way: 'mouse' },
    run: (j) => wholeJourney(j, 0, { how: 'draw' }),
  },
  {
    name: 'the same journey with the keyboard only (typed-name signature)',
    // The pages and states of the mouse journey at the same size: axe has scanned them there.
    journey: { name: 'keyboard', context: DESKTOP, way: 'keyboard', axe: false },
    run: (j) => wholeJourney(j, 1, { how: 'type' }),
  },
  {
    name: 'the same journey at 360×740 on a touch phone (finger-drawn signature)',
    journey: { name: 'mobile', context: MOBILE, way: 'touch' },
    run: (j) => wholeJourney(j, 2, { how: 'draw' }),
  },
  {
    name: 'the network drops during submit after the server did it: the retry makes one dossier',
    journey: { name: 'network-drop', context: DESKTOP, way: 'mouse' },
    run: async (j) => {
      const who = steps.applicant(3);
      await steps.findProcedure(j);
      const form = await steps.startApplication(j);
      await steps.fillAndAttach(j, form, who);
      await steps.sign(j, who, { how: 'declaration', digital: false });
      // The worst case: the server submits the dossier and the answer is lost on the way back;
      // then the connection stays down through the client's own retries, so that the person
      // sees it and tries again once it is back.
      let attempts = 0;
      let online = false;
      await j.page.route('**/api/v1/dossiers/*/submit', async (route) => {
        attempts += 1;
        if (online) return route.continue();
        if (attempts === 1) {
          const answer = await route.fetch();
          assert.equal(answer.status(), 200, 'the first submit did not reach the server');
        }
        await route.abort('connectionreset');
      });
      await j.person.press(j.page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }));
      await j.page
        .getByText(/mất kết nối/)
        .first()
        .waitFor({ timeout: 30_000 });
      await j.step('connection-lost', { axe: true });
      const submitted = await dossiersOf(who.mother);
      assert.equal(submitted.length, 1);
      assert.equal(submitted[0].status, 'submitted', 'the server did not process the lost submit');
      online = true;
      await j.person.press(j.page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }));
      const receipt = await steps.readReceipt(j);
      const dossiers = await dossiersOf(who.mother);
      assert.equal(dossiers.length, 1, `${dossiers.length} dossiers for one application`);
      assert.equal(dossiers[0].code, receipt.code);
      assert.equal(dossiers[0].id, submitted[0].id);
      return `${receipt.code}; ${attempts} submit requests (${attempts - 1} lost with the connection down), one dossier`;
    },
  },
  {
    name: 'a reload half-way through the form brings the draft back',
    journey: { name: 'reload-draft', context: DESKTOP, way: 'mouse' },
    run: async (j) => {
      const who = steps.applicant(4);
      await steps.findProcedure(j);
      const form = await steps.startApplication(j);
      const answers = steps.birthAnswers(who);
      await steps.fillBirthForm(j.person, form, answers, { stopAfter: 'childFullName' });
      await form
        .getByText(/Bản nháp đã được lưu|Đã lưu/)
        .first()
        .waitFor({ timeout: 20_000 });
      await j.step('half-filled');
      await j.page.reload();
      const again = j.page.locator('egov-dossier-form');
      await again.getByText(/Đã khôi phục bản nháp/).waitFor();
      const value = (name) => steps.fieldOf(again, name).evaluate((element) => element.value);
      assert.equal(await value('requesterFullName'), who.mother);
      assert.equal(await value('requesterCitizenId'), who.motherId);
      assert.equal(await value('childFullName'), who.child);
      assert.deepEqual({ ...(await value('requesterAddress')) }, { ...answers.requesterAddress });
      await j.step('draft-restored', { axe: true });
      return 'answers and notice back after reload';
    },
  },
];

checks.push(...paymentChecks({ desktop: DESKTOP, server, demoToken }));
checks.push(...surveyChecks({ desktop: DESKTOP, server, demoToken }));

const EXPECTED_PAGES = [
  '/',
  '/procedure.html',
  '/apply.html',
  '/receipt.html',
  '/my.html',
  '/officer/',
  '/officer/dossier.html',
  '/track.html',
  '/pay.html',
  '/officer/statistics.html',
];

const counts = { passed: 0, failed: 0 };
const report = (ok, name, detail) => {
  counts[ok ? 'passed' : 'failed'] += 1;
  console.log(
    `  ${ok ? '✓' : '✗'} ${name}${detail ? `\n    ${detail.replaceAll('\n', '\n    ')}` : ''}`,
  );
};

// `E2E_ONLY=journey,mobile node scripts/e2e/run.mjs` runs some journeys (while writing them).
const only = process.env.E2E_ONLY?.split(',').filter(Boolean);
// Journeys run two at a time: each spends most of its time waiting on the server and the page,
// so two share the machine's two cores well and the run stays under three minutes.
const lanes = Number(process.env.E2E_LANES || 2);

async function runCheck(check) {
  const j = await new Journey({ browser, baseUrl: server.url, shots, ...check.journey }).open();
  const t0 = performance.now();
  try {
    const detail = await check.run(j);
    assert.deepEqual(j.errors, [], 'errors in the pages');
    report(true, `${check.name} (${Math.round((performance.now() - t0) / 1000)} s)`, detail);
  } catch (error) {
    await j.page
      .screenshot({
        path: join(j.dir, `${String(j.count + 1).padStart(2, '0')}-FAILED.png`),
        fullPage: true,
      })
      .catch(() => {});
    const errors = j.errors.length ? `\n  page errors: ${j.errors.join(' | ')}` : '';
    report(false, check.name, `${String(error?.stack ?? error)}\n  at ${j.page.url()}${errors}`);
  } finally {
    await j.close();
  }
}

try {
  if (!only) await rm(shots, { recursive: true, force: true });
  const queue = checks.filter((check) => !only || only.includes(check.journey.name));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let check = queue.shift(); check; check = queue.shift()) await runCheck(check);
    }),
  );

  // 6. axe on every page visited.
  const violating = axeScans.filter((scan) => scan.violations.length);
  const seen = new Set(axeScans.map((scan) => new URL(scan.url).pathname));
  const unseen = EXPECTED_PAGES.filter((path) => !seen.has(path));
  const lines = violating.flatMap((scan) => [
    `${scan.journey} / ${scan.step} (${scan.url}):`,
    ...scan.violations.map(
      (v) => `  ${v.id} [${v.impact}] ${v.help}\n    ${v.targets.join('\n    ')}`,
    ),
  ]);
  if (unseen.length)
    lines.push(`pages never scanned (a journey stopped before them): ${unseen.join(', ')}`);
  report(
    violating.length === 0 && unseen.length === 0,
    `axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa): no violation on ${axeScans.length} scans of ${seen.size} pages`,
    lines.join('\n'),
  );
} finally {
  await browser.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}

await mkdir(out, { recursive: true });
await writeFile(join(out, 'e2e.json'), JSON.stringify(counts));
console.log(
  `e2e (${Math.round((performance.now() - started) / 1000)} s): ${counts.passed} passed, ${counts.failed} failed`,
);
process.exitCode = counts.failed ? 1 : 0;
