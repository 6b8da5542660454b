/**
 * Every resource method against the real reference server (PGlite, an ephemeral loopback port),
 * with validation on: a wrong path, a missing header or a drift between the contract's schemas
 * and the server's answers fails here.
 */
import type { Dossier, RequiredDocument } from '@egov-kit/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  ConflictError,
  createClient,
  isApiError,
  isConflictError,
  isFileRejectedError,
} from '../src/index.js';
import { hasChromium, openClientPage } from './support/browser.js';
import { completeDraft } from './support/journey.js';
import {
  APPLICANT,
  PDF,
  startTestServer,
  type TestServer,
  validAnswers,
} from './support/server.js';

let t: TestServer;
let citizen: Client;
let officer: Client;
let anonymous: Client;

beforeAll(async () => {
  t = await startTestServer();
  citizen = createClient({ baseUrl: t.api, getToken: () => t.tokens.citizen });
  officer = createClient({ baseUrl: t.api, getToken: () => t.tokens.officer });
  anonymous = createClient({ baseUrl: t.api });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

async function verifierOf(id: string): Promise<string> {
  const [row] = await t.server.db.query<{ verifier: string }>(
    'select verifier from dossiers where id = $1',
    [id],
  );
  return row?.verifier as string;
}

describe('public resources', () => {
  it('health', async () => {
    expect((await anonymous.health()).status).toBe('ok');
  });

  it('procedures: list, search, get, getForm, all', async () => {
    const first = await anonymous.procedures.list({ limit: 5 });
    expect(first.items).toHaveLength(5);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await anonymous.procedures.list({ limit: 5, cursor: first.nextCursor ?? '' });
    expect(second.items[0]?.code).not.toBe(first.items[0]?.code);

    const found = await anonymous.procedures.search('nghia vu quan su lan dau');
    expect(found.items[0]?.code).toBe('1.013133');

    const procedure = await anonymous.procedures.get('1.013133');
    expect(procedure.cases[0]?.documents.length).toBeGreaterThan(0);
    const form = await anonymous.procedures.getForm('1.013133');
    expect(form.sections.length).toBeGreaterThan(0);
    const sameForm = await anonymous.procedures.getForm('1.013133', {
      case: procedure.cases[0]?.code as string,
    });
    expect(sameForm.id).toBe(form.id);

    // `all` walks every page: as many procedures as listing by hand.
    const field = procedure.field;
    const all: string[] = [];
    for await (const item of anonymous.procedures.all({ field, limit: 3 })) all.push(item.code);
    expect(all).toContain('1.013133');
    const oneShot = await anonymous.procedures.list({ field, limit: 100 });
    expect(all).toEqual(oneShot.items.map((item) => item.code));
    expect(all.length).toBeGreaterThan(3);
  });

  it('units: list, search, get', async () => {
    expect((await anonymous.units.list()).items).toHaveLength(34);
    const communes = await anonymous.units.list({ province: '48' });
    expect(communes.items.every((unit) => unit.parentCode === '48')).toBe(true);
    const [danang] = (await anonymous.units.search('da nang', { level: 'province' })).items;
    expect(danang?.code).toBe('48');
    expect((await anonymous.units.get('00070')).name).toBe('Phường Hoàn Kiếm');
  });

  it('agencies and statistics', async () => {
    const agencies = await anonymous.agencies.list();
    expect(agencies.items.length).toBeGreaterThan(0);
    const communal = await anonymous.agencies.list({ level: 'commune' });
    expect(communal.items.every((agency) => agency.level === 'commune')).toBe(true);
    const stats = await anonymous.statistics.onTime({ from: '2025-01-01', to: '2027-12-31' });
    expect(stats.groupBy).toBe('agency');
    const byProcedure = await anonymous.statistics.onTime({
      from: '2025-01-01',
      to: '2027-12-31',
      groupBy: 'procedure',
    });
    expect(byProcedure.groupBy).toBe('procedure');
  });

  it('problems come in the asked language', async () => {
    const en = createClient({ baseUrl: t.api, locale: 'en' });
    const vi = createClient({ baseUrl: t.api, locale: 'vi' });
    const [inEnglish, inVietnamese] = await Promise.all([
      en.procedures.get('9.999999').catch((error: unknown) => error),
      vi.procedures.get('9.999999').catch((error: unknown) => error),
    ]);
    expect(isApiError(inEnglish) && inEnglish.status).toBe(404);
    expect(isApiError(inEnglish) && inEnglish.code).toBe('not_found');
    expect(isApiError(inEnglish) && inEnglish.title).toBe('Not found');
    expect(isApiError(inVietnamese) && inVietnamese.title).toBe('Không tìm thấy');
  });
});

describe('a dossier from draft to rated result', () => {
  it('create → upload → update → submit → receive → supplement → resolve → return → survey → lookup → download', async () => {
    // The citizen drafts, uploads with progress, fills in, submits.
    const procedure = await citizen.procedures.get('1.013133');
    const form = await citizen.procedures.getForm('1.013133');
    const draft = await citizen.dossiers.create({ procedureCode: '1.013133' });
    expect(draft.status).toBe('draft');
    expect(citizen.dossiers.etag(draft.id)).toMatch(/^"/);

    const requirement = procedure.cases[0]?.documents.find((d) => d.required) as RequiredDocument;
    const fractions: number[] = [];
    const attachment = await citizen.attachments.upload(
      draft.id,
      requirement.code,
      new File([PDF], 'giay-xac-nhan.pdf'),
      { requirement, onProgress: (fraction) => fractions.push(fraction) },
    );
    expect(attachment).toMatchObject({
      mediaType: 'application/pdf',
      fileName: 'giay-xac-nhan.pdf',
    });
    expect(fractions.at(-1)).toBe(1);

    const updated = await citizen.dossiers.update(draft.id, {
      applicant: APPLICANT,
      formData: validAnswers(form, { [requirement.code]: [attachment.id], '*': [attachment.id] }),
      documents: [{ requirementCode: requirement.code, attachmentIds: [attachment.id] }],
    });
    expect(updated.version).toBeGreaterThan(draft.version);

    const submitted = await citizen.dossiers.submit(draft.id);
    expect(submitted).toMatchObject({ status: 'submitted', nationalStatusCode: 1 });
    expect(submitted.code).toMatch(/^HS-/);
    const id = submitted.id;

    // The officer finds it in the inbox and works on it.
    const inbox: Dossier[] = [];
    for await (const dossier of officer.officer.all({ status: 'submitted', limit: 2 }))
      inbox.push(dossier);
    expect(inbox.map((d) => d.id)).toContain(id);
    expect((await officer.officer.list({ limit: 1 })).items).toHaveLength(1);
    const received = await officer.officer.act(id, { action: 'receive' });
    expect(received.status).toBe('received');
    expect(received.dueAt).toEqual(expect.any(String));
    await officer.officer.act(id, { action: 'start_processing' });
    const asked = await officer.officer.act(id, {
      action: 'request_supplement',
      requestedDocuments: [requirement.code],
      note: 'Giấy xác nhận bị mờ, đề nghị nộp lại.',
    });
    expect(asked.status).toBe('awaiting_supplement');

    // The citizen supplies a clearer copy.
    const clearer = await citizen.attachments.upload(
      id,
      requirement.code,
      new Blob([PDF, new Uint8Array(64)]),
      { fileName: 'ban-ro.pdf' },
    );
    const supplemented = await citizen.dossiers.supplement(id, {
      note: 'Đã nộp bản rõ.',
      documents: [{ requirementCode: requirement.code, attachmentIds: [clearer.id] }],
    });
    expect(supplemented.status).toBe('in_progress');

    // The officer attaches the result, resolves and returns it.
    const result = await officer.attachments.upload(id, 'result', new File([PDF], 'ket-qua.pdf'));
    const resolved = await officer.officer.act(id, {
      action: 'resolve',
      outcome: { decision: 'approved', resultAttachmentIds: [result.id] },
    });
    expect(resolved.status).toBe('resolved');
    const returned = await officer.officer.act(id, { action: 'return_result' });
    expect(returned).toMatchObject({ status: 'returned', nationalStatusCode: 10 });

    // The citizen rates the service.
    const survey = await citizen.surveys.get(id);
    const answers = survey.criteria.map((c) => ({ criterion: c.code, score: 5 }));
    const rated = await citizen.surveys.answer(id, { surveyId: survey.id, answers });
    expect(rated).toMatchObject({ dossierId: id, surveyId: survey.id });
    expect(rated.submittedAt).toEqual(expect.any(String));

    // Anyone with the receipt follows it and downloads the result.
    const verifier = await verifierOf(id);
    const found = await anonymous.dossiers.lookup({ code: submitted.code as string, verifier });
    expect(found.dossier.status).toBe('returned');
    expect(found.resultAttachmentIds).toEqual([result.id]);
    const file = await anonymous.attachments.download(result.id, {
      receipt: { code: submitted.code as string, verifier },
    });
    expect(file.name).toBe('ket-qua.pdf');
    expect(file.type).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);

    // The citizen's own copies and history.
    const mine = await citizen.attachments.download(clearer.id);
    expect(mine.size).toBe(PDF.byteLength + 64);
    const events = await citizen.dossiers.events(id);
    expect(events.items.map((e) => e.action)).toEqual([
      'create',
      'submit',
      'receive',
      'start_processing',
      'request_supplement',
      'supplement',
      'resolve',
      'return_result',
    ]);
    const got = await citizen.dossiers.get(id);
    expect(got.status).toBe('returned');
    const returnedOnes = await citizen.dossiers.list({ status: 'returned' });
    expect(returnedOnes.items.map((d) => d.id)).toContain(id);
    const every: string[] = [];
    for await (const dossier of citizen.dossiers.all({ limit: 2 })) every.push(dossier.id);
    expect(every).toContain(id);
  });

  it('payments: the officer asks, the citizen pays, the officer confirms', async () => {
    const { dossier } = await completeDraft(citizen);
    const submitted = await citizen.dossiers.submit(dossier.id);
    await officer.officer.act(submitted.id, { action: 'receive' });
    await officer.officer.act(submitted.id, { action: 'start_processing' });
    const due = await officer.officer.act(submitted.id, {
      action: 'request_payment',
      fees: [{ kind: 'charge', amount: 50_000 }],
    });
    expect(due.status).toBe('awaiting_payment');
    // Paid at the desk: the one provider every server has (VietQR needs the agency's account).
    const payment = await citizen.payments.create(submitted.id, { provider: 'cash' });
    expect(payment).toMatchObject({ total: 50_000, status: 'pending', provider: 'cash' });
    await officer.officer.act(submitted.id, { action: 'confirm_payment' });
    const payments = await citizen.payments.list(submitted.id);
    expect(payments.items.map((p) => p.status)).toEqual(['paid']);
  });

  it('withdraw a submitted dossier', async () => {
    const { dossier } = await completeDraft(citizen);
    await citizen.dossiers.submit(dossier.id);
    const withdrawn = await citizen.dossiers.withdraw(dossier.id, { reason: 'Nộp nhầm thủ tục.' });
    expect(withdrawn.status).toBe('withdrawn');
  });

  it('delete a draft with its files; a submitted dossier is withdrawn, never deleted', async () => {
    const { dossier } = await completeDraft(citizen);
    const files = await t.server.db.query<{ n: number }>(
      'select count(*)::int as n from attachments where dossier_id = $1',
      [dossier.id],
    );
    expect(files[0]?.n).toBeGreaterThan(0);
    await citizen.dossiers.delete(dossier.id);
    expect(citizen.dossiers.etag(dossier.id)).toBeUndefined();
    const gone = await citizen.dossiers.get(dossier.id).catch((e: unknown) => e);
    expect(isApiError(gone) && gone.status).toBe(404);
    const left = await t.server.db.query<{ n: number }>(
      'select count(*)::int as n from attachments where dossier_id = $1',
      [dossier.id],
    );
    expect(left[0]?.n).toBe(0);

    const { dossier: sent } = await completeDraft(citizen);
    await citizen.dossiers.submit(sent.id);
    const refused = await citizen.dossiers.delete(sent.id).catch((e: unknown) => e);
    expect(isApiError(refused) && refused.status).toBe(409);
    expect(isApiError(refused) && refused.code).toBe('not_a_draft');
    expect((await citizen.dossiers.get(sent.id)).status).toBe('submitted');
  });
});

describe('refusals, as typed errors', () => {
  it('two tabs: the second change is refused with the current ETag, not lost', async () => {
    const draft = await citizen.dossiers.create({ procedureCode: '1.013133' });
    const otherTab = createClient({ baseUrl: t.api, getToken: () => t.tokens.citizen });
    await otherTab.dossiers.get(draft.id);
    await otherTab.dossiers.update(draft.id, { formData: { note: 'from the other tab' } });

    const error = await citizen.dossiers
      .update(draft.id, { formData: { note: 'from this tab' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(isConflictError(error) && error.status).toBe(412);
    expect(isConflictError(error) && error.currentEtag).toBe(otherTab.dossiers.etag(draft.id));
    expect(isConflictError(error) && error.resourceId).toBe(draft.id);
    // The client did not adopt the new ETag by itself: a retry is refused too…
    await expect(citizen.dossiers.update(draft.id, { formData: {} })).rejects.toThrow(
      ConflictError,
    );
    // …until the page reloads the dossier, which the person sees before changing it again.
    const latest = await citizen.dossiers.get(draft.id);
    expect(latest.formData).toEqual({ note: 'from the other tab' });
    const merged = await citizen.dossiers.update(draft.id, {
      formData: { ...latest.formData, extra: 'from this tab' },
    });
    expect(merged.formData).toEqual({ note: 'from the other tab', extra: 'from this tab' });
  });

  it('a draft changed in another tab is not deleted unseen', async () => {
    const draft = await citizen.dossiers.create({ procedureCode: '1.013133' });
    const otherTab = createClient({ baseUrl: t.api, getToken: () => t.tokens.citizen });
    await otherTab.dossiers.get(draft.id);
    await otherTab.dossiers.update(draft.id, { formData: { note: 'kept' } });
    const error = await citizen.dossiers.delete(draft.id).catch((e: unknown) => e);
    expect(isConflictError(error) && error.status).toBe(412);
    expect((await otherTab.dossiers.get(draft.id)).formData).toEqual({ note: 'kept' });
    await otherTab.dossiers.delete(draft.id);
  });

  it('an incomplete submit lists every problem by field, in the asked language', async () => {
    const english = createClient({
      baseUrl: t.api,
      getToken: () => t.tokens.citizen,
      locale: 'en',
    });
    const draft = await english.dossiers.create({ procedureCode: '1.013133' });
    const error = await english.dossiers.submit(draft.id).catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(422);
    if (!isApiError(error)) throw error;
    expect(error.fieldErrors.applicant).toMatch(/applicant/i);
    expect(Object.keys(error.fieldErrors).some((path) => path.startsWith('documents.'))).toBe(true);
    expect(error.message).toMatch(/to fix before submitting/);
  });

  it('an action the status machine does not allow is a 409', async () => {
    const [demo] = (await officer.officer.list({ status: 'submitted', limit: 1 })).items;
    const error = await officer.officer
      .act(demo?.id as string, { action: 'return_result' })
      .catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(409);
  });

  it('a file refused before it is sent', async () => {
    const procedure = await citizen.procedures.get('1.013133');
    const requirement = procedure.cases[0]?.documents[0] as RequiredDocument;
    const draft = await citizen.dossiers.create({ procedureCode: '1.013133' });
    const error = await citizen.attachments
      .upload(draft.id, requirement.code, new File(['hello'], 'a.pdf'), { requirement })
      .catch((e: unknown) => e);
    expect(isFileRejectedError(error) && error.reason).toBe('content');
    // Without `requirement` the server refuses it the same way.
    const server = await citizen.attachments
      .upload(draft.id, requirement.code, new File(['hello'], 'a.pdf'))
      .catch((e: unknown) => e);
    expect(isApiError(server) && server.status).toBe(415);
  });

  it('an expired token is refreshed once', async () => {
    let calls = 0;
    const client = createClient({
      baseUrl: t.api,
      getToken: ({ refresh }) => {
        calls += 1;
        return refresh ? t.tokens.citizen : 'expired.token.value';
      },
    });
    const page = await client.dossiers.list({ limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(calls).toBe(2);
  });
});

describe.skipIf(!hasChromium)(
  'in Chromium, unbundled (an import map), against the same server',
  () => {
    it('searches, uploads with XMLHttpRequest progress, loads the schemas only when needed', async () => {
      const { browser, page } = await openClientPage(
        t.server.url,
        `
      import { createClient, isApiError } from '@egov-kit/client';
      window.run = async (token) => {
        const loaded = () => performance.getEntriesByType('resource')
          .map((entry) => new URL(entry.name).pathname)
          .filter((path) => path.includes('/validators/'));
        const before = loaded();
        const client = createClient({ baseUrl: '/api/v1', getToken: () => token, locale: 'en' });
        const found = await client.procedures.search('nghia vu quan su lan dau');
        const procedure = await client.procedures.get(found.items[0].code);
        const requirement = procedure.cases[0].documents.find((d) => d.required);
        const draft = await client.dossiers.create({ procedureCode: procedure.code });
        const bytes = new Uint8Array(4 * 1024 * 1024);
        bytes.set(new TextEncoder().encode('%PDF-1.4'));
        const progress = [];
        const attachment = await client.attachments.upload(draft.id, requirement.code,
          new File([bytes], 'scan.pdf'), { requirement, onProgress: (f, p) => progress.push([f, p.loaded, p.total]) });
        const controller = new AbortController();
        const cancelled = client.attachments.upload(draft.id, requirement.code,
          new File([bytes], 'again.pdf'), { signal: controller.signal, onProgress: () => controller.abort() })
          .then(() => 'uploaded', (error) => error.name);
        const missing = await client.procedures.get('9.999999').catch((e) => isApiError(e) && e.title);
        return { before, after: loaded(), found: found.items[0].code, attachment, progress,
          cancelled: await cancelled, missing, etag: client.dossiers.etag(draft.id) };
      };
      window.ready = true;
      `,
      );
      try {
        await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
        const result = await page.evaluate(
          (token) => (window as unknown as { run: (t: string) => Promise<any> }).run(token),
          t.tokens.citizen,
        );
        expect(result.found).toBe('1.013133');
        expect(result.attachment).toMatchObject({
          fileName: 'scan.pdf',
          mediaType: 'application/pdf',
        });
        // Real progress from XMLHttpRequest: several steps, the last one complete.
        console.info(`Chromium upload: ${result.progress.length} progress events`);
        expect(result.progress.length).toBeGreaterThan(3);
        expect(result.progress.at(-1)[0]).toBe(1);
        expect(result.cancelled).toBe('AbortError');
        expect(result.missing).toBe('Not found');
        expect(result.etag).toMatch(/^"/);
        // The schemas were not in the first load: each resource's came with its first answer.
        expect(result.before).toEqual([]);
        expect(result.after).toEqual(
          expect.arrayContaining([
            '/pkg/client/validators/procedures.js',
            '/pkg/client/validators/dossiers.js',
          ]),
        );
      } finally {
        await browser.close();
      }
    }, 60_000);
  },
);
