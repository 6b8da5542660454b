import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, MemoryFileStore, openDatabase, seed } from '../src/index.js';
import { fileLockKey } from '../src/services/attachments.js';
import { runHousekeeping } from '../src/services/housekeeping.js';
import { DATABASE_KIND, freshDatabase } from './support/database.js';

let db: Database;
let drop: () => Promise<void>;
let url: string | undefined;
const files = new MemoryFileStore();

beforeAll(async () => {
  ({ db, drop, url } = await freshDatabase());
  await seed(db, {});
}, 180_000);
afterAll(() => drop?.());

/** A stored file and a draft of `owner` with one attachment of it, last changed `daysAgo`. */
async function draftWithFile(owner: string, daysAgo: number, bytes: Uint8Array) {
  const id = crypto.randomUUID();
  await db.query(
    `insert into dossiers (id, owner_id, procedure_code, case_code, form_id, form_version, channel, status, created_at, updated_at)
     select $1, $2, '1.013133', 'case-1', form_id, 1, 'online', 'draft', now() - make_interval(days => $3), now() - make_interval(days => $3)
     from procedure_forms where procedure_code = '1.013133' limit 1`,
    [id, owner, daysAgo],
  );
  const received = await files.receive(
    (async function* () {
      yield bytes;
    })(),
    { maxBytes: 1e6 },
  );
  await received.keep();
  await db.query(
    `insert into attachments (id, dossier_id, requirement_code, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at)
     values ($1, $2, 'doc-1', 'a.pdf', 'application/pdf', $3, $4, $5, now())`,
    [crypto.randomUUID(), id, bytes.byteLength, received.sha256, owner],
  );
  return { id, sha256: received.sha256 };
}

const ageWarning = (id: string, days: number) =>
  db.query(
    `update dossiers set expiry_warned_at = expiry_warned_at - make_interval(days => $2),
       updated_at = updated_at - make_interval(days => $2) where id = $1`,
    [id, days],
  );
const ageOrphans = () => db.query("update orphan_files set since = since - interval '1 day'");

