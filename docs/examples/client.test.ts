/**
 * The examples of docs/client/guide.md, run as tests against the built package (`pnpm build`
 * first), exactly as an agency developer would import it, and against the real reference
 * server (PGlite, a loopback port). If a guide example stops working, this fails.
 */

import {
  createClient,
  FileRejectedError,
  isApiError,
  isConflictError,
  isFileRejectedError,
  newIdempotencyKey,
} from '@egov-kit/client';
import type { Procedure, RequiredDocument } from '@egov-kit/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APPLICANT,
  PDF,
  startTestServer,
  type TestServer,
  validAnswers,
} from '../../packages/client/test/support/server.js';

let t: TestServer;
let baseUrl: string;
let citizenToken: string;

beforeAll(async () => {
  t = await startTestServer();
  baseUrl = t.api;
  citizenToken = t.tokens.citizen;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** The guide's `auth`: a token kept fresh elsewhere. */
const auth = {
  token: () => citizenToken,
  refresh: () => citizenToken,
};

describe('docs/client/guide.md', () => {
  it('1. creates a client', async () => {
    const client = createClient({
      baseUrl,
      getToken: ({ refresh }) => (refresh ? auth.refresh() : auth.token()),
      locale: 'vi',
    });
    expect((await client.dossiers.list()).items.length).toBeGreaterThan(0);
    expect(() => createClient({ baseUrl: 'dichvucong' })).toThrow(TypeError);
  });

  it('2. finds procedures', async () => {
    const client = createClient({ baseUrl });
    const page = await client.procedures.search('nghia vu quan su lan dau');
    expect(page.items[0]).toMatchObject({
      code: '1.013133',
      name: 'Thủ tục đăng ký nghĩa vụ quân sự lần đầu',
    });
    const procedure = await client.procedures.get('1.013133');
    expect(procedure.cases[0]?.documents.length).toBeGreaterThan(0);
    const form = await client.procedures.getForm('1.013133');
    expect(form.sections.length).toBeGreaterThan(0);
    let count = 0;
    for await (const summary of client.procedures.all({ field: 'Nghĩa vụ quân sự' })) {
      expect(summary.field).toBe('Nghĩa vụ quân sự');
      count += 1;
    }
    expect(count).toBeGreaterThan(0);
    expect((await client.units.list()).items).toHaveLength(34);
    expect((await client.agencies.list()).items.length).toBeGreaterThan(0);
    const stats = await client.statistics.onTime({ from: '2025-01-01', to: '2027-12-31' });
    expect(stats.rows).toEqual(expect.any(Array));
  });

  it('3. files a dossier, and shows what is missing', async () => {
    const client = createClient({ baseUrl, getToken: () => citizenToken, locale: 'en' });
    const procedure: Procedure = await client.procedures.get('1.013133');
    const form = await client.procedures.getForm('1.013133');

    const incomplete = await client.dossiers.create({ procedureCode: '1.013133' });
    try {
      await client.dossiers.submit(incomplete.id);
      expect.unreachable();
    } catch (error) {
      expect(isApiError(error) && error.status).toBe(422);
      if (!isApiError(error)) throw error;
      expect(error.fieldErrors.applicant).toBe('Complete the applicant’s details.');
    }

    const draft = await client.dossiers.create({ procedureCode: '1.013133', applicant: APPLICANT });
    const requirement = procedure.cases[0]?.documents[0] as RequiredDocument;
    const file = new File([PDF], 'to-khai.pdf', { type: 'application/pdf' });
    const progress: number[] = [];
    const signal = new AbortController().signal;
    const attachment = await client.attachments.upload(draft.id, requirement.code, file, {
      requirement,
      onProgress: (fraction) => progress.push(fraction),
      signal,
    });
    expect(progress.at(-1)).toBe(1);
    const answers = validAnswers(form, { [requirement.code]: [attachment.id] });
    await client.dossiers.update(draft.id, {
      formData: answers,
      documents: [{ requirementCode: requirement.code, attachmentIds: [attachment.id] }],
    });
    const submitted = await client.dossiers.submit(draft.id);
    expect(submitted.code).toMatch(/^HS-\d{6}-\d{6}$/);

    const refused = await client.attachments
      .upload(draft.id, requirement.code, new File(['not a pdf'], 'x.pdf'), { requirement })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FileRejectedError);
    expect(isFileRejectedError(refused) && refused.reason).toBe('content');

    // The element's uploader, as it is.
    const uploader = (
      chosen: File,
      options: { onProgress: (f: number) => void; signal: AbortSignal },
    ) => client.attachments.upload(draft.id, 'doc-1', chosen, options);
    expect(uploader).toBeTypeOf('function');
  });

  it('4. repeats a submit with the same key: done once', async () => {
    const client = createClient({ baseUrl, getToken: () => citizenToken });
    const { id } = await fileCompleteDraft(client);
    const storage = new Map<string, string>(); // sessionStorage in a page
    const key = storage.get('submit-key') ?? newIdempotencyKey();
    storage.set('submit-key', key);
    const first = await client.dossiers.submit(id, { idempotencyKey: key });
    // The page reloaded and runs the same submit again: the first result comes back.
    const again = await client.dossiers.submit(id, { idempotencyKey: key, ifMatch: '"stale"' });
    expect(again.code).toBe(first.code);
    const [row] = await t.server.db.query<{ n: number }>(
      "select count(*)::int as n from dossier_events where dossier_id = $1 and action = 'submit'",
      [id],
    );
    expect(row?.n).toBe(1);
  });

  it('5. two tabs: the second change is refused, then merged', async () => {
    const client = createClient({ baseUrl, getToken: () => citizenToken });
    const otherTab = createClient({ baseUrl, getToken: () => citizenToken });
    const draft = await client.dossiers.create({ procedureCode: '1.013133' });
    await otherTab.dossiers.get(draft.id);
    await otherTab.dossiers.update(draft.id, { formData: { fullName: 'Nguyễn Văn An' } });

    const mine = { phone: '0905123456' };
    const merge = (theirs: Record<string, unknown>, ours: Record<string, unknown>) => ({
      ...theirs,
      ...ours,
    });
    try {
      await client.dossiers.update(draft.id, { formData: mine });
      expect.unreachable();
    } catch (error) {
      expect(isConflictError(error)).toBe(true);
      if (!isConflictError(error)) throw error;
      expect(error.currentEtag).toBe(otherTab.dossiers.etag(draft.id));
      const latest = await client.dossiers.get(draft.id);
      const merged = await client.dossiers.update(draft.id, {
        formData: merge(latest.formData, mine),
      });
      expect(merged.formData).toEqual({ fullName: 'Nguyễn Văn An', phone: '0905123456' });
    }
  });

  it('6. errors carry messages in the asked language', async () => {
    const vi = createClient({ baseUrl, locale: 'vi' });
    const error = await vi.procedures.get('9.999999').catch((e: unknown) => e);
    expect(isApiError(error) && error.title).toBe('Không tìm thấy');
    const offline = createClient({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      retry: false,
      locale: 'en',
    });
    const network = await offline.procedures.get('1.013133').catch((e: unknown) => e);
    expect((network as Error).name).toBe('NetworkError');
    expect((network as Error).message).toMatch(/Could not reach the server/);
  });

  it('7. the officer’s desk', async () => {
    const citizen = createClient({ baseUrl, getToken: () => citizenToken });
    const { id } = await fileCompleteDraft(citizen);
    await citizen.dossiers.submit(id);
    const officerToken = t.tokens.officer;
    const officer = createClient({ baseUrl, getToken: () => officerToken });
    const inbox = await officer.officer.list({ status: 'submitted' });
    expect(inbox.items.some((dossier) => dossier.id === id)).toBe(true);
    const received = await officer.officer.act(id, { action: 'receive' });
    expect(received.dueAt).toEqual(expect.any(String));
    await officer.officer.act(id, { action: 'start_processing' });
    const asked = await officer.officer.act(id, {
      action: 'request_supplement',
      requestedDocuments: ['doc-1'],
      note: 'Bản chụp bị mờ, đề nghị nộp lại.',
    });
    expect(asked.status).toBe('awaiting_supplement');
    const refused = await officer.officer
      .act(id, { action: 'return_result' })
      .catch((e: unknown) => e);
    expect(isApiError(refused) && refused.status).toBe(409);
  });

  it('8. anyone with the receipt', async () => {
    const anyone = createClient({ baseUrl });
    const found = await anyone.dossiers.lookup({ code: 'HS-DEMO-000005', verifier: 'DEMO2345' });
    expect(found.dossier.status).toBe('returned');
    expect(found.dossier).not.toHaveProperty('applicant');
    if (found.resultAttachmentIds[0]) {
      const result = await anyone.attachments.download(found.resultAttachmentIds[0], {
        receipt: { code: 'HS-DEMO-000005', verifier: 'DEMO2345' },
      });
      expect(result).toBeInstanceOf(File);
      expect(result.size).toBeGreaterThan(0);
    }
  });

  it('10. tests inject fetch', async () => {
    const fixtureProcedure = await createClient({ baseUrl }).procedures.get('1.013133');
    const client = createClient({
      baseUrl: 'https://api.test/api/v1',
      fetch: async () => Response.json(fixtureProcedure),
    });
    expect((await client.procedures.get('1.013133')).code).toBe('1.013133');
  });
});

/** A complete draft of the citizen, ready to submit. */
async function fileCompleteDraft(client: ReturnType<typeof createClient>) {
  const procedure = await client.procedures.get('1.013133');
  const form = await client.procedures.getForm('1.013133');
  const draft = await client.dossiers.create({ procedureCode: '1.013133', applicant: APPLICANT });
  const requirement = procedure.cases[0]?.documents.find((d) => d.required) as RequiredDocument;
  const attachment = await client.attachments.upload(
    draft.id,
    requirement.code,
    new File([PDF], 'to-khai.pdf'),
  );
  return client.dossiers.update(draft.id, {
    formData: validAnswers(form, { [requirement.code]: [attachment.id], '*': [attachment.id] }),
    documents: [{ requirementCode: requirement.code, attachmentIds: [attachment.id] }],
  });
}
