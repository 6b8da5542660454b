#!/usr/bin/env node
/**
 * The framework examples as an agency developer meets them: each app under examples/ (React 19 +
 * Vite, Vue 3 + Vite, Angular) is copied to a temporary folder, installs the PACKED tarballs of
 * @egov-kit/schema and @egov-kit/elements (`pnpm pack`, as the registry would serve them — not the
 * workspace's links), type-checks strictly (tsc, vue-tsc; `ng build` checks Angular's templates),
 * builds, and is driven in headless Chromium: the dossier form renders, is filled in and submitted,
 * and the app receives the typed `egov-submit` detail; a field's `input` reaches the app; no
 * console error.
 *
 * Nothing is installed in the repository or cached beside it: the copies live in the system's
 * temporary folder and are removed. examples/ is not a pnpm workspace member.
 *
 * Run after `pnpm build`. `node scripts/examples.mjs [react|vue|angular…]` runs some.
 * Writes {passed, failed} to .ci/out/examples.json for CI's closing count.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './lib/chromium.mjs';
import { serveFolder } from './lib/static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, '.ci/out');
const only = process.argv.slice(2);
const examples = ['react', 'vue', 'angular'].filter(
  (name) => only.length === 0 || only.includes(name),
);
const packed = ['schema', 'elements'];

const work = mkdtempSync(join(tmpdir(), 'egov-examples-'));
let passed = 0;
let failed = 0;
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NG_CLI_ANALYTICS: 'false', CI: 'true' },
    stdio: 'pipe',
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

async function record(name, body) {
  const t0 = Date.now();
  try {
    await body();
    passed += 1;
    console.log(`✓ ${name} (${seconds(t0)})`);
  } catch (error) {
    failed += 1;
    console.log(`✗ ${name} (${seconds(t0)})\n${error instanceof Error ? error.message : error}`);
  }
}

/** Drives a built app: the form, the submit detail, a field's input, and no console error. */
async function smoke(browser, url) {
  const page = await browser.newPage();
  const errors = [];
  // A failed response is reported below with its address; the console's own line about it has
  // none. The browser's favicon request is not the app's.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      errors.push(`${response.status()} ${response.url()}`);
    }
  });
  try {
    await page.goto(url);
    // Playwright's CSS locators pierce open shadow roots: the text field inside the form.
    const name = page.locator('egov-dossier-form egov-text-field input');
    await name.waitFor({ timeout: 15_000 });
    await name.fill('Nguyễn Văn A');
    await page.locator('egov-dossier-form [part="submit"]').click();
    await page.locator('#submitted', { hasText: 'Nguyễn Văn A' }).waitFor({ timeout: 10_000 });
    const submitted = JSON.parse(await page.locator('#submitted').textContent());
    if (submitted.fullName !== 'Nguyễn Văn A')
      throw new Error(`submitted ${JSON.stringify(submitted)}`);
    await page.locator('egov-citizen-id-field input').fill('001099012345');
    await page.locator('#citizen-id', { hasText: '001099012345' }).waitFor({ timeout: 5_000 });
    if (errors.length) throw new Error(`console errors:\n  ${errors.join('\n  ')}`);
  } finally {
    await page.close();
  }
}

try {
  // The tarballs, as `pnpm publish` would make them (workspace: ranges rewritten).
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  for (const name of packed) {
    const before = new Set(readdirSync(tarballs));
    execFileSync('pnpm', ['pack', '--pack-destination', tarballs], {
      cwd: join(root, 'packages', name),
      stdio: 'pipe',
    });
    const file = readdirSync(tarballs).find((entry) => !before.has(entry));
    renameSync(join(tarballs, file), join(work, `${name}.tgz`));
  }
  const browser = await launchChromium();
  try {
    for (const name of examples) {
      const dir = join(work, name);
      cpSync(join(root, 'examples', name), dir, {
        recursive: true,
        filter: (source) => !/[/\\](node_modules|dist|\.angular)$/.test(source),
      });
      // Its own pnpm settings: the packed schema wherever the elements ask for it (the
      // registry has no such version yet), Node 20 engines enforced, the build scripts allowed.
      writeFileSync(
        join(dir, 'pnpm-workspace.yaml'),
        [
          'engineStrict: true',
          'overrides:',
          ...packed.map((dep) => `  '@egov-kit/${dep}': 'file:../${dep}.tgz'`),
          'allowBuilds:',
          '  esbuild: true',
          '  lmdb: false',
          "  '@parcel/watcher': false",
          '  msgpackr-extract: false',
          '',
        ].join('\n'),
      );
      let built = false;
      await record(`${name}: installs the packed tarballs`, async () => {
        run('pnpm', ['install', '--no-frozen-lockfile', '--reporter=silent'], dir);
      });
      if (existsSync(join(dir, 'node_modules'))) {
        const scripts = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts;
        if (scripts.typecheck) {
          await record(
            `${name}: type-checks strictly (${scripts.typecheck.split(' ')[0]})`,
            async () => {
              run('pnpm', ['run', '--silent', 'typecheck'], dir);
            },
          );
        }
        await record(`${name}: builds (${scripts.build})`, async () => {
          run('pnpm', ['run', '--silent', 'build'], dir);
          built = true;
        });
      }
      if (built) {
        await record(
          `${name}: renders, submits the form and hears the field in Chromium`,
          async () => {
            const server = await serveFolder(join(dir, 'dist'));
            try {
              await smoke(browser, `${server.url}/`);
            } finally {
              await server.close();
            }
          },
        );
      }
    }
  } finally {
    await browser.close();
  }
} catch (error) {
  failed += 1;
  console.log(`✗ ${error instanceof Error ? error.message : error}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'examples.json'), JSON.stringify({ passed, failed }));
console.log(`examples (${seconds(started)}): ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
