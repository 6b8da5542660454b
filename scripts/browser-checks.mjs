#!/usr/bin/env node
/**
 * Checks in real headless Chromium that what we ship renders, not only that it builds:
 * - Storybook's static build: stories render the element (a green `storybook build` proves
 *   nothing about that);
 * - the reference server's demo portal (what `pnpm start` serves): the single-file bundle
 *   loaded by one <script type="module"> defines the element, and a person can use the form;
 * - the runnable examples of the guides (docs/examples/*.html), on the built bundle;
 * - elements rendered on the server with Lit SSR hydrate (scripts/checks/ssr-hydration.mjs);
 * - every HTML example of the guides runs in a plain page (scripts/checks/docs-examples.mjs);
 * - every story is axe-clean on a light and a dark page and follows the language toolbar, and
 *   every element's Docs page shows its description (scripts/checks/stories.mjs).
 *
 * Run after `pnpm build` and `pnpm build-storybook` (words as arguments run only the checks whose
 * name has one of them). Screenshots go to .ci/out/screenshots/.
 * Writes {passed, failed} to .ci/out/browser-checks.json for CI's closing count.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../packages/server/dist/index.js';
import { registerDocsExampleChecks } from './checks/docs-examples.mjs';
import { registerLocalisationChecks } from './checks/localisation.mjs';
import { registerSsrChecks } from './checks/ssr-hydration.mjs';
import { registerDocsDescriptionCheck, registerStoryChecks } from './checks/stories.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { serveFolder } from './lib/static-server.mjs';

const out = fileURLToPath(new URL('../.ci/out/', import.meta.url));
const shots = `${out}screenshots/`;
await mkdir(shots, { recursive: true });

const checks = [];
const check = (name, run) => checks.push({ name, run });

/** The text of the label, hint and error inside an element's shadow root. */
const fieldState = (locator) =>
  locator.evaluate((element) => ({
    defined: customElements.get(element.localName) !== undefined,
    label: element.shadowRoot?.querySelector('[part="label"]')?.textContent?.trim() ?? null,
    error: element.shadowRoot?.querySelector('[part="error"]')?.textContent?.trim() ?? null,
    inputFocused: element.shadowRoot?.activeElement?.localName === 'input',
  }));

check('storybook: the text field story renders the element', async (browser, { storybook }) => {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${storybook}/iframe.html?id=forms-text-field--default&viewMode=story`);
  const field = page.locator('egov-text-field');
  await field.waitFor();
  const state = await fieldState(field);
  assert.equal(state.defined, true, 'egov-text-field is not defined in the story');
  assert.equal(state.label, 'Họ và tên');
  await page.screenshot({ path: `${shots}storybook-text-field.png` });
  await page.close();
});

check('storybook: the error story shows the error message', async (browser, { storybook }) => {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${storybook}/iframe.html?id=forms-text-field--showing-error&viewMode=story`);
  const field = page.locator('egov-text-field');
  await field.waitFor();
  await page.waitForFunction(() =>
    document.querySelector('egov-text-field')?.shadowRoot?.querySelector('[part="error"]'),
  );
  const state = await fieldState(field);
  assert.match(state.error ?? '', /Nhập họ và tên/);
  await page.screenshot({ path: `${shots}storybook-text-field-error.png` });
  await page.close();
});

