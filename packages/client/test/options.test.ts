/** The client's options, one by one: base URL, timeout, abort, hooks. */
import { describe, expect, it } from 'vitest';
import { createClient, isTimeoutError, TimeoutError } from '../src/index.js';
import {
  dossier,
  FAST,
  fakeFetch,
  hangingFetch,
  ID,
  json,
  procedure,
} from './support/fake-fetch.js';

const baseUrl = 'https://api.example.vn/api/v1';

describe('baseUrl and request shape', () => {
  it('joins the base (with or without a trailing slash) and encodes path values', async () => {
    for (const base of [baseUrl, `${baseUrl}/`, new URL(baseUrl)]) {
      const { fetch, seen } = fakeFetch(() => json(procedure()));
      await createClient({ baseUrl: base, fetch, validate: false }).procedures.get('a/b c');
      expect(seen[0]?.url.href).toBe(`${baseUrl}/procedures/a%2Fb%20c`);
      expect(seen[0]?.headers.get('accept')).toBe('application/json');
    }
  });

  it("sends a call's own headers beside the client's, the client's winning where they clash", async () => {
    const { fetch, seen } = fakeFetch(() => json(procedure()));
    await createClient({ baseUrl, fetch, validate: false, locale: 'en' }).procedures.get('x', {
      headers: { 'X-Trace-Id': 'abc', Accept: 'text/html', 'Accept-Language': 'fr' },
    });
    const headers = seen[0]?.headers;
    expect(headers?.get('x-trace-id')).toBe('abc');
    expect(headers?.get('accept')).toBe('application/json');
    expect(headers?.get('accept-language')).toBe('en');
  });

  it('refuses a base that is not a URL when the client is made, not at the first call', () => {
    expect(() => createClient({ baseUrl: 'not a url' })).toThrow(
      /baseUrl "not a url" is not a URL/,
    );
  });

  it('refuses an empty id before sending anything', async () => {
    const { fetch, seen } = fakeFetch(() => json(dossier()));
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    await expect(client.dossiers.get('')).rejects.toThrow(TypeError);
    expect(seen).toHaveLength(0);
  });

  it('drops undefined query values', async () => {
    const { fetch, seen } = fakeFetch(() => json({ items: [], nextCursor: null }));
    await createClient({ baseUrl, fetch }).procedures.list({ q: undefined, limit: 5 });
    expect(seen[0]?.url.search).toBe('?limit=5');
  });

  it('adds the caller’s headers, but never lets them replace the managed ones', async () => {
    const { fetch, seen } = fakeFetch(() => json(dossier(), { status: 201 }));
    const client = createClient({ baseUrl, fetch, getToken: () => 't', locale: 'en' });
    await client.dossiers.create(
      { procedureCode: '1.013133' },
      { headers: { 'x-request-id': 'abc', 'accept-language': 'fr', 'idempotency-key': 'x' } },
    );
    expect(seen[0]?.headers.get('x-request-id')).toBe('abc');
    expect(seen[0]?.headers.get('accept-language')).toBe('en');
    expect(seen[0]?.headers.get('idempotency-key')).not.toBe('x');
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(seen[0]?.body ?? '')).toEqual({ procedureCode: '1.013133' });
  });
});

describe('timeout', () => {
  it('gives up an attempt after `timeout` ms; a GET is retried, then TimeoutError', async () => {
    const { fetch, calls } = hangingFetch();
    const client = createClient({ baseUrl, fetch, timeout: 30, retry: { limit: 2, ...FAST } });
    const error = await client.procedures.get('1.013133').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(isTimeoutError(error) && error.timeout).toBe(30);
    expect(calls()).toBe(3);
  });

  it('a draft update times out once, never repeated', async () => {
    const { fetch, calls } = hangingFetch();
    const client = createClient({ baseUrl, fetch, timeout: 30, getToken: () => 't' });
    const error = await client.dossiers
      .update(ID, { formData: {} }, { ifMatch: '"e"' })
      .catch((e: unknown) => e);
    expect(isTimeoutError(error)).toBe(true);
    expect(calls()).toBe(1);
  });

  it('per call, and `false` for none', async () => {
    const { fetch, calls } = hangingFetch();
    const client = createClient({ baseUrl, fetch, timeout: false, retry: false });
    const call = client.procedures.get('1.013133', { timeout: 20 }).catch((e: unknown) => e);
    expect(isTimeoutError(await call)).toBe(true);
    const controller = new AbortController();
    const forever = client.procedures.get('1.013133', { signal: controller.signal });
    const settled = await Promise.race([
      forever.then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 100)),
    ]);
    expect(settled).toBe('still waiting');
    controller.abort();
    await forever.catch(() => undefined);
    expect(calls()).toBe(2);
  });
});

describe('abort', () => {
  it('rejects with the signal’s reason, and does not retry', async () => {
    const { fetch, calls } = hangingFetch();
    const client = createClient({ baseUrl, fetch, retry: { limit: 3, ...FAST } });
    const controller = new AbortController();
    const call = client.procedures.get('1.013133', { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(calls()).toBe(1);
  });

  it('stops a retry that is waiting', async () => {
    const { fetch, seen } = fakeFetch(() =>
      json({ title: 'x', status: 503 }, { status: 503, headers: { 'retry-after': '5' } }),
    );
    const client = createClient({ baseUrl, fetch });
    const controller = new AbortController();
    const started = performance.now();
    const call = client.procedures.get('1.013133', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('left the page')), 50);
    await expect(call).rejects.toThrow('left the page');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(seen).toHaveLength(1);
  });
});

describe('hooks', () => {
  it('see every attempt, may add headers, and are told of retries', async () => {
    const events: string[] = [];
    const { fetch, seen } = fakeFetch((_, attempt) =>
      attempt === 1 ? json({ title: 'x', status: 502 }, { status: 502 }) : json(procedure()),
    );
    const client = createClient({
      baseUrl,
      fetch,
      retry: FAST,
      hooks: {
        beforeRequest: (request) => {
          events.push(`request ${request.method}`);
          request.headers.set('x-trace-id', 'trace-1');
        },
        afterResponse: async (response) => {
          events.push(`response ${response.status} ${(await response.text()).length > 0}`);
        },
        beforeRetry: ({ attempt, response }) => {
          events.push(`retry ${attempt} after ${response?.status}`);
        },
      },
    });
    await client.procedures.get('1.013133');
    expect(events).toEqual([
      'request GET',
      'response 502 true',
      'retry 1 after 502',
      'request GET',
      'response 200 true',
    ]);
    expect(seen.every((r) => r.headers.get('x-trace-id') === 'trace-1')).toBe(true);
  });

  it('an error thrown by a hook ends the call as it is: not retried, not wrapped', async () => {
    const { fetch, seen } = fakeFetch(() => json(procedure()));
    const mine = new Error('blocked by policy');
    const client = createClient({
      baseUrl,
      fetch,
      retry: { limit: 3, ...FAST },
      hooks: {
        beforeRequest: () => {
          throw mine;
        },
      },
    });
    await expect(client.procedures.get('1.013133')).rejects.toBe(mine);
    expect(seen).toHaveLength(0);
  });
});
