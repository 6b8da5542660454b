#!/usr/bin/env node
/**
 * Packs every published package as `pnpm publish` would (workspace: ranges rewritten) and runs
 * publint (--strict: warnings fail too) and Are The Types Wrong (ESM-only profile: the packages
 * ship ESM only, on purpose — see docs/decisions) on each tarball.
 * Run after `pnpm build`. Exits non-zero on any finding.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['schema', 'client', 'signing', 'elements', 'server'];
const bin = (name) => join(root, 'node_modules', '.bin', name);
const out = mkdtempSync(join(tmpdir(), 'egov-pack-'));
let failed = 0;

try {
  for (const name of packages) {
    const dir = join(root, 'packages', name);
    const before = new Set(readdirSync(out));
    execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, stdio: 'pipe' });
    const tarball = readdirSync(out).find((file) => !before.has(file));
    if (!tarball) throw new Error(`pnpm pack made no tarball for ${name}`);
    for (const [tool, args] of [
      ['publint', ['run', join(out, tarball), '--strict']],
      ['attw', [join(out, tarball), '--profile', 'esm-only', '--format', 'table-flipped']],
    ]) {
      try {
        const output = execFileSync(bin(tool), args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
        console.log(`✓ @egov-kit/${name}: ${tool}`);
        if (process.env.VERBOSE) console.log(output);
      } catch (error) {
        failed += 1;
        console.log(`✗ @egov-kit/${name}: ${tool}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
      }
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

console.log(`package checks: ${packages.length * 2 - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