check(
  'storybook: the docs page is generated from custom-elements.json',
  async (browser, { storybook }) => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${storybook}/iframe.html?id=forms-text-field--docs&viewMode=docs`);
    // Descriptions, CSS parts and custom properties come only from the manifest's TSDoc.
    await page.getByText('The message shown when pattern does not match').first().waitFor();
    await page.getByText('--egov-color-focus').first().waitFor({ state: 'attached' });
    await page.getByText('The native <input>.').first().waitFor({ state: 'attached' });
    await page.close();
  },
);

check(
  'storybook: the dossier form story renders its fields, loads the units and lists errors',
  async (browser, { storybook }) => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.setDefaultTimeout(10_000);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${storybook}/iframe.html?id=forms-dossier-form--one-page&viewMode=story`);
    const form = page.locator('egov-dossier-form');
    await form.waitFor();
    await page.waitForFunction(() =>
      document.querySelector('egov-dossier-form')?.shadowRoot?.querySelector('[part="submit"]'),
    );
    const rendered = await form.evaluate((element) => ({
      defined: customElements.get('egov-dossier-form') !== undefined,
      fields: Array.from(
        element.shadowRoot?.querySelectorAll('form [name]') ?? [],
        (field) => field.localName,
      ),
      headings: Array.from(element.shadowRoot?.querySelectorAll('h2') ?? [], (h) =>
        h.textContent?.trim(),
      ),
    }));
    assert.equal(rendered.defined, true, 'egov-dossier-form is not defined in the story');
    assert.ok(rendered.fields.length >= 15, `only ${rendered.fields.length} fields rendered`);
    for (const tag of [
      'egov-text-field',
      'egov-date-field',
      'egov-radio-group',
      'egov-address-field',
    ]) {
      assert.ok(rendered.fields.includes(tag), `no ${tag} in the form`);
    }
    assert.equal(rendered.headings[0], 'Thông tin công dân');
    // The units arrive through import() from a chunk of the built story: the province list fills.
    await page.waitForFunction(
      () =>
        (document
          .querySelector('egov-dossier-form')
          ?.shadowRoot?.querySelector('egov-address-field')
          ?.shadowRoot?.querySelectorAll('#province option').length ?? 0) === 35,
    );
    await page.screenshot({ path: `${shots}storybook-dossier-form-360.png`, fullPage: true });

    // A submit with nothing filled in: the summary lists the errors and takes the focus.
    await form.evaluate((element) => element.shadowRoot?.querySelector('[part="submit"]')?.click());
    await page.waitForFunction(
      () =>
        (document
          .querySelector('egov-dossier-form')
          ?.shadowRoot?.querySelector('egov-error-summary')
          ?.shadowRoot?.querySelectorAll('a').length ?? 0) > 0,
    );
    const summary = await form.evaluate((element) => {
      const box = element.shadowRoot?.querySelector('egov-error-summary');
      return {
        focused: element.shadowRoot?.activeElement === box,
        links: Array.from(box?.shadowRoot?.querySelectorAll('a') ?? [], (a) =>
          a.textContent?.trim(),
        ),
      };
    });
    assert.equal(summary.focused, true, 'the error summary did not take the focus');
    assert.equal(summary.links[0], 'Nhập họ, chữ đệm và tên.');
    await page.screenshot({
      path: `${shots}storybook-dossier-form-errors-360.png`,
      fullPage: true,
    });
    assert.deepEqual(errors, []);
    await page.close();
  },
);

