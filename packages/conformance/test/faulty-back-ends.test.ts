import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary, runConformance, toJson, toJUnit } from '../src/index.js';
import { type Fault, json, type ProxiedRequest, startFaultyProxy } from './support/faulty-proxy.js';
import { type Reference, startReference } from './support/reference.js';

let reference: Reference;
beforeAll(async () => {
  reference = await startReference();
}, 120_000);
afterAll(() => reference?.close());

const isProblem = (headers: Record<string, string>) =>
  (headers['content-type'] ?? '').startsWith('application/problem+json');

/** Codes the faulty lookup has seen submitted: it "knows" which codes exist. */
const submittedCodes = new Set<string>();

/** One broken rule each: the check that must catch it, and how its failure must read. */
const FAULTS: {
  name: string;
  check: string;
  rule: RegExp;
  message?: RegExp;
  fault: Fault;
}[] = [
  {
    name: 'a replayed create makes a second dossier (Idempotency-Key ignored)',
    check: 'idempotency.replay',
    rule: /same key returns the first result/,
    message: /first .+, repeat /,
    fault: {
      request(request) {
        if (request.method === 'POST' && request.path === '/api/v1/dossiers') {
          delete request.headers['idempotency-key'];
        }
        return request;
      },
    },
  },
  {
    name: 'If-Match is ignored (the last writer wins)',
    check: 'etag.if-match',
    rule: /If-Match/,
    message: /expected 428, got 200/,
    fault: {
      async request(request, upstream) {
        if (request.method !== 'PATCH') return request;
        const current = await upstream({ ...request, method: 'GET', body: new Uint8Array() });
        request.headers['if-match'] = current.headers.etag ?? '';
        return request;
      },
    },
  },
  {
    name: 'the lookup tells a wrong verifier from an unknown code',
    check: 'lookup.no-enumeration',
    rule: /which of the two was wrong is not told/,
    fault: {
      answer(request, answer) {
        if (request.path.includes('/submit') && answer.status === 200) {
          submittedCodes.add(json.parse(answer.body).code);
        }
        if (request.path.startsWith('/api/v1/lookup') && answer.status === 404) {
          const code = new URL(request.path, 'http://x').searchParams.get('code') ?? '';
          const body = json.parse(answer.body);
          body.detail = submittedCodes.has(code)
            ? 'Mã kiểm tra không đúng.'
            : 'Không có hồ sơ nào mang mã này.';
          return { ...answer, body: json.bytes(body) };
        }
        return answer;
      },
    },
  },
  {
    name: 'every problem has type about:blank (the client cannot tell a terminal dossier)',
    check: 'dossiers.withdraw',
    rule: /terminal status admits nothing/,
    message: /type is "about:blank".+"terminal"/,
    fault: {
      answer(_request, answer) {
        if (!isProblem(answer.headers)) return answer;
        return { ...answer, body: json.bytes({ ...json.parse(answer.body), type: 'about:blank' }) };
      },
    },
  },
  {
    name: 'an upload over its document’s limit is accepted',
    check: 'uploads.size',
    rule: /one byte over maxSizeBytes/,
    message: /expected 413, got 201/,
    fault: {
      answer(request: ProxiedRequest, answer) {
        if (!request.path.endsWith('/attachments') || answer.status !== 413) return answer;
        return {
          status: 201,
          headers: { 'content-type': 'application/json' },
          body: json.bytes({
            id: randomUUID(),
            requirementCode: 'doc-1',
            fileName: 'qua-lon.pdf',
            mediaType: 'application/pdf',
            sizeBytes: request.body.length,
            sha256: createHash('sha256').update(request.body).digest('hex'),
            uploadedAt: new Date().toISOString(),
          }),
        };
      },
    },
  },
  {
    name: 'a request without a token is served as the citizen (auth skipped)',
    check: 'auth.missing-token',
    rule: /needs a token: 401 without one/,
    message: /expected 401, got (?!401)\d{3}/,
    fault: {
      request(request) {
        if (!request.headers.authorization && request.path.startsWith('/api/v1/dossiers')) {
          request.headers.authorization = `Bearer ${reference.tokens.citizen}`;
        }
        return request;
      },
    },
  },
  {
    name: 'a payment notification is believed without its signature',
    check: 'status.journey',
    // Caught by the route's answer or by the refusal rule, whichever the fake breaks first.
    rule: /receivePaymentNotification/,
    fault: {
      answer(request, answer) {
        if (!request.path.startsWith('/api/v1/payment-notifications/')) return answer;
        return {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: json.bytes({ status: 'applied' }),
        };
      },
    },
  },
  {
    name: 'an action the status machine refuses is carried out',
    check: 'status.journey',
    rule: /"return_result" is not allowed from submitted: 409/,
    message: /expected 409, got 200/,
    fault: {
      async request(request, upstream) {
        if (!request.path.endsWith('/actions') || request.method !== 'POST') return request;
        const answer = await upstream(request);
        const { action } = json.parse(request.body);
        if (answer.status !== 409 || action !== 'return_result') return answer;
        // Answers as if it had been done: the dossier as it is, with a 200.
        const id = request.path.split('/').at(-2);
        const dossier = await upstream({
          ...request,
          method: 'GET',
          path: `/api/v1/dossiers/${id}`,
          body: new Uint8Array(),
        });
        return { ...dossier, status: 200 };
      },
    },
  },
  {
    name: 'problems are sent as plain application/json',
    check: 'system.unknown-path',
    rule: /problem document: application\/problem\+json/,
    message: /content-type "application\/json"/,
    fault: {
      answer(_request, answer) {
        if (!isProblem(answer.headers)) return answer;
        return { ...answer, headers: { ...answer.headers, 'content-type': 'application/json' } };
      },
    },
  },
  {
    name: 'an action is not recorded in the audit trail',
    check: 'status.events',
    rule: /one event per action/,
    message: /events .+; actions taken /,
    fault: {
      answer(request, answer) {
        if (!request.path.endsWith('/events') || answer.status !== 200) return answer;
        const body = json.parse(answer.body);
        body.items = body.items.filter((e: { action: string }) => e.action !== 'transfer');
        return { ...answer, body: json.bytes(body) };
      },
    },
  },
];

