import type { Check } from '../check.js';
import { cites, DESIGN, RFC9457 } from '../cite.js';
import { procedure } from '../fixtures.js';

const FIELD_ERRORS = `Invalid input answers 400 with errors[] of {path, code, message} (${RFC9457})`;
const PAGINATION = 'Lists are cursor-paginated (DESIGN.md § The contract (HTTP))';

export const catalogueChecks: readonly Check[] = [
  {
    id: 'procedures.list',
    title: 'Procedures are listed page by page: limit bounds the page, nextCursor leads on',
    cites: cites([DESIGN.contract], ['listProcedures']),
    async run(ctx) {
      const first = await ctx.call('listProcedures', { query: { limit: 2 } });
      ctx.expectStatus(first, 200, 'listProcedures answers 200');
      ctx.assert(
        first.body.items.length <= 2,
        `${PAGINATION}: a page holds at most limit items`,
        `limit=2 gave ${first.body.items.length} items`,
        first,
      );
      if (!first.body.nextCursor) return; // fewer than three procedures: nothing to follow
      const next = await ctx.call('listProcedures', {
        query: { limit: 2, cursor: first.body.nextCursor },
      });
      ctx.expectStatus(next, 200, `${PAGINATION}: nextCursor fetches the next page`);
      const seen = new Set(first.body.items.map((p: { code: string }) => p.code));
      ctx.assert(
        next.body.items.every((p: { code: string }) => !seen.has(p.code)),
        `${PAGINATION}: the next page does not repeat the previous one`,
        'the page after the cursor repeats a procedure',
        next,
      );
    },
  },
  {
    id: 'procedures.invalid-query',
    title: 'A bad filter or page size answers 400 naming the parameter',
    cites: cites([DESIGN.contract, RFC9457], ['listProcedures']),
    async run(ctx) {
      const level = await ctx.call('listProcedures', { query: { level: 'district' } });
      ctx.expectProblem(level, 400, `${FIELD_ERRORS}: level=district`, { paths: ['level'] });
      for (const limit of ['0', '101', 'ten']) {
        const answer = await ctx.call('listProcedures', { query: { limit } });
        ctx.expectProblem(answer, 400, `${FIELD_ERRORS}: limit is 1–100 (limit=${limit})`, {
          paths: ['limit'],
        });
      }
    },
  },
  {
    id: 'procedures.bad-cursor',
    title: 'A cursor the server did not make answers 400 naming cursor, never 500',
    cites: cites([DESIGN.contract, RFC9457], ['listProcedures']),
    async run(ctx) {
      const forged = [
        'not-ours',
        Buffer.from('[1e999]').toString('base64url'),
        Buffer.from('[1,"\\u0000"]').toString('base64url'),
        'A'.repeat(3000),
      ];
      for (const cursor of forged) {
        const answer = await ctx.call('listProcedures', { query: { cursor } });
        ctx.expectProblem(answer, 400, `${PAGINATION}: a forged cursor answers 400`, {
          paths: ['cursor'],
        });
      }
    },
  },
  {
    id: 'procedures.get',
    title: 'A procedure and its form are served; an unknown code or case answers 404',
    cites: cites([DESIGN.contract, DESIGN.domain], ['getProcedure', 'getProcedureForm']),
    async run(ctx) {
      const { procedure: p } = await procedure(ctx);
      const unknown = await ctx.call('getProcedure', { params: { code: '9.999999' } });
      ctx.expectProblem(unknown, 404, 'getProcedure answers 404 for an unknown code', {
        code: 'not_found',
      });
      const form = await ctx.call('getProcedureForm', {
        params: { code: p.code },
        query: { case: 'no-such-case' },
      });
      ctx.expectProblem(form, 404, 'getProcedureForm answers 404 for an unknown case');
    },
  },
  {
    id: 'units.list',
    title: 'Administrative units are listed, searched and got; unknown ones answer 404',
    cites: cites([DESIGN.domain], ['searchUnits', 'getUnit']),
    async run(ctx) {
      const provinces = await ctx.call('searchUnits');
      ctx.expectStatus(provinces, 200, 'searchUnits answers 200');
      ctx.assert(
        provinces.body.items.length > 0 &&
          provinces.body.items.every((u: { level: string }) => u.level === 'province'),
        'Without q, searchUnits lists the provinces',
        'the list is empty or holds units other than provinces',
        provinces,
      );
      const code = ctx.options.communeCode ?? '20242';
      const commune = await ctx.call('getUnit', { params: { code } });
      ctx.expectStatus(commune, 200, `getUnit serves the applicant's commune ${code}`);
      const unknown = await ctx.call('getUnit', { params: { code: '99999999' } });
      ctx.expectProblem(unknown, 404, 'getUnit answers 404 for an unknown code');
      const level = await ctx.call('searchUnits', { query: { level: 'district' } });
      ctx.expectProblem(level, 400, `${FIELD_ERRORS}: level is province or commune`, {
        paths: ['level'],
      });
    },
  },
  {
    id: 'agencies.list',
    title: 'Agencies are listed; a bad level answers 400',
    cites: cites([DESIGN.domain], ['listAgencies']),
    async run(ctx) {
      const all = await ctx.call('listAgencies');
      ctx.expectStatus(all, 200, 'listAgencies answers 200');
      const bad = await ctx.call('listAgencies', { query: { level: 'planet' } });
      ctx.expectProblem(bad, 400, `${FIELD_ERRORS}: level`, { paths: ['level'] });
    },
  },
  {
    id: 'statistics.on-time',
    title: 'On-time statistics answer for a period; a missing or impossible date answers 400',
    cites: cites([DESIGN.contract], ['getOnTimeStatistics']),
    async run(ctx) {
      const ok = await ctx.call('getOnTimeStatistics', {
        query: { from: '2026-01-01', to: '2026-01-31', groupBy: 'agency' },
      });
      ctx.expectStatus(ok, 200, 'getOnTimeStatistics answers 200 for a period');
      const missing = await ctx.call('getOnTimeStatistics', { query: { to: '2026-01-31' } });
      ctx.expectProblem(missing, 400, `${FIELD_ERRORS}: from is required`, { paths: ['from'] });
      const impossible = await ctx.call('getOnTimeStatistics', {
        query: { from: '2026-02-31', to: '2026-03-01' },
      });
      ctx.expectProblem(impossible, 400, `${FIELD_ERRORS}: from is a real date`, {
        paths: ['from'],
      });
    },
  },
];
