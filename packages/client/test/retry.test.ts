/** Which requests are retried, on what, how often, and how long the client waits. */
import { describe, expect, it } from 'vitest';
import { createClient, isApiError, isNetworkError, NetworkError } from '../src/index.js';
import { dossier, FAST, fakeFetch, ID, json, problem, procedure } from './support/fake-fetch.js';

const baseUrl = 'https://api.example.vn/api/v1';
const token = () => 'token';

describe('retries', () => {
  it.each([408, 429, 500, 502, 503, 504])(
    'retries a GET answered %i, then succeeds',
    async (status) => {
      const { fetch, seen } = fakeFetch((_, attempt) =>
        attempt < 3 ? problem(status, 'x') : json(procedure()),
      );
      const client = createClient({ baseUrl, fetch, retry: { limit: 2, ...FAST } });
      expect((await client.procedures.get('1.013133')).code).toBe('1.013133');
      expect(seen).toHaveLength(3);
    },
  );

  it.each([400, 401, 403, 404, 409, 412, 413, 422])('never retries a %i', async (status) => {
    const { fetch, seen } = fakeFetch(() => problem(status, 'x'));
    const client = createClient({ baseUrl, fetch, retry: { limit: 3, ...FAST } });
    const error = await client.procedures.get('1.013133').catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(status);
    expect(seen).toHaveLength(1);
  });

  it('gives up after `limit` retries with the last answer', async () => {
    const { fetch, seen } = fakeFetch(() => problem(503, 'unavailable'));
    const client = createClient({ baseUrl, fetch, retry: { limit: 3, ...FAST } });
    const error = await client.procedures.get('1.013133').catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(503);
    expect(seen).toHaveLength(4);
  });

  it('retries network errors of GETs and of keyed POSTs', async () => {
    const flaky = () =>
      fakeFetch((_, attempt) => {
        if (attempt < 3) throw new TypeError('fetch failed');
        return json(dossier(), { status: 201, headers: { etag: '"a.1"' } });
      });
    const get = flaky();
    await createClient({ baseUrl, fetch: get.fetch, getToken: token, retry: FAST }).dossiers.get(
      ID,
    );
    expect(get.seen).toHaveLength(3);
    const post = flaky();
    await createClient({
      baseUrl,
      fetch: post.fetch,
      getToken: token,
      retry: FAST,
    }).dossiers.create({
      procedureCode: '1.013133',
    });
    expect(post.seen.map((r) => r.method)).toEqual(['POST', 'POST', 'POST']);
  });

  it('never retries a request without an Idempotency-Key (a draft update), even on 503', async () => {
    for (const failure of [
      () => problem(503, 'unavailable', {}, { 'retry-after': '0' }),
      () => {
        throw new TypeError('fetch failed');
      },
    ]) {
      const { fetch, seen } = fakeFetch(failure);
      const client = createClient({
        baseUrl,
        fetch,
        getToken: token,
        retry: { limit: 5, ...FAST },
      });
      const error = await client.dossiers
        .update(ID, { formData: {} }, { ifMatch: '"a.1"' })
        .catch((e: unknown) => e);
      expect(isApiError(error) || isNetworkError(error)).toBe(true);
      expect(seen).toHaveLength(1);
    }
  });

  it('honours Retry-After in seconds', async () => {
    const { fetch, seen } = fakeFetch((_, attempt) =>
      attempt === 1 ? problem(503, 'unavailable', {}, { 'retry-after': '1' }) : json(procedure()),
    );
    const client = createClient({ baseUrl, fetch, retry: { limit: 2, ...FAST } });
    const started = performance.now();
    await client.procedures.get('1.013133');
    const waited = performance.now() - started;
    expect(seen).toHaveLength(2);
    // The backoff alone would be 1 ms: the wait is the server's.
    expect(waited).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After as an HTTP date, on a 429', async () => {
    const { fetch, seen } = fakeFetch((_, attempt) =>
      attempt === 1
        ? problem(
            429,
            'rate_limited',
            {},
            {
              'retry-after': new Date(Date.now() + 1500).toUTCString(),
            },
          )
        : json(procedure()),
    );
    const client = createClient({ baseUrl, fetch, retry: { limit: 2, ...FAST } });
    const started = performance.now();
    await client.procedures.get('1.013133');
    expect(seen).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(400); // the date has 1 s precision
  });

  it('does not wait longer than maxRetryAfter: the error says when to come back', async () => {
    const { fetch, seen } = fakeFetch(() =>
      problem(429, 'rate_limited', { detail: 'Too many lookups.' }, { 'retry-after': '60' }),
    );
    const client = createClient({ baseUrl, fetch, retry: { limit: 3, maxRetryAfter: 5_000 } });
    const started = performance.now();
    const error = await client.dossiers
      .lookup({ code: 'HS-1', verifier: 'ABCD2345' })
      .catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(seen).toHaveLength(1);
    expect(isApiError(error) && error.retryAfter).toBe(60);
  });

  it('backs off between attempts with the given delays', async () => {
    const delays: number[] = [];
    const { fetch, seen } = fakeFetch((_, attempt) =>
      attempt < 3 ? problem(500, 'internal') : json(procedure()),
    );
    const client = createClient({
      baseUrl,
      fetch,
      retry: {
        limit: 2,
        jitter: false,
        delay: (attempt) => {
          delays.push(attempt);
          return 50 * attempt;
        },
      },
    });
    const started = performance.now();
    await client.procedures.get('1.013133');
    expect(delays).toEqual([1, 2]);
    expect(seen).toHaveLength(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('`retry: false` and `retry: 0` send once', async () => {
    for (const retry of [false, 0] as const) {
      const { fetch, seen } = fakeFetch(() => problem(503, 'unavailable'));
      await createClient({ baseUrl, fetch, retry })
        .procedures.get('1.013133')
        .catch(() => undefined);
      expect(seen).toHaveLength(1);
    }
  });

  it('retries an answer whose body breaks off mid-way (the connection dropped)', async () => {
    const { fetch, seen } = fakeFetch((_, attempt) => {
      if (attempt > 1) return json(procedure());
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"code":'));
          controller.error(new TypeError('terminated'));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    });
    const client = createClient({ baseUrl, fetch, retry: FAST });
    expect((await client.procedures.get('1.013133')).code).toBe('1.013133');
    expect(seen).toHaveLength(2);
  });

  it('a NetworkError keeps its cause and says it in the client language', async () => {
    const cause = new TypeError('getaddrinfo ENOTFOUND api.example.vn');
    const { fetch } = fakeFetch(() => {
      throw cause;
    });
    const client = createClient({ baseUrl, fetch, retry: false, locale: 'en' });
    const error = await client.procedures.get('1.013133').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(isNetworkError(error) && error.operation).toBe('getProcedure');
    expect((error as NetworkError).cause).toBe(cause);
    expect((error as NetworkError).message).toMatch(/Could not reach the server/);
    expect((error as NetworkError).localizedMessage.vi).toMatch(/Không kết nối được/);
  });
});
