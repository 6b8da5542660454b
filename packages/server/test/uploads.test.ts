import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, DiskFileStore } from '../src/index.js';
import type { DomainError } from '../src/services/domain-error.js';
import { DATABASE_KIND } from './support/database.js';
import { type Harness, PDF, startHarness, upload } from './support/harness.js';
import { act, completeDraft, key, submitted } from './support/journeys.js';

const MB = 1024 * 1024;
const LIMITS = {
  filesPerDossier: 4,
  bytesPerDossier: 40_000,
  draftsPerCitizen: 3,
  bytesPerCitizen: 80_000,
};

/** A PDF of `size` bytes whose content differs with `seed`. */
function pdf(size: number, seed = randomBytes(8)): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(PDF.subarray(0, Math.min(PDF.byteLength, size)));
  bytes.set(seed, Math.max(PDF.byteLength, size - seed.byteLength));
  return bytes;
}

/**
 * A multipart body as a stream that counts how much of it the server pulled: `fileBytes` of a
 * PDF after the `requirementCode` field, made on demand (never held whole).
 */
function streamedUpload(requirementCode: string, fileBytes: number) {
  const boundary = `----egov${randomBytes(8).toString('hex')}`;
  const encoder = new TextEncoder();
  const start = encoder.encode(
    `--${boundary}\r\ncontent-disposition: form-data; name="requirementCode"\r\n\r\n${requirementCode}\r\n` +
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.pdf"\r\ncontent-type: application/pdf\r\n\r\n`,
  );
  const end = encoder.encode(`\r\n--${boundary}--\r\n`);
  const chunk = new Uint8Array(256 * 1024).fill(0x20);
  const state = { pulled: 0 };
  let sent = 0;
  let phase = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      let next: Uint8Array;
      if (phase === 0) {
        next = new Uint8Array([...start, ...PDF]);
        sent = PDF.byteLength;
        phase = 1;
      } else if (phase === 1) {
        next = chunk.subarray(0, Math.min(chunk.byteLength, fileBytes - sent));
        sent += next.byteLength;
        if (sent >= fileBytes) phase = 2;
      } else if (phase === 2) {
        next = end;
        phase = 3;
      } else {
        controller.close();
        return;
      }
      state.pulled += next.byteLength;
      controller.enqueue(next);
    },
  });
  return { body, state, contentType: `multipart/form-data; boundary=${boundary}` };
}

let h: Harness;
/** The same app with small limits, for the quota tests. */
let small: Harness;
let filesDir: string;
beforeAll(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'egov-uploads-'));
  [h, small] = await Promise.all([
    startHarness({ app: { files: new DiskFileStore(filesDir) } }),
    startHarness({ app: { limits: LIMITS } }),
  ]);
}, 180_000);
afterAll(async () => {
  await Promise.all([h?.close(), small?.close()]);
  rmSync(filesDir, { recursive: true, force: true });
});

