import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KIND } from './support/database.js';
import { type Harness, startHarness } from './support/harness.js';
import { completeDraft, key, submitted } from './support/journeys.js';

/** `DELETE /dossiers/{id}`: a draft, by its applicant, with its current ETag. */
describe(`deleting a draft (${DATABASE_KIND})`, { timeout: 60_000 }, () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(() => h?.close());

  const remove = (id: string, headers: Record<string, string>, token = h.tokens.citizen) =>
    h.request('DELETE', `/api/v1/dossiers/${id}`, { token, headers });

  it('takes the draft and its attachments; their files wait for the orphan sweep', async () => {
    const { dossier, etag } = await completeDraft(h);
    const [before] = await h.db.query<{ n: number; sha: string }>(
      'select count(*)::int as n, min(sha256) as sha from attachments where dossier_id = $1',
      [dossier.id],
    );
    expect(before?.n).toBeGreaterThan(0);
    const answer = await remove(dossier.id, { 'if-match': etag, 'idempotency-key': key() });
    expect(answer.status).toBe(204);
    expect(answer.body).toBeUndefined();
    const read = await h.request('GET', `/api/v1/dossiers/${dossier.id}`, {
      token: h.tokens.citizen,
    });
    expect(read.status).toBe(404);
    for (const table of ['attachments', 'dossier_events']) {
      const [left] = await h.db.query<{ n: number }>(
        `select count(*)::int as n from ${table} where dossier_id = $1`,
        [dossier.id],
      );
      expect(left?.n, table).toBe(0);
    }
    const orphans = await h.db.query('select 1 from orphan_files where sha256 = $1', [before?.sha]);
    expect(orphans.length).toBe(1);
  });

  it('needs the current ETag: 428 without, 412 when stale, and nothing is deleted', async () => {
    const { dossier, etag } = await completeDraft(h);
    expect((await remove(dossier.id, { 'idempotency-key': key() })).status).toBe(428);
    const changed = await h.request('PATCH', `/api/v1/dossiers/${dossier.id}`, {
      token: h.tokens.citizen,
      headers: { 'if-match': etag },
      json: { formData: { ...dossier.formData, note: 'from another tab' } },
    });
    expect(changed.status).toBe(200);
    const stale = await remove(dossier.id, { 'if-match': etag, 'idempotency-key': key() });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag') ?? stale.body?.currentVersion ?? '').not.toBe(etag);
    const still = await h.request('GET', `/api/v1/dossiers/${dossier.id}`, {
      token: h.tokens.citizen,
    });
    expect(still.status).toBe(200);
  });

  it("is the applicant's alone: another citizen, an officer and no token are refused", async () => {
    const { dossier, etag } = await completeDraft(h);
    const headers = { 'if-match': etag, 'idempotency-key': key() };
    // Another person's dossier is not told to exist.
    expect((await remove(dossier.id, headers, h.tokens.citizen2)).status).toBe(404);
    expect((await remove(dossier.id, headers, h.tokens.officer)).status).toBe(403);
    const anonymous = await h.request('DELETE', `/api/v1/dossiers/${dossier.id}`, { headers });
    expect(anonymous.status).toBe(401);
    const [row] = await h.db.query('select 1 from dossiers where id = $1', [dossier.id]);
    expect(row).toBeDefined();
  });

  it('a submitted dossier is part of the record: 409 not_a_draft, in the asked language', async () => {
    const dossier = await submitted(h);
    const read = await h.request('GET', `/api/v1/dossiers/${dossier.id}`, {
      token: h.tokens.citizen,
    });
    const answer = await remove(dossier.id, {
      'if-match': read.headers.get('etag') ?? '',
      'idempotency-key': key(),
      'accept-language': 'vi',
    });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('not_a_draft');
    expect(answer.body.detail).toContain('rút hồ sơ');
  });

  it('a retry with the same Idempotency-Key answers 204 again; a new request meets 404', async () => {
    const { dossier, etag } = await completeDraft(h);
    const headers = { 'if-match': etag, 'idempotency-key': key() };
    expect((await remove(dossier.id, headers)).status).toBe(204);
    const again = await remove(dossier.id, headers);
    expect(again.status).toBe(204);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await remove(dossier.id, { ...headers, 'idempotency-key': key() })).status).toBe(404);
  });

  it('an id that is not a UUID is a 400, not a database error', async () => {
    const answer = await remove("1' or '1'='1", { 'if-match': '"x"', 'idempotency-key': key() });
    expect(answer.status).toBe(400);
  });
});
