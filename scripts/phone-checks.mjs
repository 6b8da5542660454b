#!/usr/bin/env node
/**
 * The demo portal and officer desk as a citizen on a cheap phone meets them (issue #18), in
 * Debian's Chromium at 360 × 740 under a slow-phone profile — CPU slowed ×4 and a network of
 * 150 ms round trip and 1.6 Mbps (Lighthouse's "slow 4G", applied by the DevTools protocol, not
 * simulated):
 * - layout shift: the cumulative layout shift (largest session window, as Core Web Vitals count
 *   it) from navigation until the page's content has arrived is at most 0.1 on every page;
 * - weight: the bytes a first visit transfers (empty cache, compressed as served) stay within
 *   each page's budget; the application page within 300 KB until the citizen chooses to sign
 *   digitally.
 *
 * - a second accessibility engine beside the axe-core scans of the journeys: IBM's Equal Access
 *   engine (accessibility-checker-engine's ace.js, in the page) finds no violation of its WCAG
 *   2.2 A/AA rule set on any page, once its content has arrived.
 *
 * - the receipt on paper: Chromium prints the receipt page to PDF (page.pdf) and poppler's
 *   pdftotext reads it back — the confirmation of online submission before the agency receives
 *   the dossier, Mẫu 01 after — without the site's banner or navigation.
 *
 * - a keyboard and screen-reader journey: after each action (a lookup, an empty submit, the
 *   language switch) where the focus is — through shadow roots — and what the live regions say.
 *
 * Run after `pnpm build`: `node scripts/phone-checks.mjs [word …]` (words run only the checks
 * whose name has one). Writes {passed, failed} to .ci/out/phone-checks.json for CI's count.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../packages/server/dist/index.js';
import { launchChromium } from './lib/chromium.mjs';

const out = fileURLToPath(new URL('../.ci/out/', import.meta.url));
const shots = `${out}screenshots/`;
await mkdir(shots, { recursive: true });

/** Lighthouse's mobile slow 4G: 150 ms RTT, 1.6 Mbps down, 750 kbps up; CPU ×4. */
const SLOW_PHONE = {
  cpu: 4,
  network: {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  },
};
const MAX_CLS = 0.1;
const acePath = createRequire(import.meta.url).resolve('accessibility-checker-engine/ace.js');
/** IBM's rule set for WCAG 2.2 A and AA (https://www.ibm.com/able/requirements/checker-rule-sets). */
const ACE_RULESET = 'WCAG_2_2';
const KB = 1024;

const checks = [];
const check = (name, run) => checks.push({ name, run });

/**
 * Opens `path` as a first visit on a slow phone, signed in as `role` when given, waits until
 * `ready` (a function run in the page) holds and the network is quiet, and returns the layout
 * shift and the bytes transferred.
 */
async function firstVisit(browser, portal, { path, role, ready, sessions, then }) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  if (role) {
    await context.addInitScript(
      ([key, value]) => sessionStorage.setItem(key, value),
      [`egov-portal-session-${role}`, JSON.stringify(sessions[role])],
    );
  }
  // Every layout shift from the first paint on, grouped into session windows (1 s gap, 5 s cap).
  await context.addInitScript(() => {
    const shifts = [];
    window.__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput)
          shifts.push({
            value: entry.value,
            time: entry.startTime,
            sources: (entry.sources ?? []).map((source) => {
              const node = source.node;
              const name = node
                ? `${node.localName ?? '#text'}${node.id ? `#${node.id}` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.split(' ')[0]}` : ''}`
                : '?';
              return `${name} ${Math.round(source.previousRect.y)}→${Math.round(source.currentRect.y)}`;
            }),
          });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_PHONE.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpu });
  const transfers = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response }) =>
    transfers.set(requestId, { url: response.url, bytes: 0 }),
  );
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const transfer = transfers.get(requestId) ?? { url: '?', bytes: 0 };
    transfer.bytes = encodedDataLength;
    transfers.set(requestId, transfer);
  });
  await page.goto(`${portal}${path}`, { waitUntil: 'load' });
  await page.waitForFunction(arrived, ready);
  await page.waitForLoadState('networkidle');
  // Late shifts (fonts, a list arriving) land within a second of the last response.
  await page.waitForTimeout(1000);
  const shifts = await page.evaluate(() => window.__shifts);
  const result = {
    cls: cumulativeLayoutShift(shifts),
    shifts,
    bytes: [...transfers.values()].reduce((sum, transfer) => sum + transfer.bytes, 0),
    transfers: [...transfers.values()].sort((a, b) => b.bytes - a.bytes),
    errors,
    page,
  };
  if (then) await then(page, result, cdp);
  await page.screenshot({
    path: `${shots}phone-${path.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '') || 'home'}.png`,
  });
  await context.close();
  return result;
}