async function draft(token = h.tokens.citizen, on = h): Promise<string> {
  const created = await on.request('POST', '/api/v1/dossiers', {
    token,
    json: { procedureCode: '1.013133' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

const send = (
  id: string,
  form: FormData,
  options: { token?: string; idempotencyKey?: string; lang?: string; on?: Harness } = {},
) =>
  (options.on ?? h).request('POST', `/api/v1/dossiers/${id}/attachments`, {
    token: options.token ?? h.tokens.citizen,
    form,
    headers: {
      ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}),
      ...(options.lang ? { 'accept-language': options.lang } : {}),
    },
  });

describe(`uploads stream to storage (${DATABASE_KIND})`, { timeout: 60_000 }, () => {
  it('stops reading an upload over the document limit as soon as it passes it', async () => {
    const id = await draft();
    const { body, state, contentType } = streamedUpload('doc-1', 60 * MB);
    const response = await h.fetch(`/api/v1/dossiers/${id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.citizen}`, 'content-type': contentType },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    const problem = await response.json();
    expect(problem.detail).toContain('10 MB');
    // doc-1 accepts 10 MB: the server read little past that, not the 60 MB sent.
    expect(state.pulled).toBeLessThan(12 * MB);
    expect(readdirSync(join(filesDir, 'tmp'))).toEqual([]);
  });

  it('refuses a body whose Content-Length is over the limit before reading it', async () => {
    const id = await draft();
    const { body, state, contentType } = streamedUpload('doc-1', 40 * MB);
    const response = await h.fetch(`/api/v1/dossiers/${id}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${h.tokens.citizen}`,
        'content-type': contentType,
        'content-length': String(40 * MB),
      },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(state.pulled).toBeLessThan(1 * MB);
  });

  it("refuses an upload to someone else's dossier before reading it, as not found", async () => {
    const id = await draft(h.tokens.citizen2);
    const { body, state, contentType } = streamedUpload('doc-1', 5 * MB);
    const response = await h.fetch(`/api/v1/dossiers/${id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.citizen}`, 'content-type': contentType },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(404);
    expect(state.pulled).toBeLessThan(1 * MB);
  });

  it('refuses an upload without its file or its requirementCode, and keeps nothing', async () => {
    const id = await draft();
    const noFile = new FormData();
    noFile.set('requirementCode', 'doc-1');
    const missingFile = await send(id, noFile);
    expect(missingFile.status).toBe(400);
    expect(missingFile.body.errors).toContainEqual(expect.objectContaining({ path: 'file' }));
    const noCode = new FormData();
    noCode.set('file', new Blob([PDF as Uint8Array<ArrayBuffer>]), 'a.pdf');
    const missingCode = await send(id, noCode);
    expect(missingCode.status).toBe(400);
    expect(missingCode.body.errors).toContainEqual(
      expect.objectContaining({ path: 'requirementCode' }),
    );
    expect(readdirSync(join(filesDir, 'tmp'))).toEqual([]);
  });

  it('drops what an aborted upload sent, and answers', async () => {
    const id = await draft();
    const { body, contentType } = streamedUpload('doc-1', 5 * MB);
    const reader = body.getReader();
    let sent = 0;
    // The client goes away after 1 MB: its body stream fails.
    const aborted = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent > MB) {
          controller.error(new Error('connection reset'));
          return;
        }
        const { value, done } = await reader.read();
        if (done) controller.close();
        else {
          sent += value.byteLength;
          controller.enqueue(value);
        }
      },
    });
    const response = await h.fetch(`/api/v1/dossiers/${id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.tokens.citizen}`, 'content-type': contentType },
      body: aborted,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(400);
    // The partial file is removed (and its handle closed), not left waiting for more bytes.
    for (let i = 0; i < 50 && readdirSync(join(filesDir, 'tmp')).length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(readdirSync(join(filesDir, 'tmp'))).toEqual([]);
  });

  it('stores 20 simultaneous uploads of the same file to 20 dossiers without an error', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.token({ id: `citizen-same-${i}`, role: 'citizen' })),
    );
    const ids = await Promise.all(tokens.map((token) => draft(token)));
    const bytes = pdf(50_000);
    const answers = await Promise.all(
      ids.map((id, i) => send(id, upload('doc-1', bytes), { token: tokens[i] })),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(new Set(answers.map((a) => a.body.sha256)).size).toBe(1);
    expect(readdirSync(join(filesDir, 'tmp'))).toEqual([]);
  });

  it('replays an upload only for the same content under one Idempotency-Key', async () => {
    const id = await draft();
    const idempotencyKey = key();
    const first = await send(id, upload('doc-1', pdf(1000), 'a.pdf'), { idempotencyKey });
    expect(first.status).toBe(201);
    const again = await send(id, upload('doc-1', pdf(1000), 'a.pdf'), { idempotencyKey });
    // Same key, same name, same size, other bytes: another request, not a retry.
    expect(again.status).toBe(422);
    expect(again.body.type).toContain('idempotency');
  });

  it('replays the same upload sent again with its key', async () => {
    const id = await draft();
    const idempotencyKey = key();
    const bytes = pdf(1000);
    const first = await send(id, upload('doc-1', bytes), { idempotencyKey });
    const retry = await send(id, upload('doc-1', bytes), { idempotencyKey });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
  });
});

