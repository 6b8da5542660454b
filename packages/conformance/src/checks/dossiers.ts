import type { Check } from '../check.js';
import { cites, DESIGN, RFC9457 } from '../cite.js';
import type { CheckContext } from '../context.js';
import {
  applicant,
  completeDraft,
  newDraft,
  newKey,
  procedure,
  submittedDossier,
} from '../fixtures.js';

const IDEMPOTENCY =
  'Every POST that creates something accepts Idempotency-Key; a repeat with the same key returns the first result (DESIGN.md § The contract (HTTP))';
const ETAG =
  'Drafts carry an ETag; updates need If-Match: 428 without it, 412 when stale (DESIGN.md § The contract (HTTP); RouteDefinition.ifMatch)';
const PAGINATION = 'Lists are cursor-paginated (DESIGN.md § The contract (HTTP))';

/** Every dossier of the citizen, following the cursor. */
async function allMine(ctx: CheckContext): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const answer = await ctx.call('listMyDossiers', {
      as: 'citizen',
      query: { limit: 100, cursor },
    });
    ctx.expectStatus(answer, 200, 'listMyDossiers answers 200');
    ids.push(...answer.body.items.map((d: { id: string }) => d.id));
    cursor = answer.body.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return ids;
}

export const dossierChecks: readonly Check[] = [
  {
    id: 'dossiers.create-invalid',
    title: 'An invalid draft answers 400 with a field error for each wrong field, in vi and en',
    cites: cites([DESIGN.contract, RFC9457], ['createDossier']),
    async run(ctx) {
      const rule = `createDossier answers 400 with errors[] naming each invalid field (${RFC9457})`;
      const vi = await ctx.call('createDossier', { as: 'citizen', json: { channel: 'fax' } });
      ctx.expectProblem(vi, 400, rule, { code: 'validation', paths: ['procedureCode', 'channel'] });
      const en = await ctx.call('createDossier', {
        as: 'citizen',
        json: { channel: 'fax' },
        headers: { 'accept-language': 'en' },
      });
      ctx.expectProblem(en, 400, rule, { paths: ['procedureCode'] });
      const message = (answer: typeof vi) =>
        answer.body.errors.find((e: { path: string }) => e.path === 'procedureCode')?.message;
      ctx.assert(
        message(vi) !== message(en),
        'Messages follow Accept-Language: Vietnamese by default, English on request',
        `the same message in both languages: "${message(vi)}"`,
        en,
      );
    },
  },
  {
    id: 'dossiers.create',
    title: 'A draft is created with 201, status draft and an ETag, and read back by its owner',
    cites: cites([DESIGN.contract, DESIGN.machine], ['createDossier', 'getDossier']),
    async run(ctx) {
      const { dossier, etag } = await newDraft(ctx);
      ctx.assert(
        dossier.status === 'draft',
        'A new dossier is a draft',
        `status is ${dossier.status}`,
      );
      const got = await ctx.call('getDossier', { as: 'citizen', params: { id: dossier.id } });
      ctx.expectStatus(got, 200, 'The owner reads their draft: getDossier answers 200');
      ctx.assert(
        got.headers.get('etag') === etag,
        `${ETAG}: getDossier gives the same ETag as long as nothing changed`,
        `created with ${etag}, read with ${got.headers.get('etag')}`,
        got,
      );
    },
  },
  {
    id: 'idempotency.replay',
    title:
      'A repeated createDossier with the same Idempotency-Key returns the first dossier and makes no second one',
    cites: cites([IDEMPOTENCY], ['createDossier', 'listMyDossiers']),
    async run(ctx) {
      const { procedure: p } = await procedure(ctx);
      const before = await allMine(ctx);
      const request = {
        as: 'citizen' as const,
        json: { procedureCode: p.code, applicant: applicant(ctx) },
        headers: { 'idempotency-key': newKey() },
      };
      const first = await ctx.call('createDossier', request);
      ctx.expectStatus(first, 201, 'createDossier answers 201');
      const again = await ctx.call('createDossier', request);
      ctx.expectStatus(again, 201, `${IDEMPOTENCY}: the repeat answers as the first did (201)`);
      ctx.assert(
        again.body.id === first.body.id,
        `${IDEMPOTENCY}: the repeat returns the first dossier`,
        `first ${first.body.id}, repeat ${again.body.id}`,
        again,
      );
      const after = await allMine(ctx);
      const added = after.filter((id) => !before.includes(id));
      ctx.assert(
        added.length === 1,
        `${IDEMPOTENCY}: no second dossier`,
        `the citizen has ${added.length} new dossiers after one create and its repeat: ${added.join(', ')}`,
        again,
      );
    },
  },
  {
    id: 'idempotency.conflict',
    title: 'The same Idempotency-Key with another request is refused (422) and creates nothing',
    cites: cites(
      [IDEMPOTENCY, 'openapi.json#/components/parameters (Idempotency-Key: 8–255 characters)'],
      ['createDossier'],
    ),
    async run(ctx) {
      const { procedure: p } = await procedure(ctx);
      const key = newKey();
      const first = await ctx.call('createDossier', {
        as: 'citizen',
        json: { procedureCode: p.code },
        headers: { 'idempotency-key': key },
      });
      ctx.expectStatus(first, 201, 'createDossier answers 201');
      const before = await allMine(ctx);
      const other = await ctx.call('createDossier', {
        as: 'citizen',
        json: { procedureCode: p.code, channel: 'postal' },
        headers: { 'idempotency-key': key },
      });
      ctx.expectProblem(other, 422, `${IDEMPOTENCY}: a key reused for another request is refused`, {
        code: 'idempotency_key_reused',
      });
      const after = await allMine(ctx);
      ctx.assert(
        after.length === before.length,
        `${IDEMPOTENCY}: a refused reuse creates nothing`,
        `${after.length - before.length} dossiers appeared`,
        other,
      );
      const short = await ctx.call('createDossier', {
        as: 'citizen',
        json: { procedureCode: p.code },
        headers: { 'idempotency-key': 'abc' },
      });
      ctx.expectProblem(
        short,
        400,
        'An Idempotency-Key has 8–255 characters: a shorter one answers 400',
      );
    },
  },
  {
    id: 'etag.if-match',
    title: 'A draft changes only with its current ETag: 428 without If-Match, 412 when stale',
    cites: cites([ETAG], ['updateDossier', 'submitDossier', 'getDossier']),
    async run(ctx) {
      const { dossier, etag } = await newDraft(ctx);
      const id = { id: dossier.id };
      const missing = await ctx.call('updateDossier', {
        as: 'citizen',
        params: id,
        json: { formData: { ghiChu: 'không có If-Match' } },
      });
      ctx.expectProblem(missing, 428, `${ETAG}: without If-Match`, {
        code: 'precondition_required',
      });
      const first = await ctx.call('updateDossier', {
        as: 'citizen',
        params: id,
        json: { formData: { ghiChu: 'Tab 1' } },
        headers: { 'if-match': etag },
      });
      ctx.expectStatus(first, 200, `${ETAG}: the current ETag updates`);
      const newer = first.headers.get('etag');
      ctx.assert(
        newer && newer !== etag,
        `${ETAG}: a change gives a new ETag`,
        `ETag after the change: ${newer}`,
        first,
      );
      const stale = await ctx.call('updateDossier', {
        as: 'citizen',
        params: id,
        json: { formData: { ghiChu: 'Tab 2' } },
        headers: { 'if-match': etag },
      });
      ctx.expectProblem(stale, 412, `${ETAG}: a stale ETag`, { code: 'precondition_failed' });
      const now = await ctx.call('getDossier', { as: 'citizen', params: id });
      ctx.assert(
        now.body.formData?.ghiChu === 'Tab 1',
        `${ETAG}: a refused update changes nothing (no lost update)`,
        `formData.ghiChu is ${JSON.stringify(now.body.formData?.ghiChu)}`,
        now,
      );
      ctx.assert(
        now.headers.get('etag') === newer,
        `${ETAG}: getDossier gives the current ETag`,
        `getDossier: ${now.headers.get('etag')}, the update gave ${newer}`,
        now,
      );
      const submit = await ctx.call('submitDossier', {
        as: 'citizen',
        params: id,
        headers: { 'if-match': etag },
      });
      ctx.expectProblem(submit, 412, `${ETAG}: submitDossier with a stale ETag`);
    },
  },
  {
    id: 'dossiers.delete',
    title:
      'A draft is deleted by its applicant with its current ETag (204, then 404); a submitted dossier never (409)',
    cites: cites([ETAG, DESIGN.machine], ['deleteDossier', 'getDossier']),
    async run(ctx) {
      const rule = (what: string) => `deleteDossier: ${what} (route deleteDossier; ${ETAG})`;
      const { dossier, etag } = await newDraft(ctx);
      const id = { id: dossier.id };
      const missing = await ctx.call('deleteDossier', {
        as: 'citizen',
        params: id,
        headers: { 'idempotency-key': newKey() },
      });
      ctx.expectProblem(missing, 428, rule('without If-Match'), { code: 'precondition_required' });
      const gone = await ctx.call('deleteDossier', {
        as: 'citizen',
        params: id,
        headers: { 'if-match': etag, 'idempotency-key': newKey() },
      });
      ctx.expectStatus(gone, 204, rule('the applicant deletes a draft with its ETag'));
      const after = await ctx.call('getDossier', { as: 'citizen', params: id });
      ctx.expectProblem(after, 404, rule('a deleted draft is gone'));
      const sent = await submittedDossier(ctx);
      const read = await ctx.call('getDossier', { as: 'citizen', params: { id: sent.id } });
      const refused = await ctx.call('deleteDossier', {
        as: 'citizen',
        params: { id: sent.id },
        headers: {
          'if-match': read.headers.get('etag') ?? '*',
          'idempotency-key': newKey(),
        },
      });
      ctx.expectProblem(refused, 409, rule('a submitted dossier is withdrawn, never deleted'));
    },
  },
  {
    id: 'dossiers.submit-incomplete',
    title:
      'Submitting an incomplete draft answers 422 listing every problem, and leaves it a draft',
    cites: cites([DESIGN.contract, DESIGN.domain], ['submitDossier']),
    async run(ctx) {
      const { procedure: p } = await procedure(ctx);
      const created = await ctx.call('createDossier', {
        as: 'citizen',
        json: { procedureCode: p.code },
      });
      ctx.expectStatus(created, 201, 'createDossier answers 201');
      const firstDocument = p.cases
        .find((c) => c.code === created.body.caseCode)
        ?.documents.find((d) => d.required);
      const answer = await ctx.call('submitDossier', {
        as: 'citizen',
        params: { id: created.body.id },
        headers: { 'if-match': created.headers.get('etag') ?? '', 'idempotency-key': newKey() },
      });
      ctx.expectProblem(answer, 422, 'submitDossier: 422 lists every problem (route description)', {
        paths: ['applicant', ...(firstDocument ? [`documents.${firstDocument.code}`] : [])],
      });
      ctx.assert(
        answer.body.errors.some((e: { path: string }) => e.path.startsWith('formData.')),
        "submitDossier: 422 lists every problem, the form's unanswered fields too",
        'no formData.* error for an empty form',
        answer,
      );
      const now = await ctx.call('getDossier', { as: 'citizen', params: { id: created.body.id } });
      ctx.assert(
        now.body.status === 'draft',
        'A refused submit leaves the draft',
        `status ${now.body.status}`,
        now,
      );
    },
  },
  {
    id: 'dossiers.submit',
    title:
      'A complete draft is submitted once: code, verifier, events; a repeat replays; a second submit answers 409',
    cites: cites(
      [DESIGN.contract, DESIGN.machine, IDEMPOTENCY],
      ['submitDossier', 'listDossierEvents'],
    ),
    async run(ctx) {
      const { dossier, etag } = await completeDraft(ctx);
      const headers = { 'if-match': etag, 'idempotency-key': newKey() };
      const first = await ctx.call('submitDossier', {
        as: 'citizen',
        params: { id: dossier.id },
        headers,
      });
      ctx.expectStatus(first, 200, 'submitDossier answers 200 for a complete draft');
      ctx.assert(
        first.body.status === 'submitted' && first.body.nationalStatusCode === 1,
        `${DESIGN.machine}: draft → submitted[1]`,
        `status ${first.body.status}, national code ${first.body.nationalStatusCode}`,
        first,
      );
      ctx.assert(
        typeof first.body.code === 'string' && typeof first.body.verifier === 'string',
        'A submitted dossier has the code and verifier its receipt prints',
        'code or verifier missing',
        first,
      );
      const retry = await ctx.call('submitDossier', {
        as: 'citizen',
        params: { id: dossier.id },
        headers,
      });
      ctx.expectStatus(retry, 200, `${IDEMPOTENCY}: a repeated submit answers as the first`);
      ctx.assert(
        retry.body.code === first.body.code && retry.body.status === 'submitted',
        `${IDEMPOTENCY}: a repeated submit returns the first result`,
        `first ${first.body.code}, repeat ${retry.body.code}`,
        retry,
      );
      const events = await ctx.call('listDossierEvents', {
        as: 'citizen',
        params: { id: dossier.id },
      });
      ctx.expectStatus(events, 200, 'listDossierEvents answers 200');
      const submits = events.body.items.filter((e: { action: string }) => e.action === 'submit');
      ctx.assert(
        submits.length === 1,
        `${DESIGN.machine}: one event per action taken — a replay appends none`,
        `${submits.length} submit events`,
        events,
      );
      const again = await ctx.call('submitDossier', {
        as: 'citizen',
        params: { id: dossier.id },
        headers: { 'if-match': first.headers.get('etag') ?? '', 'idempotency-key': newKey() },
      });
      ctx.expectProblem(again, 409, `${DESIGN.machine}: submit is allowed from draft only`);
    },
  },
  {
    id: 'dossiers.list-mine',
    title: "The citizen's list is cursor-paginated: limit, nextCursor, forged cursors refused",
    cites: cites([PAGINATION], ['listMyDossiers']),
    async run(ctx) {
      await newDraft(ctx);
      await newDraft(ctx);
      const first = await ctx.call('listMyDossiers', { as: 'citizen', query: { limit: 1 } });
      ctx.expectStatus(first, 200, 'listMyDossiers answers 200');
      ctx.assert(
        first.body.items.length === 1 && typeof first.body.nextCursor === 'string',
        `${PAGINATION}: limit=1 gives one item and a nextCursor when there are more`,
        `${first.body.items.length} items, nextCursor ${JSON.stringify(first.body.nextCursor)}`,
        first,
      );
      const next = await ctx.call('listMyDossiers', {
        as: 'citizen',
        query: { limit: 1, cursor: first.body.nextCursor },
      });
      ctx.expectStatus(next, 200, `${PAGINATION}: nextCursor fetches the next page`);
      ctx.assert(
        next.body.items[0]?.id !== first.body.items[0].id,
        `${PAGINATION}: the next page does not repeat the previous one`,
        'the same dossier on both pages',
        next,
      );
      for (const cursor of ['%%%', Buffer.from('["not a date","x"]').toString('base64url')]) {
        const forged = await ctx.call('listMyDossiers', { as: 'citizen', query: { cursor } });
        ctx.expectProblem(forged, 400, `${PAGINATION}: a forged cursor answers 400`, {
          paths: ['cursor'],
        });
      }
      const limit = await ctx.call('listMyDossiers', { as: 'citizen', query: { limit: 0 } });
      ctx.expectProblem(limit, 400, `${PAGINATION}: limit is 1–100`, { paths: ['limit'] });
    },
  },
  {
    id: 'dossiers.withdraw',
    title: 'A submitted dossier is withdrawn with a reason; a terminal one refuses with 409',
    cites: cites([DESIGN.machine], ['withdrawDossier']),
    async run(ctx) {
      const dossier = await submittedDossier(ctx);
      const id = { id: dossier.id };
      const noReason = await ctx.call('withdrawDossier', {
        as: 'citizen',
        params: id,
        json: { reason: '' },
      });
      ctx.expectProblem(noReason, 400, 'withdrawDossier needs a reason (WithdrawRequest.reason)', {
        paths: ['reason'],
      });
      const done = await ctx.call('withdrawDossier', {
        as: 'citizen',
        params: id,
        json: { reason: 'Nộp nhầm thủ tục' },
        headers: { 'idempotency-key': newKey() },
      });
      ctx.expectStatus(done, 200, `${DESIGN.machine}: submitted → withdrawn[7]`);
      ctx.assert(
        done.body.status === 'withdrawn' && done.body.nationalStatusCode === 7,
        `${DESIGN.machine}: submitted → withdrawn[7]`,
        `status ${done.body.status}, national code ${done.body.nationalStatusCode}`,
        done,
      );
      const twice = await ctx.call('withdrawDossier', {
        as: 'citizen',
        params: id,
        json: { reason: 'Lần nữa' },
        headers: { 'idempotency-key': newKey() },
      });
      ctx.expectProblem(twice, 409, `${DESIGN.machine}: a terminal status admits nothing`, {
        code: 'terminal',
      });
    },
  },
];
