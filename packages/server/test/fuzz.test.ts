import { readFileSync } from 'node:fs';
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

// ---------------------------------------------------------------------------------------------
// Built from the OpenAPI document: every operation, its parameters and its body generated from
// their JSON Schemas, each value sometimes replaced by one of the classes of input that reached
// a 500 before or that an attacker tries first.

type Json = Record<string, any>;
const document: Json = JSON.parse(
  readFileSync(new URL('../../schema/openapi.json', import.meta.url), 'utf8'),
);
const resolve = (schema: Json): Json =>
  schema?.$ref ? resolve(document.components.schemas[schema.$ref.split('/').pop()]) : schema;

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Strings that broke something once, or break servers elsewhere. */
const EDGE_STRINGS = [
  '\ud800',
  'a\udc00b',
  '\u0000',
  '',
  ' ',
  'x'.repeat(20_000),
  '0000-01-01',
  '2025-02-31',
  '9999-12-31',
  '-000001-01-01',
  '2026-13-01T00:00:00Z',
  '1e999',
  'NaN',
  '-1',
  '00000000-0000-0000-0000-000000000000',
  "'; drop table dossiers; --",
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  '\u202e\u0301',
  cursor(['not a date', 'x']),
  cursor(['0000-01-01T00:00:00Z', '00000000-0000-0000-0000-000000000000']),
  cursor([-1]),
  cursor([1e308, '\u0000']),
  cursor({ a: 1 }),
  'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIiwicm9sZSI6ImFkbWluIn0.',
];
const edgeString = fc.constantFrom(...EDGE_STRINGS);
const edgeValue = fc.oneof(
  edgeString,
  fc.constantFrom(null, true, -1, 0, 2 ** 53, -(2 ** 63), 1e308, 0.1, [], {}),
  fc.constant(JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`)),
);

function valueFor(schema: Json | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema ?? {});
  if (depth > 6) return fc.constant(null);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a: Json) => valueFor(a, depth + 1)));
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  switch (Array.isArray(s.type) ? s.type[0] : s.type) {
    case 'string':
      if (s.format === 'uuid') return fc.uuid();
      if (s.format === 'date')
        return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (s.format === 'date-time')
        return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
      return fc.string({ maxLength: 40 });
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueFor(s.items, depth + 1), { maxLength: 3 });
    case 'object': {
      const properties = Object.entries((s.properties ?? {}) as Record<string, Json>);
      return fc.record(
        Object.fromEntries(
          properties.map(([name, property]) => [name, valueFor(property, depth + 1)]),
        ),
        { requiredKeys: (s.required ?? []).filter((name: string) => s.properties?.[name]) },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value of the schema, or one of the edge classes in its place (one time in four). */
const hostile = (schema: Json | undefined) =>
  fc.oneof({ weight: 3, arbitrary: valueFor(schema) }, { weight: 1, arbitrary: edgeValue });

/** Replaces leaves of a generated body with edge values (keys too, now and then). */
function poison(value: unknown, edges: unknown[]): unknown {
  if (edges.length === 0) return value;
  if (Array.isArray(value)) return value.map((item) => poison(item, edges));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v], i) =>
      i === 0 && typeof edges[0] === 'string' && edges.length > 2
        ? [edges[0] as string, v]
        : [k, poison(v, edges.slice(1))],
    );
    return Object.fromEntries(entries);
  }
  return edges[0];
}

const operations = Object.entries(document.paths as Json).flatMap(([template, methods]) =>
  Object.entries(methods as Json).map(([method, operation]) => ({
    template,
    method: method.toUpperCase(),
    operation: operation as Json,
  })),
);

/** A path segment as a hostile client sends it: a lone surrogate as its (invalid) UTF-8 bytes. */
function pathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

/** Query text no URLSearchParams would write: broken UTF-8 and percent escapes. */
const rawQuery = fc.constantFrom(
  '',
  'q=%ED%A0%80',
  'cursor=%ZZ',
  'limit=%00',
  'code=%ED%B0%80&verifier=%C0%AF',
  'from=0000-01-01&to=2026-01-01',
  'status=%FF%FE',
  'q=a&q=b&q=c',
);

/** Requests sent and 5xx answers of the document-driven property, for the closing note. */
export const fuzzFigures = { requests: 0, serverErrors: 0 };

describe(`fuzzing from the OpenAPI document with edge classes (${DATABASE_KIND})`, () => {
  it(`sends ${RUNS * 2} requests built from every operation's schemas and edge values; not one 5xx`, async () => {
    const tokens = [undefined, h.tokens.citizen, h.tokens.officer, h.tokens.admin];
    const operation = fc.constantFrom(...operations).chain((op) => {
      const parameters: Json[] = (op.operation.parameters ?? []).map((p: Json) =>
        p.$ref ? document.components.parameters[p.$ref.split('/').pop()] : p,
      );
      const body = op.operation.requestBody?.content?.['application/json']?.schema;
      return fc.record({
        op: fc.constant(op),
        path: fc.record(
          Object.fromEntries(
            parameters
              .filter((p) => p.in === 'path')
              .map((p) => [p.name, fc.oneof(fc.constant(realId), hostile(p.schema))]),
          ),
        ),
        query: fc.record(
          Object.fromEntries(
            parameters.filter((p) => p.in === 'query').map((p) => [p.name, hostile(p.schema)]),
          ),
          { requiredKeys: [] },
        ),
        body: body ? valueFor(body) : fc.constant(undefined),
        edges: fc.array(edgeValue, { maxLength: 4 }),
        token: fc.constantFrom(...tokens),
        header: fc.oneof(
          fc.constant({}),
          fc.record({
            'x-forwarded-for': fc.constantFrom(
              '1.2.3.4',
              `${'9.9.9.9, '.repeat(3000)}1.1.1.1`,
              'garbage, ::1',
            ),
          }),
          fc.record({ 'if-match': fc.constantFrom('"1"', '*', 'W/"x"', 'x'.repeat(9000)) }),
          fc.record({
            'idempotency-key': fc.constantFrom('k'.repeat(256), 'short', 'fuzz-key-constant'),
          }),
          fc.record({
            'accept-language': fc.constantFrom('x'.repeat(10_000), 'vi;q=NaN', 'en;q=-1'),
          }),
          fc.record({ 'x-request-id': fc.constantFrom('a'.repeat(500), 'bad id\t', 'ok-1') }),
        ),
      });
    });
    await fc.assert(
      fc.asyncProperty(
        operation,
        rawQuery,
        async ({ op, path, query, body, edges, token, header }, raw) => {
          const url = `/api/v1${op.template.replace(/\{(\w+)\}/g, (_: string, name: string) =>
            pathSegment(String((path as Record<string, unknown>)[name] ?? '')),
          )}?${raw}&${new URLSearchParams(
            Object.entries(query).map(([k, v]) => [
              k,
              typeof v === 'string' ? v : JSON.stringify(v),
            ]),
          )}`;
          const headers: Record<string, string> = { ...header };
          if (token) headers.authorization = `Bearer ${token}`;
          const sent = body === undefined ? undefined : poison(body, edges);
          fuzzFigures.requests++;
          let status: number;
          try {
            status = (await h.request(op.method, url, { headers, json: sent })).status;
          } catch (error) {
            // The harness throws on a 5xx: count it, then fail with the request that caused it.
            fuzzFigures.serverErrors++;
            throw error;
          }
          expect(status).toBeLessThan(500);
        },
      ),
      { numRuns: RUNS * 2 },
    );
    console.log(
      `fuzz (OpenAPI document, edge classes): ${fuzzFigures.requests} requests, ${fuzzFigures.serverErrors} answers 5xx`,
    );
  }, 600_000);
});