describe(`limits per dossier and quotas per citizen (${DATABASE_KIND})`, {
  timeout: 60_000,
}, () => {
  it('refuses a file beyond the files allowed in one dossier, in Vietnamese and English', async () => {
    const token = await small.token({ id: 'citizen-files', role: 'citizen' });
    const id = await draft(token, small);
    for (let i = 0; i < LIMITS.filesPerDossier; i++) {
      expect((await send(id, upload('doc-1', pdf(100)), { token, on: small })).status).toBe(201);
    }
    const vi = await send(id, upload('doc-1', pdf(100)), { token, lang: 'vi', on: small });
    expect(vi.status).toBe(409);
    expect(vi.headers.get('content-type')).toContain('application/problem+json');
    expect(vi.body.detail).toContain('tối đa 4 tệp');
    const en = await send(id, upload('doc-1', pdf(100)), { token, lang: 'en', on: small });
    expect(en.body.detail).toContain('at most 4');
  });

  it('refuses a file that would take the dossier over its bytes', async () => {
    const token = await small.token({ id: 'citizen-bytes', role: 'citizen' });
    const id = await draft(token, small);
    expect((await send(id, upload('doc-1', pdf(30_000)), { token, on: small })).status).toBe(201);
    const over = await send(id, upload('doc-1', pdf(20_000)), { token, lang: 'en', on: small });
    expect(over.status).toBe(413);
    expect(over.body.detail).toContain('dossier');
  });

  it("refuses uploads beyond the citizen's storage quota, over all their dossiers", async () => {
    const token = await small.token({ id: 'citizen-quota', role: 'citizen' });
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const id = await draft(token, small);
      expect((await send(id, upload('doc-1', pdf(25_000)), { token, on: small })).status).toBe(201);
      ids.push(id);
    }
    // 75 000 of 80 000 bytes used; this file fits its dossier (35 000 of 40 000), not the quota.
    const over = await send(ids[0] as string, upload('doc-1', pdf(10_000)), {
      token,
      lang: 'vi',
      on: small,
    });
    expect(over.status).toBe(413);
    expect(over.body.detail).toContain('hạn mức');
  });

  it("refuses a draft beyond the citizen's quota of drafts", async () => {
    const token = await small.token({ id: 'citizen-drafts', role: 'citizen' });
    for (let i = 0; i < LIMITS.draftsPerCitizen; i++) await draft(token, small);
    const over = await small.request('POST', '/api/v1/dossiers', {
      token,
      json: { procedureCode: '1.013133' },
      headers: { 'accept-language': 'en' },
    });
    expect(over.status).toBe(409);
    expect(over.body.detail).toContain('drafts');
    // As the message says: delete a draft, and a new one can be started.
    const [oldest] = await small.db.query<{ id: string; version: number }>(
      "select id, version from dossiers where owner_id = 'citizen-drafts' order by created_at limit 1",
    );
    const read = await small.request('GET', `/api/v1/dossiers/${oldest?.id}`, { token });
    const deleted = await small.request('DELETE', `/api/v1/dossiers/${oldest?.id}`, {
      token,
      headers: { 'if-match': read.headers.get('etag') ?? '', 'idempotency-key': key() },
    });
    expect(deleted.status).toBe(204);
    expect(typeof (await draft(token, small))).toBe('string');
  });

  it('a draft waits for another of the same citizen and counts it: the quota holds', async () => {
    // Transaction A creates the citizen's last allowed draft and stays open; B, on another
    // connection (PostgreSQL), must wait for A's lock and then count A's draft. Without the lock
    // — or with the count in the statement that waits for it, whose snapshot is older — B
    // counts without A's draft and passes the quota.
    const principal = {
      id: `citizen-one-draft-${randomBytes(4).toString('hex')}`,
      role: 'citizen' as const,
    };
    const request = { procedureCode: '1.013133' };
    const limits = { ...LIMITS, draftsPerCitizen: 1 };
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let created = () => {};
    const aCreated = new Promise<void>((resolve) => {
      created = resolve;
    });
    const a = small.db.transaction(async (tx) => {
      await createDraft(tx, principal, request, limits);
      created();
      await held;
    });
    await aCreated;
    const b = small.db.transaction((tx) => createDraft(tx, principal, request, limits));
    const outcome = b.then(
      () => 'created',
      (error: DomainError) => error.subcode,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await a;
    expect(await outcome).toBe('draft_quota');
  });
});

