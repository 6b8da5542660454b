import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium-options.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Writes `{passed, failed, skipped}` for CI's closing count line: web-test-runner's own summary
 * is not a format CI reads (see .ci/run).
 */
function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) counts.skipped += 1;
          else if (test.passed) counts.passed += 1;
          else counts.failed += 1;
        }
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load has no results: count it, or a syntax error would pass.
        if (
          !session.passed &&
          !session.testResults?.tests.length &&
          !session.testResults?.suites.length
        ) {
          counts.failed += 1;
        }
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(counts));
    },
  };
}

/**
 * pdf-lib's ES build (what `@egov-kit/signing` imports) imports pako, which is CommonJS and does
 * not load in a browser as is: serve pdf-lib's own single-file ES bundle instead. Bundlers
 * (tsup, Vite) convert pako themselves and need nothing.
 */
const pdfLibBundle = {
  name: 'pdf-lib-esm-bundle',
  resolveImport({ source }) {
    if (source === 'pdf-lib') return '/packages/signing/node_modules/pdf-lib/dist/pdf-lib.esm.js';
  },
};

/**
 * Lets a test hold back or fail the answer for a module, to see an element before a lazily
 * loaded part of it arrives, or when it cannot (test/signature-pad-loading.test.ts):
 * `executeServerCommand('module-gate', { match: 'panels.lazy', mode: 'hold' })`, then `'pass'`
 * to release what is held. `'fail'` answers 503. Each gate matches request paths containing
 * `match`; a test clears its gates (`'pass'`) when it is done.
 */
function moduleGate() {
  const gates = new Map();
  return {
    plugin: {
      name: 'module-gate',
      executeCommand({ command, payload }) {
        if (command !== 'module-gate') return undefined;
        const { match, mode } = payload;
        gates.get(match)?.release();
        if (mode === 'pass') gates.delete(match);
        else {
          let release = () => {};
          const held = new Promise((resolve) => {
            release = resolve;
          });
          gates.set(match, { mode, held, release });
        }
        return true;
      },
    },
    async middleware(context, next) {
      for (const [match, gate] of gates) {
        if (!context.path.includes(match)) continue;
        if (gate.mode === 'fail') {
          context.status = 503;
          context.body = 'held back by the test';
          return;
        }
        await gate.held;
      }
      return next();
    },
  };
}

const gate = moduleGate();

export default {
  rootDir: resolve(here, '../..'),
  files: [resolve(here, 'test/**/*.test.ts')],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
  middleware: [gate.middleware],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: resolve(here, 'tsconfig.json'), target: 'es2022' }),
    pdfLibBundle,
    gate.plugin,
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
    }),
  ],
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    countReporter(resolve(here, '../../.ci/out/wtr-elements.json')),
  ],
};