check(
  'storybook: the dossier tracker story renders the status, the overdue flag and the timeline',
  async (browser, { storybook }) => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.setDefaultTimeout(10_000);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${storybook}/iframe.html?id=tracking-dossier-tracker--overdue&viewMode=story`);
    await page.locator('egov-dossier-tracker').waitFor();
    // The working-day calendar arrives in a lazy chunk: the days overdue prove it loaded.
    await page.waitForFunction(() =>
      /ngày làm việc/.test(
        document.querySelector('egov-dossier-tracker')?.shadowRoot?.querySelector('[part~="due"]')
          ?.textContent ?? '',
      ),
    );
    const state = await page.locator('egov-dossier-tracker').evaluate((element) => {
      const text = (part) =>
        element.shadowRoot
          ?.querySelector(`[part~="${part}"]`)
          ?.textContent?.replace(/\s+/g, ' ')
          .trim();
      return {
        defined: customElements.get('egov-dossier-tracker') !== undefined,
        status: text('status'),
        overdue: text('overdue'),
        events: element.shadowRoot?.querySelectorAll('ol[part="timeline"] > li').length,
      };
    });
    assert.equal(state.defined, true, 'egov-dossier-tracker is not defined in the story');
    assert.equal(state.status, 'Trạng thái: Đang giải quyết');
    assert.match(state.overdue ?? '', /Quá hạn/);
    assert.equal(state.events, 4);
    await page.screenshot({
      path: `${shots}storybook-dossier-tracker-overdue-360.png`,
      fullPage: true,
    });
    assert.deepEqual(errors, []);
    await page.close();
  },
);

check(
  'storybook: the receipt story shows the codes and a QR code to the lookup',
  async (browser, { storybook }) => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.setDefaultTimeout(10_000);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${storybook}/iframe.html?id=tracking-receipt--received&viewMode=story`);
    await page.locator('egov-receipt').waitFor();
    await page.waitForFunction(() =>
      document.querySelector('egov-receipt')?.shadowRoot?.querySelector('[part="qr"] svg path'),
    );
    const state = await page.locator('egov-receipt').evaluate((element) => ({
      defined: customElements.get('egov-receipt') !== undefined,
      title: element.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim(),
      codes: element.shadowRoot?.querySelector('[part="codes"]')?.textContent ?? '',
      link: element.shadowRoot?.querySelector('[part="qr"] a')?.getAttribute('href'),
      href: element.lookupHref,
      width: element.getBoundingClientRect().width,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    assert.equal(state.defined, true, 'egov-receipt is not defined in the story');
    assert.equal(state.title, 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    assert.match(state.codes, /HS-DEMO-000002/);
    assert.match(state.codes, /DEMO2345/);
    // The verifier travels in the fragment, which no request, log or Referer carries.
    const link = new URL(state.link);
    assert.equal(new URLSearchParams(link.hash.slice(1)).get('verifier'), 'DEMO2345');
    assert.equal(link.searchParams.get('verifier'), null);
    assert.equal(state.link, state.href);
    // Readable at 360 px: nothing wider than the screen.
    assert.ok(state.scrollWidth <= 360, `the page scrolls sideways (${state.scrollWidth} px)`);
    await page.screenshot({ path: `${shots}storybook-receipt-360.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  },
);

check(
  'docs: the forms guide page runs on the bundle and its lazy chunks',
  async (browser, { repository }) => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.setDefaultTimeout(10_000);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${repository}/docs/examples/forms.html`);
    await page.waitForFunction(() => customElements.get('egov-dossier-form'));
    // The address field's units come from an egov-elements-*.js chunk, fetched on demand.
    const address = page.locator('egov-address-field[name="address"]');
    await page.waitForFunction(
      () =>
        document
          .querySelector('egov-address-field')
          ?.shadowRoot?.querySelectorAll('#province option').length === 35,
    );
    await address.getByRole('button', { name: /Phường Hồng Hà/ }).waitFor();

    // An empty submit: blocked, and the summary lists the errors and takes the focus.
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    const summary = await page.evaluate(() => {
      const box = document.querySelector('egov-error-summary');
      return {
        focused: document.activeElement === box,
        links: Array.from(box?.shadowRoot?.querySelectorAll('a') ?? [], (a) =>
          a.textContent?.trim(),
        ),
      };
    });
    assert.equal(summary.focused, true, 'the error summary did not take the focus');
    assert.deepEqual(summary.links.slice(0, 2), ['Nhập họ và tên.', 'Nhập ngày sinh.']);
    assert.equal(await page.locator('#native-result').textContent(), '');
    await page.screenshot({ path: `${shots}docs-forms-errors-360.png`, fullPage: true });

    // The dossier form of the page renders its first step from the inline definition.
    const dossier = page.locator('egov-dossier-form');
    await dossier.getByRole('heading', { name: 'Người đề nghị' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  },
);

check(
  'portal: the home page searches the server, opens the procedure and switches to English',
  async (browser, { portal }) => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.setDefaultTimeout(10_000);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${portal}/`);
    await page.waitForFunction(() => customElements.get('egov-procedure-search'));
    assert.equal(await page.locator('h1').count(), 1, 'the home page has one h1');

    // Server mode: typed without diacritics, the demo procedure comes first from the API.
    const search = page.locator('egov-procedure-search');
    await search.locator('[part="input"]').fill('dang ky khai sinh');
    const first = search.locator('[part="result"]').first();
    await page.waitForFunction(() =>
      /Đăng ký khai sinh/.test(
        document
          .querySelector('egov-procedure-search')
          ?.shadowRoot?.querySelector('[part="result"]')?.textContent ?? '',
      ),
    );
    await page.screenshot({ path: `${shots}portal-home-search-360.png`, fullPage: true });
    await first.click();
    await page.waitForURL(/\/procedure\.html\?code=1\.001193$/);
    // Apply under the title and again after the details (issue #18): both lead to the form.
    const apply = page.getByRole('link', { name: /Nộp hồ sơ/ }).first();
    await apply.waitFor();
    assert.match((await apply.getAttribute('href')) ?? '', /^\/apply\.html\?code=1\.001193$/);
    // Readable at 360 px: nothing wider than the screen.
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= 360, `the page scrolls sideways (${scrollWidth} px)`);
    await page.screenshot({ path: `${shots}portal-procedure-360.png`, fullPage: true });

    // The English switch: <html lang="en">, the page and the elements follow, and it is kept.
    await page.getByRole('button', { name: 'English' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.getByRole('heading', { level: 1, name: 'Procedure details' }).waitFor();
    await page
      .getByRole('link', { name: /Apply online/ })
      .first()
      .waitFor();
    await page.goto(`${portal}/track.html`);
    await page.getByRole('heading', { level: 1, name: 'Track a dossier' }).waitFor();
    // By keyboard, focus stays on the switch (not on <body>), now in the other language.
    await page.getByRole('button', { name: 'Tiếng Việt' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'English',
      'focus stays on the language switch',
    );
    assert.deepEqual(errors, []);
    await page.close();
  },
);

check(
  'docs: the signature report example checks a real signed PDF and shows both signatures',
  async (browser, { repository }) => {
    // A PDF signed twice by another tool (node-signpdf), from the shared real-world samples.
    const sample = fileURLToPath(
      new URL('../../shared/data/pdf-samples/signed-twice.pdf', import.meta.url),
    );
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.setDefaultTimeout(20_000);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${repository}/docs/examples/signature-report.html`);
    await page.waitForFunction(() => customElements.get('egov-signature-report'));
    await page.getByLabel('Tệp PDF đã ký').setInputFiles(sample);
    await page.getByRole('button', { name: 'Kiểm tra chữ ký' }).click();
    const report = page.locator('egov-signature-report');
    // Self-made certificates and no trusted roots given: not forged, not valid — undecided.
    await report.getByRole('status').filter({ hasText: 'Chưa kết luận được' }).waitFor();
    const titles = await report.evaluate((element) =>
      Array.from(element.shadowRoot?.querySelectorAll('.entry-title') ?? [], (title) =>
        title.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    );
    assert.deepEqual(titles, ['Chữ ký 1/2: signpdf', 'Chữ ký 2/2: SignPdf']);
    await page.screenshot({ path: `${shots}docs-signature-report.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  },
);

check(
  'storybook: the signature report story shows every signature of a certified PDF',
  async (browser, { storybook }) => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(
      `${storybook}/iframe.html?id=signing-signature-report--several-signatures&viewMode=story`,
    );
    const report = page.locator('egov-signature-report');
    await report.getByRole('status').filter({ hasText: 'Hợp lệ' }).waitFor();
    assert.equal(await report.locator('[part="signature"]').count(), 4);
    await page.screenshot({ path: `${shots}storybook-signature-report.png`, fullPage: true });
    await page.close();
  },
);

/** The WCAG 2.2 contrast ratio of two computed `rgb()` colours. */
function contrast(a, b) {
  const luminance = (color) => {
    const [r, g, b] = color
      .match(/[\d.]+/g)
      .slice(0, 3)
      .map((c) => Number(c) / 255);
    const linear = (c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

check(
  'docs: the theming example is readable light, dark and in forced colours',
  async (browser, { repository }) => {
    for (const [colorScheme, forcedColors] of [
      ['light', 'none'],
      ['dark', 'none'],
      ['dark', 'active'],
    ]) {
      const page = await browser.newPage({
        viewport: { width: 480, height: 900 },
        colorScheme,
        forcedColors,
      });
      page.setDefaultTimeout(10_000);
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${repository}/docs/examples/theming.html`);
      await page.waitForFunction(() => customElements.get('egov-dossier-lookup'));
      await page.locator('egov-text-field input').first().focus();
      const seen = await page.evaluate(() => {
        const root = document.querySelector('egov-text-field').shadowRoot;
        const input = root.querySelector('input');
        return {
          page: getComputedStyle(document.documentElement).backgroundColor,
          label: getComputedStyle(root.querySelector('label')).color,
          hint: getComputedStyle(root.querySelector('[part="hint"]')).color,
          ring: getComputedStyle(input).outlineColor,
          font: getComputedStyle(root.querySelector('label')).fontFamily,
        };
      });
      const what = `${colorScheme}, forced colours ${forcedColors}`;
      // On a dark page, no near-black label on near-black (#17 item 3).
      assert.ok(contrast(seen.label, seen.page) >= 4.5, `${what}: label ${JSON.stringify(seen)}`);
      assert.ok(contrast(seen.hint, seen.page) >= 4.5, `${what}: hint ${JSON.stringify(seen)}`);
      assert.ok(contrast(seen.ring, seen.page) >= 3, `${what}: focus ring ${JSON.stringify(seen)}`);
      assert.match(seen.font, /Georgia/, 'the page font is inherited');
      await page.screenshot({
        path: `${shots}docs-theming-${colorScheme}${forcedColors === 'active' ? '-forced' : ''}.png`,
        fullPage: true,
      });
      assert.deepEqual(errors, []);
      await page.close();
    }
  },
);

check(
  'storybook: the design tokens page, and a story under the dark theme toolbar',
  async (browser, { storybook }) => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    page.setDefaultTimeout(10_000);
    await page.goto(`${storybook}/iframe.html?id=design-tokens--all-tokens&viewMode=story`);
    const table = page.locator('egov-token-table');
    await table.locator('egov-text-field').first().waitFor();
    // 16 colours, 9 others (src/internal/tokens.ts).
    assert.equal(await table.locator('tbody tr').count(), 25);
    await page.screenshot({ path: `${shots}storybook-design-tokens.png`, fullPage: true });

    await page.goto(
      `${storybook}/iframe.html?id=tracking-dossier-tracker--overdue&viewMode=story&globals=theme:dark`,
    );
    const tracker = page.locator('egov-dossier-tracker');
    await tracker.locator('[part="status"]').waitFor();
    const seen = await page.evaluate(() => ({
      page: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.querySelector('egov-dossier-tracker')).color,
    }));
    assert.ok(contrast(seen.text, seen.page) >= 4.5, JSON.stringify(seen));
    assert.notEqual(
      seen.page,
      'rgb(255, 255, 255)',
      'the theme toolbar did not make the page dark',
    );
    await page.screenshot({ path: `${shots}storybook-tracker-dark.png`, fullPage: true });
    await page.close();
  },
);

registerSsrChecks(check);
registerDocsExampleChecks(check);
registerLocalisationChecks(check);
registerStoryChecks(check);
registerDocsDescriptionCheck(check);

const storybookServer = await serveFolder(
  fileURLToPath(new URL('../storybook-static/', import.meta.url)),
);
// The repository itself, for the runnable examples of the guides (docs/examples/*.html).
const repositoryServer = await serveFolder(fileURLToPath(new URL('../', import.meta.url)));
check(
  'server: the API reference page renders every operation of the document',
  async (browser, { portal }) => {
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${portal}/api/v1/docs`);
    await page.locator('#takeOfficerAction').waitFor();
    const document = await (await fetch(`${portal}/api/v1/openapi.json`)).json();
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    for (const operation of operations) {
      assert.equal(
        await page.locator(`[id="${operation.operationId}"]`).count(),
        1,
        operation.operationId,
      );
    }
    assert.deepEqual(errors, []);
    await page.screenshot({ path: `${shots}api-reference.png` });
    await page.close();
  },
);

check(
  'storybook: the satisfaction survey and service statistics stories render their states',
  async (browser, { storybook }) => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.setDefaultTimeout(10_000);
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const shadowText = (tag) =>
      page.evaluate((name) => document.querySelector(name)?.shadowRoot?.textContent ?? '', tag);
    for (const [story, tag, words] of [
      ['tracking-satisfaction-survey--open', 'egov-satisfaction-survey', /Rất hài lòng/],
      [
        'tracking-satisfaction-survey--not-yet-available',
        'egov-satisfaction-survey',
        /sau khi nhận kết quả/,
      ],
      [
        'tracking-satisfaction-survey--answered-editable',
        'egov-satisfaction-survey',
        /Sửa đánh giá/,
      ],
      ['tracking-satisfaction-survey--closed', 'egov-satisfaction-survey', /hết thời hạn/],
      [
        'tracking-satisfaction-survey--offline',
        'egov-satisfaction-survey',
        /Không có kết nối mạng/,
      ],
      ['operations-service-statistics--ready', 'egov-service-stats', /Tỷ lệ đúng hạn/],
      ['operations-service-statistics--scores-withheld', 'egov-service-stats', /ẩn/],
      [
        'operations-service-statistics--error-state',
        'egov-service-stats',
        /Không tải được số liệu/,
      ],
    ]) {
      await page.goto(`${storybook}/iframe.html?id=${story}&viewMode=story`);
      await page.locator(tag).waitFor();
      await page.waitForFunction(
        ([name, source]) =>
          new RegExp(source).test(document.querySelector(name)?.shadowRoot?.textContent ?? ''),
        [tag, words.source],
      );
      assert.match(await shadowText(tag), words, story);
      await page.screenshot({ path: `${shots}storybook-${story}.png`, fullPage: true });
    }
    assert.deepEqual(errors, []);
    await page.close();
  },
);

const dataDir = await mkdtemp(join(tmpdir(), 'egov-browser-checks-'));
const portalServer = await startServer({
  host: '127.0.0.1',
  port: 0,
  dataDir,
  filesDir: join(dataDir, 'files'),
  // The demo procedure and sign-in the portal's pages use.
  demo: true,
});
const browser = await launchChromium();
const counts = { passed: 0, failed: 0 };
try {
  // `node scripts/browser-checks.mjs signature`: only the checks whose name has a given word.
  const only = process.argv.slice(2);
  for (const { name, run } of checks) {
    if (only.length && !only.some((word) => name.includes(word))) continue;
    try {
      await run(browser, {
        storybook: storybookServer.url,
        portal: portalServer.url,
        repository: repositoryServer.url,
      });
      counts.passed += 1;
      console.log(`  ✓ ${name}`);
    } catch (error) {
      counts.failed += 1;
      console.log(`  ✗ ${name}\n    ${String(error?.stack ?? error).replaceAll('\n', '\n    ')}`);
    }
  }
} finally {
  await browser.close();
  await storybookServer.close();
  await repositoryServer.close();
  await portalServer.close();
  await rm(dataDir, { recursive: true, force: true });
}
await writeFile(`${out}browser-checks.json`, JSON.stringify(counts));
console.log(`browser checks: ${counts.passed} passed, ${counts.failed} failed`);
process.exitCode = counts.failed ? 1 : 0;
