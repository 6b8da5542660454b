/** Exactly-once: one Idempotency-Key per logical operation, repeated on every retry of it. */
import { ROUTES } from '@egov-kit/schema';
import { describe, expect, it } from 'vitest';
import { type Client, createClient, newIdempotencyKey } from '../src/index.js';
import { OPERATIONS } from '../src/internal/operations.js';
import {
  dossier,
  FAST,
  fakeFetch,
  hangingFetch,
  ID,
  json,
  PDF_BYTES,
  problem,
} from './support/fake-fetch.js';

const baseUrl = 'https://api.example.vn/api/v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every creating call of the client, by operation. */
const CREATING: Record<string, (client: Client, key?: string) => Promise<unknown>> = {
  createDossier: (c, key) =>
    c.dossiers.create({ procedureCode: '1.013133' }, { idempotencyKey: key }),
  submitDossier: (c, key) => c.dossiers.submit(ID, { idempotencyKey: key, ifMatch: '"e"' }),
  deleteDossier: (c, key) => c.dossiers.delete(ID, { idempotencyKey: key, ifMatch: '"e"' }),
  withdrawDossier: (c, key) =>
    c.dossiers.withdraw(ID, { reason: 'Nộp nhầm.' }, { idempotencyKey: key }),
  supplementDossier: (c, key) =>
    c.dossiers.supplement(
      ID,
      { documents: [{ requirementCode: 'doc-1', attachmentIds: [ID] }] },
      { idempotencyKey: key },
    ),
  uploadAttachment: (c, key) =>
    c.attachments.upload(ID, 'doc-1', new Blob([PDF_BYTES]), { idempotencyKey: key }),
  createPayment: (c, key) => c.payments.create(ID, { provider: 'vietqr' }, { idempotencyKey: key }),
  answerSurvey: (c, key) =>
    c.surveys.answer(
      ID,
      { surveyId: 'default-766', answers: [{ criterion: 'overall', score: 5 }] },
      { idempotencyKey: key },
    ),
  takeOfficerAction: (c, key) => c.officer.act(ID, { action: 'receive' }, { idempotencyKey: key }),
  replayNotification: (c, key) => c.admin.replayNotification(ID, { idempotencyKey: key }),
  createWebhookEndpoint: (c, key) =>
    c.admin.createWebhookEndpoint(
      { url: 'https://lgsp.example.gov.vn/egov-hooks' },
      { idempotencyKey: key },
    ),
  putNotificationTemplate: (c, key) =>
    c.admin.putTemplate(
      {
        agencyCode: 'UBND-20242',
        kind: 'submitted',
        locale: 'vi',
        subject: 'Hồ sơ {{code}} đã được nộp',
        body: 'Hồ sơ {{code}} đã được nộp.',
      },
      { idempotencyKey: key },
    ),
};

describe('Idempotency-Key', () => {
  it('covers exactly the creating routes of the contract', () => {
    const keyed = ROUTES.filter((route) => 'idempotent' in route && route.idempotent).map(
      (route) => route.operationId,
    );
    expect(Object.keys(CREATING).sort()).toEqual([...keyed].sort());
  });

  it.each(Object.keys(CREATING))('%s: one key, the same on every retry', async (operation) => {
    const { fetch, seen } = fakeFetch((_, attempt) => {
      if (attempt === 1) throw new TypeError('socket hang up'); // lost before an answer
      if (attempt === 2) return problem(503, 'unavailable', {}, { 'retry-after': '0' });
      return new Response('{}', { status: 500 }); // and a 500: three retries, then give up
    });
    const client = createClient({
      baseUrl,
      fetch,
      getToken: () => 't',
      retry: { limit: 3, ...FAST },
      validate: false,
    });
    await CREATING[operation]?.(client).catch(() => undefined);
    expect(seen).toHaveLength(4);
    const keys = seen.map((request) => request.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(UUID);
    expect(new Set(keys)).toEqual(new Set([keys[0]]));
    const method = OPERATIONS[operation as keyof typeof OPERATIONS].method.toUpperCase();
    expect(seen.every((request) => request.method === method)).toBe(true);
    expect(OPERATIONS[operation as keyof typeof OPERATIONS].idempotent).toBe(true);
  });

  it('a new key for each logical operation', async () => {
    const { fetch, seen } = fakeFetch(() => json(dossier(), { status: 201 }));
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    await client.dossiers.create({ procedureCode: '1.013133' });
    await client.dossiers.create({ procedureCode: '1.013133' });
    const [a, b] = seen.map((request) => request.headers.get('idempotency-key'));
    expect(a).toMatch(UUID);
    expect(b).toMatch(UUID);
    expect(a).not.toBe(b);
  });

  it('the caller’s own key, to repeat an operation across a page reload', async () => {
    const { fetch, seen } = fakeFetch(() => json(dossier(), { status: 201 }));
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    const key = newIdempotencyKey();
    await client.dossiers.create({ procedureCode: '1.013133' }, { idempotencyKey: key });
    await client.dossiers.create({ procedureCode: '1.013133' }, { idempotencyKey: key });
    expect(seen.map((request) => request.headers.get('idempotency-key'))).toEqual([key, key]);
  });

  it('the same key after a timeout, and after a refreshed token', async () => {
    const hanging = hangingFetch();
    let attempt = 0;
    const keys: (string | null)[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      keys.push(request.headers.get('idempotency-key'));
      attempt += 1;
      if (attempt === 1) return hanging.fetch(input, init); // times out
      if (attempt === 2) return problem(401, 'unauthorized'); // the token expired meanwhile
      return json(dossier({ status: 'submitted' }));
    }) as typeof globalThis.fetch;
    const client = createClient({
      baseUrl,
      fetch,
      timeout: 50,
      retry: FAST,
      getToken: ({ refresh }) => (refresh ? 'fresh' : 'stale'),
    });
    await client.dossiers.submit(ID, { ifMatch: '"e"' });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it('no key on reads and on draft updates', async () => {
    const { fetch, seen } = fakeFetch(() => json(dossier()));
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    await client.dossiers.get(ID);
    await client.dossiers.update(ID, { formData: {} }, { ifMatch: '"e"' });
    expect(seen.map((request) => request.headers.has('idempotency-key'))).toEqual([false, false]);
  });

  it('a version-4 UUID even where crypto.randomUUID is missing (plain HTTP pages)', () => {
    const original = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    try {
      const keys = new Set(Array.from({ length: 100 }, () => newIdempotencyKey()));
      expect(keys.size).toBe(100);
      for (const key of keys) expect(key).toMatch(UUID);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', {
        value: original,
        configurable: true,
      });
    }
  });
});
