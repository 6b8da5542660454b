import { ROUTES, type RouteDefinition } from '@egov-kit/schema';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KIND } from './support/database.js';
import { type Harness, startHarness } from './support/harness.js';
import { submitted } from './support/journeys.js';

let h: Harness;
let realId: string;
beforeAll(async () => {
  h = await startHarness();
  realId = (await submitted(h)).id;
}, 60_000);
afterAll(() => h?.close());

/** Runs per property; every run is one request. Reported in the closing note. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

const segment = () =>
  fc.oneof(
    fc.constant(realId),
    fc.uuid(),
    fc.string({ maxLength: 20 }),
    fc.constantFrom('..', '%2e%2e', '%00', '1.013133', 'HS-1', '%ZZ', 'ñ', '\u0000', ' '),
  );

const json = fc.oneof(
  fc.jsonValue(),
  fc.record({
    procedureCode: fc.oneof(fc.constant('1.013133'), fc.string()),
    action: fc.oneof(fc.constantFrom('receive', 'resolve', 'apologise', 'transfer'), fc.string()),
    note: fc.option(fc.string()),
    formData: fc.option(fc.dictionary(fc.string(), fc.jsonValue())),
    documents: fc.option(
      fc.array(fc.record({ requirementCode: fc.string(), attachmentIds: fc.array(fc.uuid()) })),
    ),
    newDueAt: fc.option(
      fc.oneof(
        fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
        fc.string(),
      ),
    ),
    fees: fc.option(
      fc.array(fc.record({ kind: fc.string(), amount: fc.oneof(fc.integer(), fc.double()) })),
    ),
    provider: fc.option(fc.string()),
    answers: fc.option(fc.array(fc.record({ criterion: fc.string(), score: fc.integer() }))),
  }),
);

describe(`fuzzing every endpoint (${DATABASE_KIND})`, () => {
  it(`answers ${RUNS} generated requests without a single 5xx, each with a problem or a valid body`, async () => {
    const tokens = [undefined, h.tokens.citizen, h.tokens.officer, h.tokens.admin, 'garbage'];
    await fc.assert(
      fc.asyncProperty(
        fc.nat(ROUTES.length - 1),
        fc.constantFrom('GET', 'POST', 'PATCH', 'PUT', 'DELETE'),
        fc.boolean(),
        segment(),
        fc.dictionary(
          fc.constantFrom(
            'q',
            'limit',
            'cursor',
            'level',
            'status',
            'code',
            'verifier',
            'from',
            'to',
            'groupBy',
            'case',
            'province',
          ),
          fc.string({ maxLength: 30 }),
          { maxKeys: 4 },
        ),
        json,
        fc.constantFrom(...tokens),
        fc.record({
          contentType: fc.constantFrom(
            'application/json',
            'text/plain',
            'application/problem+json',
            'multipart/form-data; boundary=x',
            '',
          ),
          idempotencyKey: fc.option(fc.string({ maxLength: 300 })),
          ifMatch: fc.option(fc.oneof(fc.string(), fc.constant('*'))),
          language: fc.constantFrom('vi', 'en', 'fr', 'en-US;q=0.5, vi;q=0.9', '*', ';;;'),
        }),
        async (routeIndex, randomMethod, useRouteMethod, id, query, body, token, headers) => {
          const route = ROUTES[routeIndex] as RouteDefinition;
          const path = `/api/v1${route.path.replace(/\{\w+\}/g, encodeURIComponent(id))}?${new URLSearchParams(query)}`;
          const method = useRouteMethod ? route.method.toUpperCase() : randomMethod;
          const sent: Record<string, string> = { 'accept-language': headers.language };
          if (headers.idempotencyKey !== null)
            sent['idempotency-key'] = headers.idempotencyKey.replace(/[^\x20-\x7e]/g, '');
          if (headers.ifMatch !== null)
            sent['if-match'] = headers.ifMatch.replace(/[^\x20-\x7e]/g, '');
          let response: Awaited<ReturnType<Harness['request']>>;
          if (method === 'GET') {
            response = await h.request(method, path, { token, headers: sent });
          } else {
            if (headers.contentType) sent['content-type'] = headers.contentType;
            response = await h.request(method, path, { token, headers: sent, json: body });
            if (headers.contentType !== 'application/json' && response.status === 200) {
              // A body that is not JSON must never have been taken as JSON.
              expect(route.body).toBeUndefined();
            }
          }
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get('content-type')).toContain('application/problem+json');
            expect(response.body.title).toEqual(expect.any(String));
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, 300_000);
});
