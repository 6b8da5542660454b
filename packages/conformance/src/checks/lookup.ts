import type { Check } from '../check.js';
import { cites, DESIGN, RFC9457 } from '../cite.js';
import { applicant, submittedDossier } from '../fixtures.js';
import { journey } from './status-machine.js';

const LOOKUP =
  'Public lookup by code + verifier (DESIGN.md § The contract (HTTP)); a wrong verifier and an unknown code answer alike, so codes cannot be enumerated';

/** A code of the same shape that no dossier has (the last digits all 9, or 0 if they were). */
function unknownCode(code: string): string {
  return code.replace(/\d+$/, (digits) => (/^9+$/.test(digits) ? '0' : '9').repeat(digits.length));
}

export const lookupChecks: readonly Check[] = [
  {
    id: 'lookup.found',
    title: 'The code and verifier on a receipt find the dossier, without personal data',
    cites: cites([LOOKUP], ['lookupDossier']),
    async run(ctx) {
      const dossier = await submittedDossier(ctx);
      const found = await ctx.call('lookupDossier', {
        query: { code: dossier.code, verifier: dossier.verifier },
      });
      ctx.expectStatus(found, 200, `${LOOKUP}: the right pair answers 200`);
      ctx.assert(
        found.body.dossier?.code === dossier.code,
        `${LOOKUP}: the right pair finds its dossier`,
        `asked ${dossier.code}, got ${found.body.dossier?.code}`,
        found,
      );
      const text = JSON.stringify(found.body);
      const person = applicant(ctx);
      for (const [what, value] of [
        ['name', person.kind === 'individual' ? person.fullName : ''],
        ['ID number', person.kind === 'individual' ? person.idNumber : ''],
        ['phone', person.phone],
        ['verifier', dossier.verifier ?? ''],
      ] as const) {
        ctx.assert(
          !value || !text.includes(value),
          'The public lookup shows no personal data (LookupResult)',
          `the answer holds the applicant's ${what}`,
          found,
        );
      }
    },
  },
  {
    id: 'lookup.no-enumeration',
    title: 'A wrong verifier and an unknown code answer the same 404; a missing verifier 400',
    cites: cites([LOOKUP, RFC9457], ['lookupDossier']),
    async run(ctx) {
      const dossier = await submittedDossier(ctx);
      const wrong = await ctx.call('lookupDossier', {
        query: {
          code: dossier.code,
          verifier: dossier.verifier === 'WRONG234' ? 'WRONG235' : 'WRONG234',
        },
      });
      ctx.expectProblem(wrong, 404, `${LOOKUP}: a wrong verifier answers 404`);
      const unknown = await ctx.call('lookupDossier', {
        query: { code: unknownCode(dossier.code ?? 'HS-1'), verifier: 'WRONG234' },
      });
      ctx.expectProblem(unknown, 404, `${LOOKUP}: an unknown code answers 404`);
      const { instance: _a, ...wrongBody } = wrong.body;
      const { instance: _b, ...unknownBody } = unknown.body;
      ctx.assert(
        JSON.stringify(wrongBody) === JSON.stringify(unknownBody),
        `${LOOKUP}: which of the two was wrong is not told`,
        `wrong verifier: ${JSON.stringify(wrongBody)}; unknown code: ${JSON.stringify(unknownBody)}`,
        unknown,
      );
      const missing = await ctx.call('lookupDossier', { query: { code: dossier.code } });
      ctx.expectProblem(missing, 400, `${LOOKUP}: the verifier is required (LookupQuery)`, {
        paths: ['verifier'],
      });
    },
  },
  {
    id: 'lookup.result',
    title:
      'The receipt holder downloads the result document with code and verifier; a wrong verifier answers 404',
    cites: cites([LOOKUP, DESIGN.machine], ['lookupDossier', 'downloadAttachment']),
    async run(ctx) {
      const { dossier, verifier, resultAttachmentId } = await journey(ctx);
      const code = dossier.code as string;
      const file = await ctx.call('downloadAttachment', {
        params: { id: resultAttachmentId },
        query: { code, verifier },
      });
      ctx.expectStatus(
        file,
        200,
        'downloadAttachment serves a result document to the receipt holder',
      );
      const wrong = await ctx.call('downloadAttachment', {
        params: { id: resultAttachmentId },
        query: { code, verifier: verifier === 'WRONG234' ? 'WRONG235' : 'WRONG234' },
      });
      ctx.expectProblem(wrong, 404, 'downloadAttachment refuses a wrong verifier with 404');
    },
  },
];
