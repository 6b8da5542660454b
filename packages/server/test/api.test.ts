import type { Dossier } from '@egov-kit/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KIND } from './support/database.js';
import { type Harness, PDF, PNG, startHarness, upload } from './support/harness.js';
import { act, completeDraft, key, submitted } from './support/journeys.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h?.close());

describe(`API on ${DATABASE_KIND}`, () => {
  describe('system', () => {
    it('answers the health check and serves its OpenAPI document and reference', async () => {
      expect((await h.request('GET', '/api/v1/health')).body).toMatchObject({ status: 'ok' });
      const doc = await h.request('GET', '/api/v1/openapi.json');
      expect(doc.body.openapi).toBe('3.1.0');
      const docs = await h.request('GET', '/api/v1/docs');
      expect(docs.status).toBe(200);
    });

    it('answers unknown API paths with a 404 problem, in the requested language', async () => {
      const vi = await h.request('GET', '/api/v1/nothing-here');
      expect(vi.status).toBe(404);
      expect(vi.headers.get('content-type')).toContain('application/problem+json');
      expect(vi.body).toMatchObject({ status: 404, title: 'Không tìm thấy', code: 'not_found' });
      const en = await h.request('GET', '/api/v1/nothing-here', {
        headers: { 'accept-language': 'en-GB,en;q=0.9' },
      });
      expect(en.body.title).toBe('Not found');
    });

    it('answers a known path with another method with 405 and Allow', async () => {
      const response = await h.request('DELETE', '/api/v1/procedures');
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
    });

    it('refuses a non-JSON body with 415 and a broken one with 400', async () => {
      const wrongType = await h.request('POST', '/api/v1/dossiers', {
        token: h.tokens.citizen,
        headers: { 'content-type': 'text/plain' },
      });
      expect(wrongType.status).toBe(415);
      const app = await h.request('POST', '/api/v1/dossiers', {
        token: h.tokens.citizen,
        headers: { 'content-type': 'application/json' },
      });
      expect(app.status).toBe(400);
    });

    it('refuses a body over the limit with 413', async () => {
      const response = await h.request('POST', '/api/v1/dossiers', {
        token: h.tokens.citizen,
        json: { procedureCode: '1.013133', formData: { big: 'x'.repeat(1_100_000) } },
      });
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('payload_too_large');
    });
  });

  describe('procedures', () => {
    it('lists all 207 procedures page by page with an opaque cursor', async () => {
      const seen = new Set<string>();
      let cursor: string | null = null;
      do {
        const page = await h.request(
          'GET',
          `/api/v1/procedures?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        for (const item of page.body.items) seen.add(item.code);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.size).toBe(207);
    });

    it('searches without diacritics and ranks name matches first', async () => {
      const page = await h.request(
        'GET',
        `/api/v1/procedures?q=${encodeURIComponent('dang ky nghia vu quan su lan dau')}`,
      );
      expect(page.body.items[0].code).toBe('1.013133');
      const accented = await h.request(
        'GET',
        `/api/v1/procedures?q=${encodeURIComponent('Nghĩa vụ quân sự')}&limit=50`,
      );
      expect(accented.body.items.length).toBeGreaterThanOrEqual(6);
      // Name matches first: the seven procedures of the field name it.
      expect(
        accented.body.items
          .slice(0, 6)
          .every((p: { name: string }) => /nghĩa vụ quân sự/i.test(p.name.normalize('NFC'))),
      ).toBe(true);
    });

    it('filters by level, field and online level', async () => {
      const commune = await h.request('GET', '/api/v1/procedures?level=commune&limit=100');
      expect(commune.body.items.length).toBeGreaterThan(50);
      expect(
        commune.body.items.every((p: { levels: string[] }) => p.levels.includes('commune')),
      ).toBe(true);
      const field = await h.request(
        'GET',
        `/api/v1/procedures?field=${encodeURIComponent('Nghĩa vụ quân sự')}`,
      );
      expect(field.body.items).toHaveLength(7);
      const full = await h.request('GET', '/api/v1/procedures?onlineLevel=full&limit=100');
      expect(full.body.items.every((p: { onlineLevel: string }) => p.onlineLevel === 'full')).toBe(
        true,
      );
    });

    it('refuses bad filters and cursors with field errors', async () => {
      const level = await h.request('GET', '/api/v1/procedures?level=district');
      expect(level.status).toBe(400);
      expect(level.body.errors[0]).toMatchObject({ path: 'level' });
      const cursor = await h.request('GET', '/api/v1/procedures?cursor=not-ours');
      expect(cursor.status).toBe(400);
      expect(cursor.body.errors[0].path).toBe('cursor');
    });

    it('gets a procedure and its form, and 404s an unknown one', async () => {
      const procedure = await h.request('GET', '/api/v1/procedures/1.013133');
      expect(procedure.body.name).toContain('nghĩa vụ quân sự');
      const form = await h.request('GET', '/api/v1/procedures/1.013133/form');
      expect(form.body.id).toBe('military-service-first-registration');
      const generic = await h.request('GET', '/api/v1/procedures/1.013124/form');
      expect(generic.body.id).toBe('generic-application');
      expect((await h.request('GET', '/api/v1/procedures/9.999999')).status).toBe(404);
      expect((await h.request('GET', '/api/v1/procedures/1.013133/form?case=case-9')).status).toBe(
        404,
      );
    });
  });

  describe('units and agencies', () => {
    it('lists provinces, communes of a province, and searches names', async () => {
      expect((await h.request('GET', '/api/v1/units')).body.items).toHaveLength(34);
      const communes = await h.request('GET', '/api/v1/units?province=48');
      expect(communes.body.items.length).toBe(94);
      const found = await h.request('GET', '/api/v1/units?q=da%20nang&level=province');
      expect(found.body.items[0].code).toBe('48');
      expect((await h.request('GET', '/api/v1/units/20242')).body.name).toBe('Phường Hải Châu');
      expect((await h.request('GET', '/api/v1/units/99999')).status).toBe(404);
    });

    it('lists agencies, by level', async () => {
      const all = await h.request('GET', '/api/v1/agencies');
      expect(all.body.items.length).toBeGreaterThanOrEqual(5);
      const communes = await h.request('GET', '/api/v1/agencies?level=commune');
      expect(communes.body.items.every((a: { level: string }) => a.level === 'commune')).toBe(true);
    });
  });

  describe('dossiers', () => {
    it('needs a citizen token to create a draft', async () => {
      const anonymous = await h.request('POST', '/api/v1/dossiers', {
        json: { procedureCode: '1.013133' },
      });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      const bad = await h.request('POST', '/api/v1/dossiers', {
        token: 'not-a-jwt',
        json: { procedureCode: '1.013133' },
      });
      expect(bad.status).toBe(401);
      const officer = await h.request('POST', '/api/v1/dossiers', {
        token: h.tokens.officer,
        json: { procedureCode: '1.013133' },
      });
      expect(officer.status).toBe(403);
    });

    it('lists field errors for an invalid draft in Vietnamese and English', async () => {
      const vi = await h.request('POST', '/api/v1/dossiers', {
        token: h.tokens.citizen,
        json: { channel: 'fax' },
      });
      expect(vi.status).toBe(400);
      expect(vi.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'channel',
        'procedureCode',
      ]);
      expect(vi.body.errors.find((e: { path: string }) => e.path === 'procedureCode').message).toBe(
        'Thiếu procedureCode.',
      );
      const en = await h.request('POST', '/api/v1/dossiers', {
        token: h.tokens.citizen,
        json: { channel: 'fax' },
        headers: { 'accept-language': 'en' },
      });
      expect(en.body.errors.find((e: { path: string }) => e.path === 'procedureCode').message).toBe(
        'procedureCode is required.',
      );
    });

    it('creates one draft per Idempotency-Key, and refuses the key for another request', async () => {
      const idempotencyKey = key();
      const request = {
        token: h.tokens.citizen,
        json: { procedureCode: '1.013133' },
        headers: { 'idempotency-key': idempotencyKey },
      };
      const first = await h.request('POST', '/api/v1/dossiers', request);
      const again = await h.request('POST', '/api/v1/dossiers', request);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(first.body.id);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const other = await h.request('POST', '/api/v1/dossiers', {
        ...request,
        json: { procedureCode: '1.013134' },
      });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('idempotency_key_reused');
      const short = await h.request('POST', '/api/v1/dossiers', {
        ...request,
        headers: { 'idempotency-key': 'abc' },
      });
      expect(short.status).toBe(400);
    });

    it("hides a citizen's dossier from other citizens and from officers while a draft", async () => {
      const { dossier } = await completeDraft(h);
      expect(
        (await h.request('GET', `/api/v1/dossiers/${dossier.id}`, { token: h.tokens.citizen }))
          .status,
      ).toBe(200);
      expect(
        (await h.request('GET', `/api/v1/dossiers/${dossier.id}`, { token: h.tokens.citizen2 }))
          .status,
      ).toBe(404);
      expect(
        (await h.request('GET', `/api/v1/dossiers/${dossier.id}`, { token: h.tokens.officer }))
          .status,
      ).toBe(404);
      expect(
        (await h.request('GET', `/api/v1/dossiers/${dossier.id}`, { token: h.tokens.admin }))
          .status,
      ).toBe(200);
      expect(
        (await h.request('GET', '/api/v1/dossiers/not-a-uuid', { token: h.tokens.citizen })).status,
      ).toBe(400);
    });

    it('updates a draft only with the current ETag: 428 without, 412 when stale', async () => {
      const created = await h.request('POST', '/api/v1/dossiers', {
        token: h.tokens.citizen,
        json: { procedureCode: '1.013133' },
      });
      const etag = created.headers.get('etag') as string;
      const path = `/api/v1/dossiers/${created.body.id}`;
      const missing = await h.request('PATCH', path, {
        token: h.tokens.citizen,
        json: { formData: { a: 1 } },
      });
      expect(missing.status).toBe(428);
      const first = await h.request('PATCH', path, {
        token: h.tokens.citizen,
        json: { formData: { fullName: 'Tab 1' } },
        headers: { 'if-match': etag },
      });
      expect(first.status).toBe(200);
      const stale = await h.request('PATCH', path, {
        token: h.tokens.citizen,
        json: { formData: { fullName: 'Tab 2' } },
        headers: { 'if-match': etag },
      });
      expect(stale.status).toBe(412);
      expect(stale.headers.get('etag')).toBe(first.headers.get('etag'));
      const now = await h.request('GET', path, { token: h.tokens.citizen });
      expect(now.body.formData.fullName).toBe('Tab 1');
    });

    it('refuses to submit an incomplete dossier, listing every problem', async () => {
      const created = await h.request('POST', '/api/v1/dossiers', {
        token: h.tokens.citizen,
        json: { procedureCode: '1.013133' },
      });
      const response = await h.request('POST', `/api/v1/dossiers/${created.body.id}/submit`, {
        token: h.tokens.citizen,
        headers: { 'if-match': created.headers.get('etag') as string, 'accept-language': 'en' },
      });
      expect(response.status).toBe(422);
      const paths = response.body.errors.map((e: { path: string }) => e.path);
      expect(paths).toContain('applicant');
      expect(paths).toContain('documents.doc-1');
      expect(paths.some((p: string) => p.startsWith('formData.'))).toBe(true);
      expect(
        (await h.request('GET', `/api/v1/dossiers/${created.body.id}`, { token: h.tokens.citizen }))
          .body.status,
      ).toBe('draft');
    });

    it('submits a complete dossier once, with a receipt code, verifier-protected, routed to the commune', async () => {
      const { dossier, etag } = await completeDraft(h);
      const headers = { 'if-match': etag, 'idempotency-key': key() };
      const first = await h.request('POST', `/api/v1/dossiers/${dossier.id}/submit`, {
        token: h.tokens.citizen,
        headers,
      });
      const retry = await h.request('POST', `/api/v1/dossiers/${dossier.id}/submit`, {
        token: h.tokens.citizen,
        headers,
      });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        status: 'submitted',
        nationalStatusCode: 1,
        agencyCode: 'UBND-20242',
      });
      expect(first.body.code).toMatch(/^HS-\d{6}-\d{6}$/);
      expect(retry.body).toEqual(first.body);
      expect(first.body.verifier).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
      expect(first.headers.get('etag')).toEqual(expect.any(String));
      const events = await h.request('GET', `/api/v1/dossiers/${dossier.id}/events`, {
        token: h.tokens.citizen,
      });
      expect(events.body.items.map((e: { action: string }) => e.action)).toEqual([
        'create',
        'submit',
      ]);
      const again = await h.request('POST', `/api/v1/dossiers/${dossier.id}/submit`, {
        token: h.tokens.citizen,
        headers: { 'if-match': first.headers.get('etag') as string },
      });
      expect(again.status).toBe(409);
    });

    it("lists the citizen's own dossiers newest first, page by page", async () => {
      const mine = await h.request('GET', '/api/v1/dossiers?limit=2', { token: h.tokens.citizen });
      expect(mine.body.items).toHaveLength(2);
      expect(mine.body.nextCursor).toEqual(expect.any(String));
      const next = await h.request(
        'GET',
        `/api/v1/dossiers?limit=2&cursor=${mine.body.nextCursor}`,
        { token: h.tokens.citizen },
      );
      expect(next.body.items[0].id).not.toBe(mine.body.items[1].id);
      const other = await h.request('GET', '/api/v1/dossiers', { token: h.tokens.citizen2 });
      expect(other.body.items).toHaveLength(0);
    });

    it('lets the citizen withdraw a submitted dossier, with a reason', async () => {
      const dossier = await submitted(h);
      const noReason = await h.request('POST', `/api/v1/dossiers/${dossier.id}/withdraw`, {
        token: h.tokens.citizen,
        json: { reason: '' },
      });
      expect(noReason.status).toBe(400);
      const done = await h.request('POST', `/api/v1/dossiers/${dossier.id}/withdraw`, {
        token: h.tokens.citizen,
        json: { reason: 'Nộp nhầm thủ tục' },
      });
      expect(done.body).toMatchObject({ status: 'withdrawn', nationalStatusCode: 7 });
      const twice = await h.request('POST', `/api/v1/dossiers/${dossier.id}/withdraw`, {
        token: h.tokens.citizen,
        json: { reason: 'x' },
      });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('terminal');
    });
  });

  describe('attachments', () => {
    let draft: Dossier;
    beforeAll(async () => {
      draft = (
        await h.request('POST', '/api/v1/dossiers', {
          token: h.tokens.citizen,
          json: { procedureCode: '1.013133' },
        })
      ).body;
    });
    const path = () => `/api/v1/dossiers/${draft.id}/attachments`;

    it('accepts a PDF and a PNG by their content, and serves them back to the owner', async () => {
      const pdf = await h.request('POST', path(), {
        token: h.tokens.citizen,
        form: upload('doc-1', PDF),
      });
      expect(pdf.status).toBe(201);
      expect(pdf.body).toMatchObject({
        mediaType: 'application/pdf',
        sizeBytes: PDF.byteLength,
        fileName: 'giay-to.pdf',
      });
      const png = await h.request('POST', path(), {
        token: h.tokens.citizen,
        form: upload('doc-1', PNG, 'anh.png'),
      });
      expect(png.body.mediaType).toBe('image/png');
      const download = await h.request('GET', `/api/v1/attachments/${pdf.body.id}`, {
        token: h.tokens.citizen,
      });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''giay-to.pdf");
      expect(
        (await h.request('GET', `/api/v1/attachments/${pdf.body.id}`, { token: h.tokens.citizen2 }))
          .status,
      ).toBe(404);
      expect((await h.request('GET', `/api/v1/attachments/${pdf.body.id}`)).status).toBe(404);
    });

    it('refuses a file whose content is not what its name says, with 415', async () => {
      const fake = await h.request('POST', path(), {
        token: h.tokens.citizen,
        form: upload('doc-1', new TextEncoder().encode('<script>alert(1)</script>'), 'hop-le.pdf'),
      });
      expect(fake.status).toBe(415);
      expect(fake.body.detail).toContain('hop-le.pdf');
    });

    it('refuses a file over the document’s limit with 413, an empty one and an unknown requirement with 400', async () => {
      const big = new Uint8Array(10 * 1024 * 1024 + 1);
      big.set(PDF);
      expect(
        (await h.request('POST', path(), { token: h.tokens.citizen, form: upload('doc-1', big) }))
          .status,
      ).toBe(413);
      expect(
        (
          await h.request('POST', path(), {
            token: h.tokens.citizen,
            form: upload('doc-1', new Uint8Array()),
          })
        ).status,
      ).toBe(400);
      const unknown = await h.request('POST', path(), {
        token: h.tokens.citizen,
        form: upload('doc-99'),
      });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors[0].path).toBe('requirementCode');
      const noFile = new FormData();
      noFile.set('requirementCode', 'doc-1');
      expect(
        (await h.request('POST', path(), { token: h.tokens.citizen, form: noFile })).status,
      ).toBe(400);
    });
  });

  describe('the whole journey: supplement, payment, result, return, survey, lookup', () => {
    let dossier: Dossier;
    beforeAll(async () => {
      dossier = await submitted(h);
    });

    it('is received with a due date from the working-day calendar and a receipt notice', async () => {
      const received = await act(h, dossier.id, { action: 'receive' });
      expect(received).toMatchObject({ status: 'received', nationalStatusCode: 2, overdue: false });
      expect(received.dueAt).toEqual(expect.any(String));
      expect(Date.parse(received.dueAt as string)).toBeGreaterThan(
        Date.parse(received.receivedAt as string),
      );
      const started = await act(h, dossier.id, { action: 'start_processing' });
      expect(started.status).toBe('in_progress');
    });

    it('answers 409 for an action the machine does not allow, 403 for a citizen, 404 for another agency', async () => {
      const illegal = await h.request('POST', `/api/v1/officer/dossiers/${dossier.id}/actions`, {
        token: h.tokens.officer,
        json: { action: 'return_result' },
      });
      expect(illegal.status).toBe(409);
      expect(illegal.body.code).toBe('wrong_status');
      const citizen = await h.request('POST', `/api/v1/officer/dossiers/${dossier.id}/actions`, {
        token: h.tokens.citizen,
        json: { action: 'resolve' },
      });
      expect(citizen.status).toBe(403);
      const other = await h.request('POST', `/api/v1/officer/dossiers/${dossier.id}/actions`, {
        token: h.tokens.otherOfficer,
        json: { action: 'stop', note: 'x' },
      });
      expect(other.status).toBe(404);
    });

    it('asks for a supplement, stopping the clock; the citizen supplies it and the due date moves', async () => {
      const noList = await h.request('POST', `/api/v1/officer/dossiers/${dossier.id}/actions`, {
        token: h.tokens.officer,
        json: { action: 'request_supplement', note: 'Thiếu giấy tờ' },
      });
      expect(noList.status).toBe(400);
      const asked = await act(h, dossier.id, {
        action: 'request_supplement',
        note: 'Bổ sung bản sao căn cước còn rõ nét.',
        requestedDocuments: ['doc-2'],
      });
      expect(asked).toMatchObject({ status: 'awaiting_supplement', nationalStatusCode: 5 });
      expect(asked.pausedSince).toEqual(expect.any(String));
      const file = await h.request('POST', `/api/v1/dossiers/${dossier.id}/attachments`, {
        token: h.tokens.citizen,
        form: upload('doc-2'),
      });
      expect(file.status).toBe(201);
      const supplied = await h.request('POST', `/api/v1/dossiers/${dossier.id}/supplement`, {
        token: h.tokens.citizen,
        json: {
          note: 'Đã bổ sung',
          documents: [{ requirementCode: 'doc-2', attachmentIds: [file.body.id] }],
        },
        headers: { 'idempotency-key': key() },
      });
      expect(supplied.status).toBe(200);
      expect(supplied.body.status).toBe('in_progress');
      expect(supplied.body.pausedSince).toBeUndefined();
      expect(Date.parse(supplied.body.dueAt)).toBeGreaterThanOrEqual(
        Date.parse(asked.dueAt as string),
      );
      expect(
        supplied.body.documents.find(
          (d: { requirementCode: string }) => d.requirementCode === 'doc-2',
        ).attachmentIds,
      ).toContain(file.body.id);
    });

    it('asks for payment; the citizen starts paying; confirming it moves the dossier on', async () => {
      const asked = await act(h, dossier.id, {
        action: 'request_payment',
        fees: [{ kind: 'charge', amount: 50000, note: 'Lệ phí' }],
      });
      expect(asked.status).toBe('awaiting_payment');
      const payment = await h.request('POST', `/api/v1/dossiers/${dossier.id}/payments`, {
        token: h.tokens.citizen,
        json: { provider: 'cash' },
        headers: { 'idempotency-key': key() },
      });
      expect(payment.status).toBe(201);
      expect(payment.body).toMatchObject({ total: 50000, status: 'pending', provider: 'cash' });
      const confirmed = await act(h, dossier.id, { action: 'confirm_payment' });
      expect(confirmed.status).toBe('in_progress');
      const payments = await h.request('GET', `/api/v1/dossiers/${dossier.id}/payments`, {
        token: h.tokens.citizen,
      });
      expect(payments.body.items[0]).toMatchObject({
        status: 'paid',
        receiptNumber: expect.stringMatching(/^BL\d{4}-\d{6}$/),
      });
    });

    it('transfers, apologises with a new date, resolves with a signed result and returns it', async () => {
      const transferred = await act(h, dossier.id, { action: 'transfer', step: 'Thẩm định' });
      expect(transferred.step).toBe('Thẩm định');
      const earlier = await h.request('POST', `/api/v1/officer/dossiers/${dossier.id}/actions`, {
        token: h.tokens.officer,
        json: { action: 'apologise', note: 'Cần xác minh', newDueAt: '2020-01-01T00:00:00+07:00' },
      });
      expect(earlier.status).toBe(400);
      const newDueAt = new Date(
        Date.parse(transferred.dueAt as string) + 3 * 86_400_000,
      ).toISOString();
      const apologised = await act(h, dossier.id, {
        action: 'apologise',
        note: 'Cần xác minh thêm thông tin',
        newDueAt,
      });
      expect(apologised.dueAt).toBe(newDueAt);
      const result = await h.request('POST', `/api/v1/dossiers/${dossier.id}/attachments`, {
        token: h.tokens.officer,
        form: upload('result', PDF, 'ket-qua.pdf'),
      });
      expect(result.status).toBe(201);
      const resolved = await act(h, dossier.id, {
        action: 'resolve',
        outcome: { decision: 'approved', resultAttachmentIds: [result.body.id] },
      });
      expect(resolved).toMatchObject({ status: 'resolved', nationalStatusCode: 9 });
      const returned = await act(h, dossier.id, { action: 'return_result' });
      expect(returned).toMatchObject({ status: 'returned', nationalStatusCode: 10 });
    });

    it('opens the survey after return; a second answer replaces the first', async () => {
      const survey = await h.request('GET', `/api/v1/dossiers/${dossier.id}/survey`, {
        token: h.tokens.citizen,
      });
      expect(survey.body.criteria).toHaveLength(10);
      const answers = survey.body.criteria.map((c: { code: string }) => ({
        criterion: c.code,
        score: 5,
      }));
      const body = {
        dossierId: dossier.id,
        surveyId: survey.body.id,
        answers,
        comment: 'Nhanh, rõ ràng',
      };
      const first = await h.request('POST', `/api/v1/dossiers/${dossier.id}/survey`, {
        token: h.tokens.citizen,
        json: body,
      });
      expect(first.status).toBe(201);
      const second = await h.request('POST', `/api/v1/dossiers/${dossier.id}/survey`, {
        token: h.tokens.citizen,
        json: body,
      });
      expect(second.status).toBe(200);
    });

    it('shows the public lookup without personal data, and serves the result to the receipt holder', async () => {
      const mine = (
        await h.request('GET', `/api/v1/dossiers/${dossier.id}`, { token: h.tokens.citizen })
      ).body as Dossier;
      const [row] = await h.db.query<{ verifier: string }>(
        'select verifier from dossiers where id = $1',
        [dossier.id],
      );
      const query = `code=${mine.code}&verifier=${row?.verifier.toLowerCase()}`;
      const found = await h.request('GET', `/api/v1/lookup?${query}`, {
        headers: { 'x-forwarded-for': '198.51.100.1' },
      });
      expect(found.status).toBe(200);
      expect(found.body.dossier).toMatchObject({ code: mine.code, status: 'returned' });
      const text = JSON.stringify(found.body);
      expect(text).not.toContain('Nguyễn Văn An');
      expect(text).not.toContain('048099012345');
      expect(text).not.toContain('officer-demo');
      expect(found.body.resultAttachmentIds).toHaveLength(1);
      const file = await h.request(
        'GET',
        `/api/v1/attachments/${found.body.resultAttachmentIds[0]}?${query}`,
      );
      expect(file.status).toBe(200);
      const wrong = await h.request('GET', `/api/v1/lookup?code=${mine.code}&verifier=WRONG234`, {
        headers: { 'x-forwarded-for': '198.51.100.1' },
      });
      expect(wrong.status).toBe(404);
      expect(wrong.body.code).toBe('no_match');
      const unknown = await h.request(
        'GET',
        '/api/v1/lookup?code=HS-000000-000000&verifier=WRONG234',
        { headers: { 'x-forwarded-for': '198.51.100.1' } },
      );
      // Which of the two was wrong is not said: codes are sequential, so it would tell which exist.
      expect(unknown.body).toEqual(wrong.body);
    });

    it('rate-limits lookups per client with 429 and Retry-After', async () => {
      let last = 0;
      let retryAfter: string | null = null;
      for (let i = 0; i < 12; i++) {
        const response = await h.request('GET', '/api/v1/lookup?code=HS-1&verifier=ABCD2345', {
          headers: { 'x-forwarded-for': '203.0.113.9' },
        });
        last = response.status;
        retryAfter = response.headers.get('retry-after');
      }
      expect(last).toBe(429);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      const otherClient = await h.request('GET', '/api/v1/lookup?code=HS-1&verifier=ABCD2345', {
        headers: { 'x-forwarded-for': '203.0.113.10' },
      });
      expect(otherClient.status).toBe(404);
    });

    it("puts the dossier in the officer's inbox and counts it in the statistics", async () => {
      const inbox = await h.request('GET', '/api/v1/officer/dossiers?limit=100', {
        token: h.tokens.officer,
      });
      expect(inbox.body.items.some((d: Dossier) => d.id === dossier.id)).toBe(true);
      expect(
        inbox.body.items.every(
          (d: Dossier) => d.agencyCode === 'UBND-20242' && d.status !== 'draft',
        ),
      ).toBe(true);
      const other = await h.request('GET', '/api/v1/officer/dossiers', {
        token: h.tokens.otherOfficer,
      });
      expect(other.body.items).toHaveLength(0);
      const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      const stats = await h.request(
        'GET',
        `/api/v1/statistics/on-time?from=${today}&to=${today}&groupBy=agency`,
      );
      expect(stats.status).toBe(200);
      const row = stats.body.rows.find((r: { key: string }) => r.key === 'UBND-20242');
      expect(row.received).toBeGreaterThanOrEqual(1);
      expect(row.resolvedOnTime).toBeGreaterThanOrEqual(1);
      expect(stats.body.total.onTimeRate).toBe(1);
    });
  });
});