describe(`attachments named by a dossier are its own (${DATABASE_KIND})`, {
  timeout: 60_000,
}, () => {
  it("refuses to submit a form whose file answer names another dossier's attachment", async () => {
    const other = await completeDraft(h);
    const { dossier, etag } = await completeDraft(h);
    const otherFile = other.dossier.documents[0]?.attachmentIds[0] as string;
    const field = 'healthDeclarationFile';
    let current = etag;
    for (const answer of [otherFile, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const patched = await h.request('PATCH', `/api/v1/dossiers/${dossier.id}`, {
        token: h.tokens.citizen,
        json: { formData: { ...dossier.formData, [field]: [answer] } },
        headers: { 'if-match': current },
      });
      expect(patched.status).toBe(200);
      const refused = await h.request('POST', `/api/v1/dossiers/${dossier.id}/submit`, {
        token: h.tokens.citizen,
        headers: { 'if-match': patched.headers.get('etag') as string },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toContainEqual(
        expect.objectContaining({ path: `formData.${field}`, code: 'unknown_attachment' }),
      );
      current = patched.headers.get('etag') as string;
    }
    // Its own file again: the same draft submits.
    const own = await h.request('PATCH', `/api/v1/dossiers/${dossier.id}`, {
      token: h.tokens.citizen,
      json: { formData: dossier.formData },
      headers: { 'if-match': current },
    });
    const accepted = await h.request('POST', `/api/v1/dossiers/${dossier.id}/submit`, {
      token: h.tokens.citizen,
      headers: { 'if-match': own.headers.get('etag') as string },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  });

  it('resolves only with result documents uploaded to the same dossier', async () => {
    const first = await submitted(h);
    const second = await submitted(h);
    for (const d of [first, second]) {
      await act(h, d.id, { action: 'receive' });
      await act(h, d.id, { action: 'start_processing' });
    }
    const result = await send(second.id, upload('result', PDF), { token: h.tokens.officer });
    expect(result.status).toBe(201);
    const citizenFile = first.documents[0]?.attachmentIds[0] as string;
    for (const ids of [
      [result.body.id], // another dossier's result
      ['00000000-0000-4000-8000-000000000000'], // none at all
      [citizenFile], // this dossier's, but the applicant's document, not a result
    ]) {
      const refused = await h.request('POST', `/api/v1/officer/dossiers/${first.id}/actions`, {
        token: h.tokens.officer,
        json: { action: 'resolve', outcome: { decision: 'approved', resultAttachmentIds: ids } },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].code).toBe('unknown_attachment');
    }
    const own = await send(first.id, upload('result', pdf(2000)), {
      token: h.tokens.officer,
    });
    const resolved = await act(h, first.id, {
      action: 'resolve',
      outcome: { decision: 'approved', resultAttachmentIds: [own.body.id] },
    });
    expect(resolved.status).toBe('resolved');
  });
});