/** The largest session window of layout shifts: gaps under 1 s, windows at most 5 s long. */
export function cumulativeLayoutShift(shifts) {
  let largest = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const shift of shifts) {
    if (shift.time - last > 1000 || shift.time - first > 5000) {
      current = 0;
      first = shift.time;
    }
    current += shift.value;
    last = shift.time;
    largest = Math.max(largest, current);
  }
  return largest;
}

const describe = (result) =>
  `CLS ${result.cls.toFixed(3)}; shifts: ${JSON.stringify(
    result.shifts.filter((s) => s.value > 0.001).map((s) => [s.value.toFixed(3), ...s.sources]),
  )}`;
const heaviest = (result) =>
  result.transfers
    .slice(0, 8)
    .map((t) => `${Math.round(t.bytes / KB)} KB ${t.url.replace(/^https?:\/\/[^/]+/, '')}`)
    .join('; ');

/**
 * Whether the page's content has arrived: `element` is defined and its shadow root holds
 * `inside` (or anything), or `query` matches in the page. Run in the page (the CSP forbids
 * strings as code).
 */
const arrived = ({ element, inside, query }) => {
  if (query) return document.querySelector(query) !== null;
  const found = document.querySelector(element);
  if (!found || customElements.get(element) === undefined) return false;
  return inside
    ? found.shadowRoot?.querySelector(inside) != null
    : (found.shadowRoot?.childElementCount ?? 0) > 0;
};

// Each page, the sign of its content having arrived, and the most a first visit may transfer.
const pages = (ids) => [
  {
    path: '/',
    ready: { element: 'egov-procedure-search', inside: 'li' },
    budget: 300,
  },
  {
    path: '/procedure.html?code=1.001193',
    ready: { element: 'egov-procedure-detail', inside: '[part="document"]' },
    budget: 300,
  },
  {
    path: '/apply.html?code=1.001193',
    role: 'citizen',
    ready: { element: 'egov-dossier-form', inside: 'form' },
    budget: 300,
  },
  { path: '/track.html', ready: { element: 'egov-dossier-lookup' }, budget: 300 },
  {
    path: '/my.html',
    role: 'citizen',
    ready: { query: '#content table, #content ul, #content .empty' },
    budget: 300,
  },
  {
    path: `/receipt.html?id=${ids.dossier}`,
    role: 'citizen',
    ready: { element: 'egov-receipt' },
    budget: 300,
  },
  {
    path: '/officer/',
    role: 'officer',
    ready: { query: '#content table, #content ul, #content p' },
    budget: 300,
  },
  {
    path: `/officer/dossier.html?id=${ids.dossier}`,
    role: 'officer',
    ready: { query: '#content h2' },
    budget: 300,
  },
];

const dataDir = await mkdtemp(join(tmpdir(), 'egov-phone-checks-'));
const server = await startServer({
  host: '127.0.0.1',
  port: 0,
  dataDir,
  filesDir: join(dataDir, 'files'),
  demo: true,
});
const portal = server.url;
const signIn = async (role) =>
  (
    await fetch(`${portal}/demo/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role }),
    })
  ).json();
const sessions = { citizen: await signIn('citizen'), officer: await signIn('officer') };
const listed = await (
  await fetch(`${portal}/api/v1/dossiers?limit=20`, {
    headers: { authorization: `Bearer ${sessions.citizen.token}` },
  })
).json();
const ids = { dossier: listed.items?.[0]?.id };
const byStatus = (status) => listed.items?.find((item) => item.status === status)?.id;

for (const spec of pages(ids)) {
  check(
    `phone: ${spec.path.replace(/id=.*/, 'id=…')} does not jump while loading`,
    async (browser) => {
      const result = await firstVisit(browser, portal, { ...spec, sessions });
      assert.deepEqual(result.errors, []);
      assert.ok(result.cls <= MAX_CLS, describe(result));
      console.log(`    CLS ${result.cls.toFixed(3)}, ${Math.round(result.bytes / KB)} KB`);
      assert.ok(
        result.bytes <= spec.budget * KB,
        `${Math.round(result.bytes / KB)} KB > ${spec.budget} KB: ${heaviest(result)}`,
      );
    },
  );
}

/**
 * IBM's engine on a page, after its content arrived: the violations (not the items it asks a
 * person to review), as "rule: message at path". The CSP is bypassed only to add the engine.
 */
async function ibmViolations(browser, { path, role, ready }) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    bypassCSP: true,
  });
  if (role) {
    await context.addInitScript(
      ([key, value]) => sessionStorage.setItem(key, value),
      [`egov-portal-session-${role}`, JSON.stringify(sessions[role])],
    );
  }
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${portal}${path}`, { waitUntil: 'load' });
  await page.waitForFunction(arrived, ready);
  await page.waitForLoadState('networkidle');
  await page.addScriptTag({ path: acePath });
  const found = await page.evaluate(async (ruleset) => {
    const checker = new globalThis.ace.Checker();
    const report = await checker.check(document, [ruleset]);
    return report.results
      .filter((result) => result.value[0] === 'VIOLATION' && result.value[1] === 'FAIL')
      .map((result) => `${result.ruleId}: ${result.message} at ${result.path?.dom}`);
  }, ACE_RULESET);
  await context.close();
  return found;
}