describe(`housekeeping (${DATABASE_KIND})`, { timeout: 60_000 }, () => {
  it('expires idempotency records after a day and rate-limit state after its expiry', async () => {
    await db.query(
      `insert into idempotency_keys (principal, key, operation, request_hash, created_at) values
       ('a', 'old-key-1', 'x', 'h', now() - interval '25 hours'),
       ('a', 'new-key-1', 'x', 'h', now() - interval '1 hour')`,
    );
    await db.query(
      `insert into rate_limits (bucket, window_start, count, expires_at) values
       ('lookup:old', now() - interval '2 hours', 3, now() - interval '1 minute'),
       ('lookup:new', now(), 3, now() + interval '1 hour')`,
    );
    const report = await runHousekeeping(db, files);
    expect(report.idempotencyKeys).toBe(1);
    expect(report.rateLimits).toBe(1);
    const keys = await db.query<{ key: string }>('select key from idempotency_keys');
    expect(keys.map((k) => k.key)).toEqual(['new-key-1']);
    const buckets = await db.query<{ bucket: string }>('select bucket from rate_limits');
    expect(buckets.map((b) => b.bucket)).toEqual(['lookup:new']);
  });

  it('warns about an abandoned draft once, then deletes it with its files after the grace', async () => {
    const shared = new TextEncoder().encode('%PDF-1.4 shared');
    const kept = await draftWithFile('citizen-active', 1, shared);
    const idle = await draftWithFile('citizen-idle', 31, shared);
    const alone = await draftWithFile(
      'citizen-idle',
      31,
      new TextEncoder().encode('%PDF-1.4 alone'),
    );
    const [before] = await db.query<{ version: number }>(
      'select version from dossiers where id = $1',
      [idle.id],
    );

    const first = await runHousekeeping(db, files);
    expect(first.draftsWarned).toBe(2);
    expect(first.draftsDeleted).toBe(0);
    const events = await db.query<{ action: string; note: string; due_at: string }>(
      "select action, note, due_at from dossier_events where dossier_id = $1 and action = 'expiry_warning'",
      [idle.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.note).toContain('sẽ bị xóa');
    expect(events[0]?.note).toContain('will be deleted');
    expect(Date.parse(events[0]?.due_at as string)).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    const [after] = await db.query<{ version: number }>(
      'select version from dossiers where id = $1',
      [idle.id],
    );
    expect(after?.version).toBe(before?.version);
    expect((await runHousekeeping(db, files)).draftsWarned).toBe(0);

    await ageWarning(idle.id, 15);
    await ageWarning(alone.id, 15);
    const second = await runHousekeeping(db, files);
    expect(second.draftsDeleted).toBe(2);
    expect(
      await db.query('select 1 from dossiers where id = any($1::uuid[])', [[idle.id, alone.id]]),
    ).toEqual([]);
    expect(await db.query('select 1 from attachments where dossier_id = $1', [idle.id])).toEqual(
      [],
    );
    expect((await db.query('select 1 from dossiers where id = $1', [kept.id])).length).toBe(1);

    // Files go after their own grace, and only those no attachment names any more.
    expect((await runHousekeeping(db, files)).filesRemoved).toBe(0);
    await ageOrphans();
    expect((await runHousekeeping(db, files)).filesRemoved).toBe(1);
    expect(await files.open(alone.sha256)).toBeUndefined();
    expect(await files.open(kept.sha256)).toBeDefined();
  });

  it('does not delete a draft that was changed after the warning', async () => {
    const draft = await draftWithFile(
      'citizen-back',
      40,
      new TextEncoder().encode('%PDF-1.4 back'),
    );
    await runHousekeeping(db, files);
    await ageWarning(draft.id, 20);
    await db.query('update dossiers set updated_at = now() where id = $1', [draft.id]);
    expect((await runHousekeeping(db, files)).draftsDeleted).toBe(0);
    expect((await db.query('select 1 from dossiers where id = $1', [draft.id])).length).toBe(1);
  });

  // PGlite has one connection: an open transaction there would block the sweep itself.
  it.runIf(DATABASE_KIND === 'postgres')(
    'never removes a file while an upload of the same bytes is committing',
    async () => {
      const draft = await draftWithFile(
        'citizen-race',
        1,
        new TextEncoder().encode('%PDF-1.4 race'),
      );
      await db.query('delete from attachments where dossier_id = $1', [draft.id]);
      await db.query(
        "insert into orphan_files (sha256, since) values ($1, now() - interval '1 day')",
        [draft.sha256],
      );
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      // As an upload's transaction does between keeping the file and committing its row.
      const upload = db.transaction(async (tx) => {
        await tx.query('select pg_advisory_xact_lock_shared($1)', [fileLockKey(draft.sha256)]);
        locked();
        await held;
      });
      await isLocked;
      expect((await runHousekeeping(db, files)).filesRemoved).toBe(0);
      expect(await files.open(draft.sha256)).toBeDefined();
      release();
      await upload;
    },
  );

  it.runIf(DATABASE_KIND === 'postgres')(
    'runs on two instances at once without doing anything twice',
    async () => {
      for (let i = 0; i < 30; i++)
        await draftWithFile(`citizen-two-${i}`, 45, new TextEncoder().encode(`%PDF-1.4 two ${i}`));
      const other = await openDatabase({ databaseUrl: url as string });
      try {
        const reports = await Promise.all([
          runHousekeeping(db, files),
          runHousekeeping(other, files),
        ]);
        const warned = reports.reduce((sum, r) => sum + r.draftsWarned, 0);
        expect(warned).toBe(30);
        const events = await db.query<{ n: number }>(
          "select count(*)::int as n from dossier_events where action = 'expiry_warning' and dossier_id in (select id from dossiers where owner_id like 'citizen-two-%')",
        );
        expect(events[0]?.n).toBe(30);
      } finally {
        await other.close();
      }
    },
  );
});
