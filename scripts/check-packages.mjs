#!/usr/bin/env node
/**
 * Packs every published package as `pnpm publish` would (workspace: ranges rewritten) and runs
 * publint (--strict: warnings fail too) and Are The Types Wrong (ESM-only profile: the packages
 * ship ESM only, on purpose — see docs/decisions) on each tarball; checks that each tarball
 * carries the root's LICENSE and the fields a registry page shows (repository, homepage, bugs);
 * runs `pnpm publish --dry-run` for each package; and runs `changeset version` in a copy of the
 * repository, which must take every package to its first release with a CHANGELOG.
 * Run after `pnpm build`. Exits non-zero on any finding.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['schema', 'client', 'signing', 'elements', 'server', 'conformance'];
const bin = (name) => join(root, 'node_modules', '.bin', name);
const out = mkdtempSync(join(tmpdir(), 'egov-pack-'));
const license = readFileSync(join(root, 'LICENSE'), 'utf8');
// The version the pending changesets must take every package to: the first public release.
const firstRelease = '0.1.0';
let failed = 0;
let passed = 0;

/** Records one check: `problem` is null when it passed, else what is wrong. */
function check(name, label, problem) {
  if (problem) {
    failed += 1;
    console.log(`✗ @egov-kit/${name}: ${label}\n${problem}`);
  } else {
    passed += 1;
    console.log(`✓ @egov-kit/${name}: ${label}`);
  }
}

/** What a registry page and `npm repo`/`npm bugs` need, read from the packed manifest. */
function metadataProblems(name, manifest) {
  const problems = [];
  const repository = manifest.repository ?? {};
  if (!/^git\+https:\/\/.+\.git$/.test(repository.url ?? '')) problems.push('repository.url');
  if (repository.directory !== `packages/${name}`) problems.push('repository.directory');
  if (!manifest.homepage?.startsWith('https://')) problems.push('homepage');
  if (!manifest.bugs?.url?.startsWith('https://')) problems.push('bugs.url');
  if (manifest.license !== 'MIT') problems.push('license');
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [dependency, range] of Object.entries(manifest[field] ?? {})) {
      if (range.startsWith('workspace:')) problems.push(`${field}.${dependency} is ${range}`);
    }
  }
  return problems.length ? `  missing or wrong: ${problems.join(', ')}` : null;
}

try {
  for (const name of packages) {
    const dir = join(root, 'packages', name);
    const before = new Set(readdirSync(out));
    execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, stdio: 'pipe' });
    const tarball = readdirSync(out).find((file) => !before.has(file));
    if (!tarball) throw new Error(`pnpm pack made no tarball for ${name}`);
    const unpacked = join(out, `${name}-unpacked`);
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', join(out, tarball), '-C', unpacked]);
    const packedLicense = join(unpacked, 'package', 'LICENSE');
    check(
      name,
      'LICENSE (the root terms) in the tarball',
      !existsSync(packedLicense)
        ? '  no LICENSE in the tarball'
        : readFileSync(packedLicense, 'utf8') !== license
          ? '  LICENSE differs from the root LICENSE'
          : null,
    );
    const manifest = JSON.parse(readFileSync(join(unpacked, 'package', 'package.json'), 'utf8'));
    check(
      name,
      'repository, homepage, bugs, no workspace: range',
      metadataProblems(name, manifest),
    );
    try {
      const output = execFileSync('pnpm', ['publish', '--dry-run', '--no-git-checks'], {
        cwd: dir,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      check(
        name,
        'pnpm publish --dry-run',
        output.includes(`@egov-kit/${name}@`) ? null : `  unexpected output:\n${output}`,
      );
    } catch (error) {
      check(name, 'pnpm publish --dry-run', `${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
    for (const [tool, args] of [
      ['publint', ['run', join(out, tarball), '--strict']],
      ['attw', [join(out, tarball), '--profile', 'esm-only', '--format', 'table-flipped']],
    ]) {
      try {
        const output = execFileSync(bin(tool), args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
        check(name, tool, null);
        if (process.env.VERBOSE) console.log(output);
      } catch (error) {
        check(name, tool, `${error.stdout ?? ''}${error.stderr ?? ''}`);
      }
    }
  }
  checkChangesetVersion();
} finally {
  rmSync(out, { recursive: true, force: true });
}

/**
 * Runs `changeset version` in a copy of the repository's files (node_modules linked, not copied)
 * and checks that every package comes out at the first release with a CHANGELOG naming it. The
 * work tree is never touched: the copy is thrown away.
 */
function checkChangesetVersion() {
  const copy = join(out, 'repository');
  mkdirSync(copy);
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
    },
  );
  execFileSync(
    'tar',
    ['--null', '--files-from=-', '--ignore-failed-read', '-cf', join(out, 'repository.tar')],
    {
      cwd: root,
      input: files,
      stdio: ['pipe', 'ignore', 'ignore'],
    },
  );
  execFileSync('tar', ['-xf', join(out, 'repository.tar'), '-C', copy]);
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  for (const name of packages) {
    const modules = join(root, 'packages', name, 'node_modules');
    if (existsSync(modules)) symlinkSync(modules, join(copy, 'packages', name, 'node_modules'));
  }
  let output = '';
  try {
    output = execFileSync(bin('changeset'), ['version'], {
      cwd: copy,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    check('*', 'changeset version', `${error.stdout ?? ''}${error.stderr ?? ''}`);
    return;
  }
  if (process.env.VERBOSE) console.log(output);
  for (const name of packages) {
    const dir = join(copy, 'packages', name);
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const changelog = join(dir, 'CHANGELOG.md');
    check(
      name,
      `changeset version → ${firstRelease} with a CHANGELOG`,
      version !== firstRelease
        ? `  version ${version}, not ${firstRelease}`
        : !existsSync(changelog) || !readFileSync(changelog, 'utf8').includes(`## ${firstRelease}`)
          ? `  no CHANGELOG.md with a "## ${firstRelease}" section`
          : null,
    );
  }
}

console.log(`package checks: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
