import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliIo, main } from '../src/cli-main.js';
import { CHECKS } from '../src/index.js';
import { type RunningMock, startMock } from '../src/mock/server.js';

let mock: RunningMock;
let dir: string;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
  dir = await mkdtemp(join(tmpdir(), 'egov-conformance-cli-'));
});
afterAll(async () => {
  await mock?.close();
  await rm(dir, { recursive: true, force: true });
});

function capture(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('egov-kit-conformance', () => {
  it('exits 0 when every selected check passes, and writes JUnit XML and JSON', async () => {
    const { io, out } = capture({ EGOV_OFFICER_TOKEN: mock.tokens.officer });
    const code = await main(
      [
        '--base-url',
        `${mock.url}/api/v1`,
        '--citizen-token',
        mock.tokens.citizen,
        '--only',
        'system.*,dossiers.create,etag.*',
        '--junit',
        join(dir, 'reports/conformance.xml'),
        '--json',
        join(dir, 'reports/conformance.json'),
      ],
      io,
    );
    expect(code, out()).toBe(0);
    expect(out()).toMatch(/✓ ĐẠT \/ PASS {2}etag\.if-match/);
    expect(out()).toMatch(/: 6 passed, 0 failed, \d+ skipped/);
    const xml = await readFile(join(dir, 'reports/conformance.xml'), 'utf8');
    expect(xml).toContain(`tests="${CHECKS.length}" failures="0"`);
    expect(xml).toContain('classname="egov-kit.conformance.etag"');
    const report = JSON.parse(await readFile(join(dir, 'reports/conformance.json'), 'utf8'));
    expect(report.summary).toEqual({ passed: 6, failed: 0, skipped: CHECKS.length - 6 });
  });

  it('exits 1 when a check fails, showing the rule, the request and the answer', async () => {
    const { io, out } = capture();
    const code = await main(
      [
        '--base-url',
        `${mock.url}/api/v1`,
        '--citizen-token',
        'not-the-mock-token',
        '--only',
        'dossiers.create',
      ],
      io,
    );
    expect(code).toBe(1);
    expect(out()).toContain('✗ KHÔNG ĐẠT / FAIL  dossiers.create');
    expect(out()).toContain('rule / quy tắc: A citizen creates a draft: createDossier answers 201');
    expect(out()).toContain('authorization: Bearer ‹citizen token›');
    expect(out()).not.toContain('not-the-mock-token');
    expect(out()).toContain('answer / trả lời: 401');
  });

  it('exits 2 on a usage error, with the help', async () => {
    const missing = capture();
    expect(await main([], missing.io)).toBe(2);
    expect(missing.err()).toContain('--base-url is required');
    const unknown = capture();
    expect(
      await main(['--base-url', 'http://127.0.0.1:1/api/v1', '--only', 'no.such'], unknown.io),
    ).toBe(2);
    expect(unknown.err()).toContain('no such check: no.such');
    const option = capture();
    expect(await main(['--base-url', 'http://x', '--colour'], option.io)).toBe(2);
    const timeout = capture();
    expect(await main(['--base-url', 'http://x', '--timeout', '-5'], timeout.io)).toBe(2);
  });

  it('lists the checks with what they cite', async () => {
    const { io, out } = capture();
    expect(await main(['--list', '--only', 'lookup.*'], io)).toBe(0);
    expect(out()).toContain('lookup.no-enumeration');
    expect(out()).toContain('GET /api/v1/lookup (lookupDossier)');
    expect(out()).not.toContain('uploads.size');
  });

  it('fails a back end that does not answer, naming the rule, instead of crashing', async () => {
    const { io, out } = capture();
    const code = await main(
      ['--base-url', 'http://127.0.0.1:9/api/v1', '--only', 'system.health', '--timeout', '5'],
      io,
    );
    expect(code).toBe(1);
    expect(out()).toContain('The back end answers every request');
    expect(out()).toContain('answer / trả lời: none —');
  });
});
