import { Health, ROUTES } from '@egov-kit/schema';
import type { Check } from '../check.js';
import { cites, DESIGN, RFC9457 } from '../cite.js';

export const systemChecks: readonly Check[] = [
  {
    id: 'system.health',
    title: 'The health check answers 200 with a Health body',
    cites: cites([DESIGN.contract], ['getHealth']),
    async run(ctx) {
      const answer = await ctx.call('getHealth');
      ctx.expectStatus(answer, 200, 'getHealth answers 200');
      ctx.expectShape(answer, Health, 'getHealth answers a Health body', 'Health');
    },
  },
  {
    id: 'system.openapi',
    title: 'The OpenAPI 3.1 document is served at /api/v1/openapi.json and lists every operation',
    cites: [DESIGN.contract, 'GET /api/v1/openapi.json'],
    async run(ctx) {
      const rule =
        'The OpenAPI 3.1 document is served at /api/v1/openapi.json (DESIGN.md § The contract (HTTP))';
      const answer = await ctx.send('GET', '/openapi.json');
      ctx.expectStatus(answer, 200, rule);
      ctx.assert(
        typeof answer.body?.openapi === 'string' && answer.body.openapi.startsWith('3.1'),
        rule,
        `openapi is ${JSON.stringify(answer.body?.openapi)}, not 3.1.x`,
        answer,
      );
      const missing = ROUTES.filter(
        (route) => !answer.body.paths?.[route.path]?.[route.method],
      ).map((route) => `${route.method.toUpperCase()} ${route.path}`);
      ctx.assert(
        missing.length === 0,
        'The served document describes every operation of the contract',
        `missing: ${missing.join(', ')}`,
        answer,
      );
    },
  },
  {
    id: 'system.unknown-path',
    title: 'An unknown API path answers 404 as a problem document',
    cites: [DESIGN.contract, RFC9457],
    async run(ctx) {
      const answer = await ctx.send('GET', '/no-such-resource-egov-conformance');
      ctx.expectProblem(answer, 404, 'An unknown API path answers a 404 problem');
    },
  },
  {
    id: 'system.json-body',
    title: 'A body that is not JSON answers 415; broken JSON answers 400; both as problems',
    cites: cites([DESIGN.contract, RFC9457], ['createDossier']),
    async run(ctx) {
      const wrongType = await ctx.call('createDossier', {
        as: 'citizen',
        raw: { body: 'procedureCode=1', contentType: 'text/plain', shown: 'procedureCode=1' },
      });
      ctx.expectProblem(
        wrongType,
        415,
        'The API speaks JSON: another content type answers 415 (DESIGN.md § The contract (HTTP): JSON, UTF-8)',
      );
      const broken = await ctx.call('createDossier', {
        as: 'citizen',
        raw: {
          body: '{"procedureCode":',
          contentType: 'application/json',
          shown: '{"procedureCode":',
        },
      });
      ctx.expectProblem(broken, 400, 'A JSON body that does not parse answers 400');
      const invalidUtf8 = await ctx.call('createDossier', {
        as: 'citizen',
        raw: {
          body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
          contentType: 'application/json',
          shown: '‹{"\\xff\\xfe":1} — not UTF-8›',
        },
      });
      ctx.expectProblem(invalidUtf8, 400, 'A body that is not UTF-8 answers 400 (JSON, UTF-8)');
    },
  },
];
