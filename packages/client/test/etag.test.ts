/** If-Match: the client sends the newest ETag it has seen per dossier; a 412 is a ConflictError. */
import { describe, expect, it } from 'vitest';
import { ConflictError, createClient, isApiError, isConflictError } from '../src/index.js';
import { dossier, fakeFetch, ID, json, OTHER_ID, problem } from './support/fake-fetch.js';

const baseUrl = 'https://api.example.vn/api/v1';

/** A server that answers every dossier call with `version`'s ETag, unless told otherwise. */
function server(answer?: (request: Request) => Response | undefined) {
  let version = 1;
  return fakeFetch((request) => {
    const special = answer?.(request);
    if (special) return special;
    if (request.method !== 'GET') version += 1;
    return json(dossier({ version }), {
      status: request.method === 'POST' && request.url.endsWith('/dossiers') ? 201 : 200,
      headers: { etag: `"${ID}.${version}"` },
    });
  });
}

describe('ETags and If-Match', () => {
  it('update and submit send the ETag of the newest version seen', async () => {
    const { fetch, seen } = server();
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    await client.dossiers.create({ procedureCode: '1.013133' }); // version 2
    await client.dossiers.update(ID, { formData: { a: 1 } }); // sends 2, gets 3
    await client.dossiers.submit(ID); // sends 3
    expect(seen.map((r) => r.headers.get('if-match'))).toEqual([null, `"${ID}.2"`, `"${ID}.3"`]);
    expect(client.dossiers.etag(ID)).toBe(`"${ID}.4"`);
  });

  it('an explicit ifMatch wins', async () => {
    const { fetch, seen } = server();
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    await client.dossiers.get(ID);
    await client.dossiers.update(ID, { formData: {} }, { ifMatch: '"mine"' });
    expect(seen[1]?.headers.get('if-match')).toBe('"mine"');
  });

  it('an ETag is per dossier; none known, none sent (the server answers 428)', async () => {
    const { fetch, seen } = server((request) =>
      request.method === 'PATCH' && !request.headers.has('if-match')
        ? problem(428, 'precondition_required')
        : undefined,
    );
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    await client.dossiers.get(ID);
    const error = await client.dossiers.update(OTHER_ID, { formData: {} }).catch((e: unknown) => e);
    expect(seen[1]?.headers.has('if-match')).toBe(false);
    expect(isApiError(error) && error.status).toBe(428);
  });

  it('a 412 is a ConflictError with the current ETag; the client does not adopt it', async () => {
    const { fetch, seen } = server((request) =>
      request.method === 'PATCH'
        ? problem(412, 'precondition_failed', { detail: 'Changed elsewhere.' }, { etag: '"new"' })
        : undefined,
    );
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    await client.dossiers.get(ID);
    const before = client.dossiers.etag(ID);
    const error = await client.dossiers.update(ID, { formData: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    if (!isConflictError(error)) throw error;
    expect(error).toMatchObject({
      status: 412,
      isConflict: true,
      currentEtag: '"new"',
      resourceId: ID,
      detail: 'Changed elsewhere.',
      operation: 'updateDossier',
    });
    expect(isApiError(error)).toBe(true);
    expect(client.dossiers.etag(ID)).toBe(before);
    expect(seen).toHaveLength(2); // never retried
  });

  it('an older answer arriving late does not replace a newer ETag', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { fetch } = fakeFetch(async (request) => {
      if (request.method === 'GET') {
        await slow; // the read left before the update and comes back after it
        return json(dossier({ version: 1 }), { headers: { etag: '"v1"' } });
      }
      return json(dossier({ version: 2 }), { headers: { etag: '"v2"' } });
    });
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    const read = client.dossiers.get(ID);
    await client.dossiers.update(ID, { formData: {} }, { ifMatch: '"v1"' });
    release();
    await read;
    expect(client.dossiers.etag(ID)).toBe('"v2"');
  });

  it('a newer version without an ETag (a supplement) makes the remembered one stale', async () => {
    const { fetch } = fakeFetch((request) =>
      request.method === 'GET'
        ? json(dossier({ version: 3 }), { headers: { etag: '"v3"' } })
        : json(dossier({ version: 4, status: 'in_progress' })),
    );
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    await client.dossiers.get(ID);
    expect(client.dossiers.etag(ID)).toBe('"v3"');
    await client.dossiers.supplement(ID, {
      documents: [{ requirementCode: 'doc-1', attachmentIds: [ID] }],
    });
    expect(client.dossiers.etag(ID)).toBeUndefined();
  });

  it('officer actions carry ETags too', async () => {
    const { fetch } = server();
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    await client.officer.act(ID, { action: 'receive' });
    expect(client.dossiers.etag(ID)).toBe(`"${ID}.2"`);
  });
});
