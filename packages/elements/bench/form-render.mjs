#!/usr/bin/env node
/**
 * <egov-dossier-form> beside SurveyJS (survey-core + survey-js-ui 2.5.38, their UMD builds and
 * default theme), in one page of Debian's Chromium: the same 200-field application (text with
 * a pattern, number, date, select, radio, checkboxes, textarea, citizen ID, phone; half
 * required), each rule mapped to a SurveyJS validator.
 *
 * - first render: from setting the definition (ours) / creating the model (SurveyJS) to all
 *   200 fields in the DOM and painted (a frame, then a task);
 * - keystroke → validity: one character typed into a required pattern field, until its
 *   validity (ours) / its errors (SurveyJS) have changed and the frame is painted.
 *
 * Runs alternate which library goes first. Prints medians, p90 and ours ÷ SurveyJS. Uses the
 * built bundle: run `pnpm --filter @egov-kit/elements run build` first.
 *
 *   node bench/form-render.mjs [runs=10] [--quick] [--json <file>]
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchQuick, row, writeBenchJson } from '../../../scripts/lib/bench-report.mjs';
import { launchChromium } from '../../../scripts/lib/chromium.mjs';
import { serveFolder } from '../../../scripts/lib/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = resolve(here, '..');
const runs = Number(/^\d+$/.test(process.argv[2] ?? '') ? process.argv[2] : benchQuick() ? 3 : 10);

if (!existsSync(resolve(packageRoot, 'dist/egov-elements.js'))) {
  console.error('dist/egov-elements.js is missing: run `pnpm run build` in packages/elements.');
  process.exit(1);
}

const server = await serveFolder(packageRoot);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(`${server.url}/bench/form-render.html`);
  await page.waitForFunction(
    () => window.bench?.ready && customElements.get('egov-dossier-form') && window.SurveyUI,
  );
  // One warm-up of each, not counted: code compiled, styles parsed, chunks fetched.
  for (const name of ['renderOurs', 'keyOurs', 'renderSurvey', 'keySurvey']) {
    await page.evaluate((fn) => window.bench[fn](), name);
  }
  const times = { renderOurs: [], renderSurvey: [], keyOurs: [], keySurvey: [] };
  for (let run = 0; run < runs; run += 1) {
    const order = run % 2 === 0 ? ['Ours', 'Survey'] : ['Survey', 'Ours'];
    for (const who of order) {
      times[`render${who}`].push(await page.evaluate((fn) => window.bench[fn](), `render${who}`));
      times[`key${who}`].push(await page.evaluate((fn) => window.bench[fn](), `key${who}`));
    }
  }
  const quantile = (values, q) => {
    const sorted = [...values].sort((a, b) => a - b);
    const index = (sorted.length - 1) * q;
    const low = Math.floor(index);
    return sorted[low] + (sorted[Math.ceil(index)] - sorted[low]) * (index - low);
  };
  const ms = (value) => `${value.toFixed(1)} ms`.padStart(10);
  const rows = [
    ['first render, 200 fields', times.renderOurs, times.renderSurvey],
    ['keystroke → validity', times.keyOurs, times.keySurvey],
  ];
  console.log(
    `\n${runs} runs each, alternating order; Chromium ${browser.version()}; medians and p90\n`,
  );
  console.log(
    `${'measure'.padEnd(26)}${'ours p50'.padStart(10)}${'ours p90'.padStart(10)}${'SurveyJS p50'.padStart(14)}${'SurveyJS p90'.padStart(14)}${'ours/SurveyJS'.padStart(15)}`,
  );
  for (const [label, ours, theirs] of rows) {
    const [a, b] = [quantile(ours, 0.5), quantile(theirs, 0.5)];
    console.log(
      `${label.padEnd(26)}${ms(a)}${ms(quantile(ours, 0.9))}${ms(b).padStart(14)}${ms(quantile(theirs, 0.9)).padStart(14)}${(a / b).toFixed(2).padStart(15)}`,
    );
  }
  console.log('\nGoal: first render ≤ 1/3 of SurveyJS’s (ratio ≤ 0.33).');
  await writeBenchJson({
    name: 'Dossier form vs SurveyJS',
    subject: '<egov-dossier-form>',
    peer: 'SurveyJS 2.5.38',
    unit: 'ms',
    better: 'lower',
    versions: { chromium: browser.version() },
    rows: [
      row('first render, 200 fields', times.renderOurs, times.renderSurvey, {
        goal: { ratio: 0.33, atMost: true },
      }),
      row('keystroke → validity', times.keyOurs, times.keySurvey),
    ],
  });
} finally {
  await browser.close();
  await server.close();
}
