/**
 * Exactly-once under faults: 200 citizens' submissions (create a draft, upload its document,
 * fill it in, submit) through a proxy that resets connections, drops answers after the server
 * committed, holds answers past the client's timeout and answers 503 with Retry-After. The
 * server must end with exactly 200 submitted dossiers and 200 attachments: none duplicated by
 * a retry, none lost.
 */
import type { Dossier, FormDefinition, RequiredDocument } from '@egov-kit/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type Client,
  createClient,
  isApiError,
  isConflictError,
  isNetworkError,
  isTimeoutError,
} from '../src/index.js';
import { type FaultProxy, startFaultProxy } from './support/fault-proxy.js';
import {
  APPLICANT,
  PDF,
  startTestServer,
  type TestServer,
  validAnswers,
} from './support/server.js';

const SUBMISSIONS = 200;
const CONCURRENCY = 10;
const SEED = Number(process.env.FAULT_SEED ?? 20_260_213);
const OWNER = { id: 'citizen-faults', role: 'citizen', name: 'Phạm Thị Dung (test)' } as const;
const PROCEDURE = '1.013138'; // one required document, the generic application form

let t: TestServer;
let proxy: FaultProxy;

beforeAll(async () => {
  t = await startTestServer();
  proxy = await startFaultProxy(t.server.url, {
    seed: SEED,
    rates: { reset: 0.05, dropAfterCommit: 0.06, delay: 0.03, unavailable: 0.05 },
    delayMs: 1_600,
  });
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await t?.close();
});

/**
 * A draft change as a careful page makes it: `update` is never retried by the client (a PATCH
 * carries no Idempotency-Key), so after a lost answer, a 5xx or a conflict the page reloads the
 * dossier — which also gives the client its current ETag — and applies the change again.
 */
async function update(
  client: Client,
  id: string,
  changes: Parameters<Client['dossiers']['update']>[1],
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.dossiers.update(id, changes);
    } catch (error) {
      const retriable =
        isNetworkError(error) ||
        isTimeoutError(error) ||
        isConflictError(error) ||
        (isApiError(error) && error.status >= 500);
      if (!retriable || attempt === 10) throw error;
      await client.dossiers.get(id);
    }
  }
}

it(`${SUBMISSIONS} submits through a faulty network make exactly ${SUBMISSIONS} dossiers`, async () => {
  const token = await t.token(OWNER);
  const direct = createClient({ baseUrl: t.api });
  const procedure = await direct.procedures.get(PROCEDURE);
  const form: FormDefinition = await direct.procedures.getForm(PROCEDURE);
  const requirement = procedure.cases[0]?.documents.find((d) => d.required) as RequiredDocument;

  let retries = 0;
  const client = createClient({
    baseUrl: `${proxy.url}/api/v1`,
    getToken: () => token,
    timeout: 1_200,
    retry: { limit: 12, delay: (n) => 40 * 2 ** (n - 1), backoffLimit: 500, maxRetryAfter: 2_000 },
    hooks: {
      beforeRetry: () => {
        retries += 1;
      },
    },
  });

  const submitOne = async (n: number): Promise<Dossier> => {
    const draft = await client.dossiers.create({ procedureCode: PROCEDURE, applicant: APPLICANT });
    const file = new File([PDF, new TextEncoder().encode(`% ${n}\n`)], `don-${n}.pdf`);
    const attachment = await client.attachments.upload(draft.id, requirement.code, file, {
      requirement,
    });
    const files = { [requirement.code]: [attachment.id], '*': [attachment.id] };
    await update(client, draft.id, {
      formData: validAnswers(form, files),
      documents: [{ requirementCode: requirement.code, attachmentIds: [attachment.id] }],
    });
    return client.dossiers.submit(draft.id);
  };

  const started = performance.now();
  const results: Dossier[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < SUBMISSIONS) {
        const n = next++;
        results[n] = await submitOne(n);
      }
    }),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  // Every call succeeded, each with its own dossier…
  expect(results.filter((d) => d?.status === 'submitted')).toHaveLength(SUBMISSIONS);
  expect(new Set(results.map((d) => d.id)).size).toBe(SUBMISSIONS);
  expect(new Set(results.map((d) => d.code)).size).toBe(SUBMISSIONS);

  // …and the server holds exactly those: no second draft from a retried create, no second
  // upload, no second submit.
  const db = t.server.db;
  const dossiers = await db.query<{ status: string; n: number }>(
    'select status, count(*)::int as n from dossiers where owner_id = $1 group by status',
    [OWNER.id],
  );
  expect(dossiers).toEqual([{ status: 'submitted', n: SUBMISSIONS }]);
  const [attachments] = await db.query<{ n: number }>(
    `select count(*)::int as n from attachments a join dossiers d on d.id = a.dossier_id
       where d.owner_id = $1`,
    [OWNER.id],
  );
  expect(attachments?.n).toBe(SUBMISSIONS);
  const [submits] = await db.query<{ n: number; dossiers: number }>(
    `select count(*)::int as n, count(distinct e.dossier_id)::int as dossiers
       from dossier_events e join dossiers d on d.id = e.dossier_id
       where d.owner_id = $1 and e.action = 'submit'`,
    [OWNER.id],
  );
  expect(submits).toEqual({ n: SUBMISSIONS, dossiers: SUBMISSIONS });

  // The faults happened, and the client went through them.
  const { counts } = proxy;
  console.info(
    `faults (seed ${SEED}): ${JSON.stringify(counts)}; client retries: ${retries}; ${seconds} s`,
  );
  expect(counts.reset).toBeGreaterThan(10);
  expect(counts['drop-after-commit']).toBeGreaterThan(10);
  expect(counts.delay).toBeGreaterThan(5);
  expect(counts.unavailable).toBeGreaterThan(10);
  expect(retries).toBeGreaterThan(counts.reset);
}, 120_000);