describe('a back end that breaks one rule', () => {
  it.each(FAULTS.map((f, i) => [f.name, f, i] as const))(
    'is caught: %s',
    async (_name, { check, rule, message, fault }, index) => {
      const proxy = await startFaultyProxy(
        reference.baseUrl.replace(/\/api\/v1$/, ''),
        fault,
        `198.51.100.${index + 10}`,
      );
      try {
        const report = await runConformance({
          baseUrl: `${proxy.url}/api/v1`,
          citizenToken: reference.tokens.citizen,
          officerToken: reference.tokens.officer,
          otherCitizenToken: reference.tokens.citizen2,
          only: [check],
        });
        const result = report.results.find((r) => r.id === check);
        const summary = formatSummary(report);
        expect(result?.status, summary).toBe('fail');
        expect(report.summary.failed).toBe(1);
        expect(result?.rule).toMatch(rule);
        if (message) expect(result?.message).toMatch(message);
        // The failure shows the request and the answer that broke the rule.
        expect(result?.exchange?.request.url).toContain(proxy.url);
        expect(result?.exchange?.response?.status).toEqual(expect.any(Number));
        expect(summary).toContain(`rule / quy tắc: ${result?.rule}`);
        expect(summary).toMatch(/request \/ yêu cầu: (GET|POST|PATCH) http/);
        expect(summary).toMatch(/answer \/ trả lời: \d{3}/);
        expect(toJUnit(report)).toMatch(/<failure message="[^"]+" type="contract">/);
        expect(
          JSON.parse(toJson(report)).results.find((r: { id: string }) => r.id === check).exchange,
        ).toBeDefined();
      } finally {
        await proxy.close();
      }
    },
    120_000,
  );
});
