/** Bearer tokens: asked per call, refreshed once on a 401, never sent where not needed. */
import { describe, expect, it } from 'vitest';
import { createClient, isApiError, type TokenContext } from '../src/index.js';
import { dossier, fakeFetch, ID, json, problem, procedure } from './support/fake-fetch.js';

const baseUrl = 'https://api.example.vn/api/v1';

function tokens(...answers: (string | undefined)[]) {
  const asked: TokenContext[] = [];
  return {
    asked,
    getToken: (context: TokenContext) => {
      asked.push(context);
      return answers[asked.length - 1];
    },
  };
}

describe('auth', () => {
  it('asks for the token on every call and sends it as a bearer token', async () => {
    const { fetch, seen } = fakeFetch(() => json(dossier()));
    let n = 0;
    const client = createClient({ baseUrl, fetch, getToken: () => `token-${++n}` });
    await client.dossiers.get(ID);
    await client.dossiers.get(ID);
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
  });

  it('awaits an async getToken', async () => {
    const { fetch, seen } = fakeFetch(() => json(dossier()));
    const client = createClient({ baseUrl, fetch, getToken: async () => 'async-token' });
    await client.dossiers.get(ID);
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer async-token');
  });

  it('on a 401: asks again with refresh, repeats the call once with the new token', async () => {
    const { fetch, seen } = fakeFetch((request) =>
      request.headers.get('authorization') === 'Bearer fresh'
        ? json(dossier())
        : problem(401, 'unauthorized'),
    );
    const { asked, getToken } = tokens('stale', 'fresh');
    const client = createClient({ baseUrl, fetch, getToken });
    expect((await client.dossiers.get(ID)).id).toBe(ID);
    expect(asked).toEqual([{ refresh: false }, { refresh: true }]);
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer stale',
      'Bearer fresh',
    ]);
  });

  it('refreshes once only: a second 401 is the caller’s', async () => {
    const { fetch, seen } = fakeFetch(() => problem(401, 'unauthorized'));
    const { asked, getToken } = tokens('stale', 'also-stale', 'never-asked');
    const client = createClient({ baseUrl, fetch, getToken });
    const error = await client.dossiers.get(ID).catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(401);
    expect(asked).toHaveLength(2);
    expect(seen).toHaveLength(2);
  });

  it('gives up without repeating when the refresh gives no token (signed out)', async () => {
    const { fetch, seen } = fakeFetch(() => problem(401, 'unauthorized'));
    const { getToken } = tokens('stale', undefined);
    const error = await createClient({ baseUrl, fetch, getToken })
      .dossiers.get(ID)
      .catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe('unauthorized');
    expect(seen).toHaveLength(1);
  });

  it('without getToken, a 401 is an ApiError at once', async () => {
    const { fetch, seen } = fakeFetch(() => problem(401, 'unauthorized'));
    const error = await createClient({ baseUrl, fetch })
      .dossiers.get(ID)
      .catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(401);
    expect(seen[0]?.headers.has('authorization')).toBe(false);
  });

  it('public routes get no token (an expired one would be refused even there)', async () => {
    const { fetch, seen } = fakeFetch(() => json(procedure()));
    const { asked, getToken } = tokens('token');
    await createClient({ baseUrl, fetch, getToken }).procedures.get('1.013133');
    expect(asked).toHaveLength(0);
    expect(seen[0]?.headers.has('authorization')).toBe(false);
  });

  it('a download by receipt sends no token; one by a signed-in user does', async () => {
    const { fetch, seen } = fakeFetch(() => new Response('%PDF-', { status: 200 }));
    const client = createClient({ baseUrl, fetch, getToken: () => 'token' });
    await client.attachments.download(ID, { receipt: { code: 'HS-1', verifier: 'ABCD2345' } });
    await client.attachments.download(ID);
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual([null, 'Bearer token']);
    expect(seen[0]?.url.search).toBe('?code=HS-1&verifier=ABCD2345');
  });
});