for (const spec of pages(ids)) {
  check(
    `ibm engine: ${spec.path.replace(/id=.*/, 'id=…')} has no WCAG 2.2 AA violation`,
    async (browser) => {
      assert.deepEqual(await ibmViolations(browser, spec), []);
    },
  );
}

/** The receipt page of `id` printed to PDF by Chromium, read back as text by pdftotext. */
async function printedReceipt(browser, id) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1200 } });
  await context.addInitScript(
    ([key, value]) => sessionStorage.setItem(key, value),
    ['egov-portal-session-citizen', JSON.stringify(sessions.citizen)],
  );
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${portal}/receipt.html?id=${encodeURIComponent(id)}`);
  await page.waitForFunction(arrived, { element: 'egov-receipt', inside: '[part="title"]' });
  await page.waitForLoadState('networkidle');
  await page.emulateMedia({ media: 'print' });
  const file = join(dataDir, `receipt-${id}.pdf`);
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  await context.close();
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
    /[ \t]+/g,
    ' ',
  );
}

const notOnPaper = ['Bản demo', 'Điều hướng chính', 'Tra cứu hồ sơ Hồ sơ của tôi', 'English'];

check(
  'print: before reception, the receipt page prints a confirmation of submission',
  async (browser) => {
    const id = byStatus('submitted');
    assert.ok(id, 'no submitted dossier in the demo data');
    const text = await printedReceipt(browser, id);
    assert.match(text, /XÁC NHẬN NỘP HỒ SƠ TRỰC TUYẾN|Xác nhận nộp hồ sơ trực tuyến/);
    assert.doesNotMatch(text, /Giấy tiếp nhận hồ sơ và hẹn trả kết quả/i);
    assert.match(text, /Đây chưa phải giấy tiếp nhận hồ sơ/);
    assert.match(text, /Mã hồ sơ\s+HS-/);
    assert.match(text, /Thời gian nộp hồ sơ\s+\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    for (const words of notOnPaper) assert.ok(!text.includes(words), `"${words}" is on paper`);
  },
);

check('print: after reception, the receipt page prints Mẫu 01 with its lines', async (browser) => {
  const id = byStatus('in_progress') ?? byStatus('received');
  assert.ok(id, 'no received dossier in the demo data');
  const text = await printedReceipt(browser, id);
  for (const line of [
    /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/,
    /Độc lập - Tự do - Hạnh phúc/,
    /Giấy tiếp nhận hồ sơ và hẹn trả kết quả/i,
    /Mã hồ sơ\s+HS-/,
    /Tiếp nhận hồ sơ của\s+\S/,
    // The address with the units' names, not codes.
    /Địa chỉ\s+.+, (?:Phường|Xã|Đặc khu) .+, (?:Thành phố|Tỉnh) /,
    /Số lượng hồ sơ\s+01 bộ/,
    // The term may wrap in its column: "Thời gian giải quyết hồ sơ 02 Giờ\ntheo quy định".
    /Thời gian giải quyết hồ sơ\s+(?:theo quy định\s+)?\S[^\n]*\n?(?:theo quy định)?/,
    /Thời gian nhận hồ sơ\s+\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/,
    /Thời gian trả kết quả\s+\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/,
    /Đăng ký nhận kết quả tại\s+Bộ phận Một cửa/,
    /Người nộp hồ sơ\s+Người tiếp nhận hồ sơ/,
    /\(Ký và ghi rõ họ tên\)\s+\(Ký và ghi rõ họ tên\)/,
  ]) {
    assert.match(text, line);
  }
  for (const words of notOnPaper) assert.ok(!text.includes(words), `"${words}" is on paper`);
});

/**
 * What a screen reader user meets: the focused element (through shadow roots) as
 * "tag#id[role]: its text", and the text of every live region (status, alert, aria-live).
 */
const whereAmI = () => {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  const regions = [];
  const walk = (root) => {
    for (const node of root.querySelectorAll('*')) {
      const role = node.getAttribute('role');
      if (role === 'status' || role === 'alert' || node.hasAttribute('aria-live')) {
        const text = node.textContent.replace(/\s+/g, ' ').trim();
        if (text) regions.push(text);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
  };
  walk(document);
  // A focused host (the error summary) says what its shadow root holds.
  const said = `${element?.textContent ?? ''} ${element?.shadowRoot?.textContent ?? ''}`
    .replace(/\s+/g, ' ')
    .trim();
  const focus = element
    ? `${element.localName}${element.id ? `#${element.id}` : ''}[${element.getAttribute('role') ?? ''}]: ${said.slice(0, 2000)}`
    : 'none';
  return { focus, regions };
};

check('keyboard and screen reader: lookup, empty submit, language switch', async (browser) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await context.addInitScript(
    ([key, value]) => sessionStorage.setItem(key, value),
    ['egov-portal-session-citizen', JSON.stringify(sessions.citizen)],
  );
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);

  // 1. Lookup by keyboard: the result is announced and the focus moves to the status.
  await page.goto(`${portal}/track.html`);
  await page.waitForFunction(arrived, { element: 'egov-dossier-lookup', inside: 'form' });
  const lookup = page.locator('egov-dossier-lookup');
  await lookup.getByLabel('Mã hồ sơ').focus();
  await page.keyboard.type('HS-DEMO-000002');
  await page.keyboard.press('Tab');
  await page.keyboard.type('DEMO2345');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return /Trạng thái/.test(element?.textContent ?? '');
  });
  const afterLookup = await page.evaluate(whereAmI);
  assert.match(afterLookup.focus, /Trạng thái: /, JSON.stringify(afterLookup));
  assert.ok(
    afterLookup.regions.some((text) => /HS-DEMO-000002|Trạng thái/.test(text)),
    `nothing announced the result: ${JSON.stringify(afterLookup)}`,
  );

  // 2. The language switch by keyboard: focus stays on the switch, now in the other language.
  await page.locator('.lang-switch').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const afterSwitch = await page.evaluate(whereAmI);
  assert.match(afterSwitch.focus, /^button\[\]: Tiếng Việt$/, JSON.stringify(afterSwitch));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'vi');

  // 3. An empty submit of the application: one round of problems — focus moves to the first
  //    (the missing signature), an alert says so, and the form's summary names whose field each
  //    message is about, none ending in "?.".
  await page.goto(`${portal}/apply.html?code=1.001193`);
  await page.waitForFunction(arrived, { element: 'egov-dossier-form', inside: 'form' });
  await page.locator('#submit').focus();
  await page.keyboard.press('Enter');
  const summaryText = () =>
    document
      .querySelector('egov-dossier-form')
      ?.shadowRoot?.querySelector('egov-error-summary')
      ?.shadowRoot?.textContent?.replace(/\s+/g, ' ')
      .trim() ?? '';
  await page.waitForFunction(summaryText);
  const summary = await page.evaluate(summaryText);
  const afterSubmit = await page.evaluate(whereAmI);
  assert.notEqual(afterSubmit.focus.split('[')[0], 'body', 'focus fell to <body>');
  assert.notEqual(afterSubmit.focus.split('[')[0], 'button#submit', 'focus stayed on Submit');
  assert.ok(afterSubmit.regions.length > 0, 'no live region said anything');
  assert.match(summary, /Nhập ngày, tháng, năm sinh của người mẹ\./);
  assert.match(summary, /Nhập ngày, tháng, năm sinh của người được khai sinh\./);
  assert.doesNotMatch(summary, /\?\./, 'a message ends in "?."');
  await context.close();
});

const browser = await launchChromium();
const counts = { passed: 0, failed: 0 };
try {
  const only = process.argv.slice(2);
  for (const { name, run } of checks) {
    if (only.length && !only.some((word) => name.includes(word))) continue;
    try {
      await run(browser);
      counts.passed += 1;
      console.log(`  ✓ ${name}`);
    } catch (error) {
      counts.failed += 1;
      console.log(`  ✗ ${name}\n    ${String(error?.stack ?? error).replaceAll('\n', '\n    ')}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}
await mkdir(out, { recursive: true });
await writeFile(`${out}phone-checks.json`, JSON.stringify(counts));
console.log(`phone checks: ${counts.passed} passed, ${counts.failed} failed`);
process.exitCode = counts.failed ? 1 : 0;
