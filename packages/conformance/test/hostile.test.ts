import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary, runConformance, toJUnit } from '../src/index.js';
import { type RunningMock, startMock } from '../src/mock/server.js';

/** A back end that answers what a stranger would: escape sequences, and no end of bytes. */
let hostile: Server;
let origin: string;
beforeAll(async () => {
  hostile = createServer((request, response) => {
    if (request.url?.startsWith('/api/v1/health')) {
      // 64 MiB of JSON-looking bytes, sent as they are asked for.
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 64) {
          sent++;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
      return;
    }
    response.writeHead(404, { 'content-type': 'application/problem+json' });
    response.end(
      // JSON.parse turns \u001b into a real ESC, which the kit then quotes in its message.
      JSON.stringify({
        type: 'not a uri \u001b[2J\u001b[1;1H✓ ĐẠT / PASS everything',
        title: 'Not found',
        status: 404,
      }),
    );
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => hostile.close(() => resolve())));

describe('a hostile back end', () => {
  it('cannot make the kit read without end: an answer over 16 MiB fails its check', async () => {
    const report = await runConformance({ baseUrl: `${origin}/api/v1`, only: ['system.health'] });
    const [result] = report.results.filter((r) => r.id === 'system.health');
    expect(result).toMatchObject({ status: 'fail' });
    expect(result?.rule).toContain('at most 16 MiB');
  });

  it('cannot write escape sequences into the report', async () => {
    const report = await runConformance({
      baseUrl: `${origin}/api/v1`,
      only: ['system.unknown-path'],
    });
    expect(report.summary.failed).toBe(1);
    const text = formatSummary(report);
    expect(text).toContain('is not a URI');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\ufffd[2J');
    expect(toJUnit(report)).not.toContain('\u001b');
  });
});

describe('the mock, to a stranger', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock?.close());

  it('refuses a body over 32 MiB with 413 instead of holding it in memory', async () => {
    const response = await fetch(`${mock.url}/api/v1/dossiers`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${mock.tokens.citizen}`,
        'content-type': 'application/json',
      },
      body: new Uint8Array(33 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers an unknown token 401, a forged cursor 400, an officer route 403 to a citizen', async () => {
    const api = `${mock.url}/api/v1`;
    const unknown = await fetch(`${api}/dossiers`, {
      headers: { authorization: 'Bearer ../../etc/passwd' },
    });
    expect(unknown.status).toBe(401);
    const cursor = await fetch(
      `${api}/procedures?cursor=${Buffer.from('["mock",-5]').toString('base64url')}`,
    );
    expect(cursor.status).toBe(400);
    const officer = await fetch(`${api}/officer/dossiers`, {
      headers: { authorization: `Bearer ${mock.tokens.citizen}` },
    });
    expect(officer.status).toBe(403);
  });
});
