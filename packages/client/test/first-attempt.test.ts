/**
 * A plain GET makes its first attempt with the runtime's `fetch`, not through ky; whatever that
 * attempt gets other than a success goes to ky as its first attempt, so the rules of retries.test
 * and options.test hold unchanged. These are those rules again, through the global `fetch` (the
 * other suites pass `fetch` as an option, which keeps every call on ky).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createClient,
  isApiError,
  isTimeoutError,
  NetworkError,
  TimeoutError,
} from '../src/index.js';
import {
  dossier,
  FAST,
  fakeFetch,
  hangingFetch,
  ID,
  json,
  problem,
  procedure,
} from './support/fake-fetch.js';

const baseUrl = 'https://api.example.vn/api/v1';

/** Replaces the global `fetch` for one test. */
function globalFetch<T extends { fetch: typeof fetch }>(fake: T): T {
  vi.stubGlobal('fetch', fake.fetch);
  return fake;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the first attempt of a GET, without ky', () => {
  it('reaches fetch with the URL and its init (no Request built), and answers', async () => {
    const inputs: unknown[] = [];
    vi.stubGlobal('fetch', async (input: unknown, init?: RequestInit) => {
      inputs.push(input);
      expect(new Headers(init?.headers).get('accept-language')).toBe('en');
      return json(procedure());
    });
    const client = createClient({ baseUrl, locale: 'en' });
    expect((await client.procedures.get('1.013133')).code).toBe('1.013133');
    expect(inputs).toEqual([`${baseUrl}/procedures/1.013133`]);
  });

  it('sends the query, encoded, and the token', async () => {
    const { seen } = globalFetch(fakeFetch(() => json({ items: [], nextCursor: null })));
    const client = createClient({ baseUrl, getToken: () => 'token-1' });
    await client.procedures.list({ q: 'đăng ký kết hôn', limit: 5 });
    await client.dossiers.get(ID).catch(() => undefined);
    expect(seen[0]?.url.searchParams.get('q')).toBe('đăng ký kết hôn');
    expect(seen[0]?.url.searchParams.get('limit')).toBe('5');
    expect(seen[1]?.headers.get('authorization')).toBe('Bearer token-1');
  });

  it.each([408, 429, 500, 502, 503, 504])('retries a %i, then succeeds', async (status) => {
    const { seen } = globalFetch(
      fakeFetch((_, attempt) => (attempt < 3 ? problem(status, 'x') : json(procedure()))),
    );
    const client = createClient({ baseUrl, retry: { limit: 2, ...FAST } });
    expect((await client.procedures.get('1.013133')).code).toBe('1.013133');
    expect(seen).toHaveLength(3);
  });

  it.each([400, 403, 404, 409, 413, 422])('sends a request answered %i once', async (status) => {
    const { seen } = globalFetch(fakeFetch(() => problem(status, 'x', { detail: 'no' })));
    const client = createClient({ baseUrl, retry: { limit: 3, ...FAST } });
    const error = await client.procedures.get('1.013133').catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(status);
    expect(isApiError(error) && error.problem?.detail).toBe('no');
    expect(seen).toHaveLength(1);
  });

  it('gives up after `limit` retries with the last answer', async () => {
    const { seen } = globalFetch(fakeFetch(() => problem(503, 'unavailable')));
    const client = createClient({ baseUrl, retry: { limit: 3, ...FAST } });
    const error = await client.procedures.get('1.013133').catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(503);
    expect(seen).toHaveLength(4);
  });

  it('retries network errors, and keeps the last one as the cause', async () => {
    const cause = new TypeError('fetch failed');
    const flaky = globalFetch(
      fakeFetch((_, attempt) => {
        if (attempt < 3) throw cause;
        return json(dossier(), { headers: { etag: '"a.1"' } });
      }),
    );
    await createClient({ baseUrl, getToken: () => 't', retry: FAST }).dossiers.get(ID);
    expect(flaky.seen).toHaveLength(3);
    const down = globalFetch(
      fakeFetch(() => {
        throw cause;
      }),
    );
    const error = await createClient({ baseUrl, retry: { limit: 1, ...FAST } })
      .procedures.get('1.013133')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).cause).toBe(cause);
    expect(down.seen).toHaveLength(2);
  });

  it('waits as Retry-After says, and not beyond maxRetryAfter', async () => {
    const { seen } = globalFetch(
      fakeFetch((_, attempt) =>
        attempt === 1 ? problem(503, 'unavailable', {}, { 'retry-after': '1' }) : json(procedure()),
      ),
    );
    const client = createClient({ baseUrl, retry: { limit: 2, ...FAST } });
    const started = performance.now();
    await client.procedures.get('1.013133');
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(seen).toHaveLength(2);

    const limited = globalFetch(
      fakeFetch(() => problem(429, 'rate_limited', {}, { 'retry-after': '60' })),
    );
    const error = await createClient({ baseUrl, retry: { limit: 3, maxRetryAfter: 5_000 } })
      .dossiers.lookup({ code: 'HS-1', verifier: 'ABCD2345' })
      .catch((e: unknown) => e);
    expect(isApiError(error) && error.retryAfter).toBe(60);
    expect(limited.seen).toHaveLength(1);
  });

  it('backs off with the delays of attempts 1, 2, … as before', async () => {
    const delays: number[] = [];
    const { seen } = globalFetch(
      fakeFetch((_, attempt) => (attempt < 3 ? problem(500, 'internal') : json(procedure()))),
    );
    const client = createClient({
      baseUrl,
      retry: {
        limit: 2,
        jitter: false,
        delay: (attempt) => {
          delays.push(attempt);
          return 40 * attempt;
        },
      },
    });
    const started = performance.now();
    await client.procedures.get('1.013133');
    expect(delays).toEqual([1, 2]);
    expect(seen).toHaveLength(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('asks for a fresh token once on a 401, and sends it', async () => {
    const { seen } = globalFetch(
      fakeFetch((request) =>
        request.headers.get('authorization') === 'Bearer fresh'
          ? json(dossier(), { headers: { etag: '"a.1"' } })
          : problem(401, 'unauthorized'),
      ),
    );
    const asked: boolean[] = [];
    const client = createClient({
      baseUrl,
      getToken: ({ refresh }) => {
        asked.push(refresh);
        return refresh ? 'fresh' : 'stale';
      },
    });
    expect((await client.dossiers.get(ID)).id).toBe(ID);
    expect(asked).toEqual([false, true]);
    expect(seen.map((s) => s.headers.get('authorization'))).toEqual([
      'Bearer stale',
      'Bearer fresh',
    ]);
  });

  it('times an attempt out after `timeout` ms, retries, then throws TimeoutError', async () => {
    const { calls } = globalFetch(hangingFetch());
    const client = createClient({ baseUrl, timeout: 30, retry: { limit: 2, ...FAST } });
    const error = await client.procedures.get('1.013133').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(isTimeoutError(error) && error.timeout).toBe(30);
    expect(calls()).toBe(3);
  });

  it('counts the timeout until the headers, as ky does: a slow body is read whole', async () => {
    globalFetch(
      fakeFetch(() => {
        const text = JSON.stringify(procedure());
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(text.slice(0, 10)));
            setTimeout(() => {
              controller.enqueue(new TextEncoder().encode(text.slice(10)));
              controller.close();
            }, 80);
          },
        });
        return new Response(body, { headers: { 'content-type': 'application/json' } });
      }),
    );
    const client = createClient({ baseUrl, timeout: 30, retry: false });
    expect((await client.procedures.get('1.013133')).code).toBe('1.013133');
  });

  it('rejects with the signal’s reason on abort, and sends nothing more', async () => {
    const { calls } = globalFetch(hangingFetch());
    const client = createClient({ baseUrl, retry: { limit: 3, ...FAST } });
    const controller = new AbortController();
    const call = client.procedures.get('1.013133', { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(calls()).toBe(1);

    const waiting = globalFetch(
      fakeFetch(() =>
        json({ title: 'x', status: 503 }, { status: 503, headers: { 'retry-after': '5' } }),
      ),
    );
    const second = new AbortController();
    const started = performance.now();
    const retrying = client.procedures.get('1.013133', { signal: second.signal });
    setTimeout(() => second.abort(new Error('left the page')), 50);
    await expect(retrying).rejects.toThrow('left the page');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(waiting.seen).toHaveLength(1);
  });
});
