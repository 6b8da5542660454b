/**
 * One journey of the end-to-end suite: its own browser context (its own session storage, so its
 * own demo sign-ins), numbered screenshots of every step under
 * `.ci/out/screenshots/e2e/<journey>/NN-step.png`, and an axe scan of every page it visits.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Person } from './person.mjs';

const AXE = fileURLToPath(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url));
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Every axe scan of the run: `{ journey, step, url, violations }`. */
export const axeScans = [];

export class Journey {
  constructor({ browser, baseUrl, name, shots, context = {}, way = 'mouse', axe = true }) {
    this.browser = browser;
    this.baseUrl = baseUrl;
    this.name = name;
    this.dir = join(shots, name);
    this.contextOptions = context;
    this.way = way;
    this.count = 0;
    this.errors = [];
    this.scanned = new Set();
    /** Whether this journey scans with axe (off where another journey shows the same pages). */
    this.axe = axe;
  }

  async open() {
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.dir, { recursive: true });
    this.context = await this.browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
      ...this.contextOptions,
    });
    this.context.setDefaultTimeout(15_000);
    this.page = await this.newPage();
    this.person = new Person(this.page, this.way);
    return this;
  }

  async newPage() {
    const page = await this.context.newPage();
    page.on('pageerror', (error) => this.errors.push(`${page.url()}: ${error.message}`));
    // The server's pages run under a strict Content-Security-Policy: any violation fails the run.
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text()))
        this.errors.push(`${page.url()}: CSP: ${message.text()}`);
    });
    return page;
  }

  /** Goes to `path` on the server. */
  async visit(path) {
    await this.page.goto(new URL(path, this.baseUrl).href);
  }

  /**
   * Records a step: a screenshot, and an axe scan when the page (path and state name) has not
   * been scanned in this journey yet, or when `axe` says so.
   */
  async step(label, { axe = 'auto', page = this.page, fullPage = true } = {}) {
    this.count += 1;
    const file = `${String(this.count).padStart(2, '0')}-${label}.png`;
    await page.screenshot({ path: join(this.dir, file), fullPage });
    // On a phone, a full-page screenshot stretches the viewport to the page and then restores
    // it; until the page has laid out again at the phone's size, a tap lands where the button
    // was in the stretched page (a lost tap, seen in CI on a loaded machine). Wait for it.
    if (fullPage && this.way === 'touch') await settled(page);
    const path = new URL(page.url()).pathname;
    if (axe === true || (axe === 'auto' && this.axe && !this.scanned.has(path))) {
      this.scanned.add(path);
      await scan(page, { journey: this.name, step: label, url: page.url() });
    }
  }

  async close() {
    await this.context?.close();
  }
}

/** Resolves once the viewport is the device's again and two frames have been drawn at it. */
async function settled(page) {
  const { width, height } = page.viewportSize() ?? {};
  await page.waitForFunction(
    ([w, h]) =>
      (w === undefined || (window.innerWidth === w && window.innerHeight === h)) &&
      (window.visualViewport?.scale ?? 1) === 1,
    [width, height],
    { polling: 'raf' },
  );
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/** Runs axe-core on the page as it is now and keeps the result. */
export async function scan(page, where) {
  // Evaluated through the DevTools protocol, not added as a <script>: the page's CSP allows no
  // inline script, and the check must not weaken it (no bypassCSP).
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(await readFile(AXE, 'utf8'));
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((node) => node.target.join(' >>> ')),
    }));
  }, AXE_TAGS);
  axeScans.push({ ...where, violations });
  return violations;
}
