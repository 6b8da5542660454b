/**
 * The runnable example of docs/conformance/guide.md § 3: the built `egov-kit-conformance` bin
 * (`pnpm build` first), started as a vendor starts it — the mock back end in one process, the
 * kit against it in another — with the tokens and options the guide shows.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../packages/conformance/dist/cli.js', import.meta.url));
let mock: ChildProcess;
let baseUrl: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'egov-conformance-guide-'));
  mock = spawn(process.execPath, [bin, 'mock', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  baseUrl = await new Promise<string>((resolve, reject) => {
    let printed = '';
    mock.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+\/api\/v1)/.exec(printed)?.[1];
      if (url) resolve(url);
    });
    mock.once('exit', (code) => reject(new Error(`the mock exited with ${code}: ${printed}`)));
  });
});

afterAll(async () => {
  mock?.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
});

it('the guide’s run against the mock: 39 passed, 0 failed, the expired and admin checks skipped', async () => {
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
    execFile(
      process.execPath,
      [
        bin,
        '--base-url',
        baseUrl,
        '--officer-token',
        'mock-officer-haichau',
        '--other-citizen-token',
        'mock-citizen-hung',
        '--files-per-dossier',
        '30',
        '--junit',
        join(dir, 'conformance.xml'),
      ],
      { env: { ...process.env, EGOV_CITIZEN_TOKEN: 'mock-citizen-mai' } },
      (error, out) => resolve({ code: error ? (error.code as number) : 0, stdout: out }),
    );
  });
  expect(stdout).toContain('Đạt hợp đồng / Conforms: 39 passed, 0 failed, 2 skipped');
  expect(stdout).toContain('- BỎ QUA / SKIP  auth.expired-token');
  expect(stdout).toContain('- BỎ QUA / SKIP  admin.notifications');
  expect(code).toBe(0);
  expect(await readFile(join(dir, 'conformance.xml'), 'utf8')).toContain('failures="0"');
}, 120_000);
