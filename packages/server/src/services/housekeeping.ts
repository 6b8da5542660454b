import type { Database, Queryable } from '../db/database.js';
import type { FileStore } from '../storage/file-store.js';
import { fileLockKey } from './attachments.js';
import { deleteDossierRows } from './dossier-deletion.js';
import { recordEvent } from './events.js';
import { rollUpStatistics } from './statistics-rollup.js';
import { DEFAULT_SURVEY_OPTIONS } from './surveys.js';

/** How long things are kept. */
export interface HousekeepingPolicy {
  /** Idempotency records: a retry comes within minutes, a day is ample. */
  readonly idempotencyHours: number;
  /** A draft untouched this long gets a warning event (the citizen sees it in the history). */
  readonly draftIdleDays: number;
  /** ...and is deleted, with its files, this long after the warning if still untouched. */
  readonly draftGraceDays: number;
  /** A file no attachment names is removed from storage after this long. */
  readonly orphanMinutes: number;
  /** A temporary upload file is removed after this long (its process died while receiving). */
  readonly temporaryHours: number;
  /** Rows deleted per statement, so that no run holds locks for long. */
  readonly batch: number;
  /** Dossiers (and survey responses) added to the statistics roll-up per transaction: 2,000. */
  readonly statisticsBatch?: number;
  /** The survey's window (`SurveyOptions.windowDays`): its scores are rolled up after it. */
  readonly surveyWindowDays?: number;
}

export const DEFAULT_HOUSEKEEPING: HousekeepingPolicy = {
  idempotencyHours: 24,
  draftIdleDays: 30,
  draftGraceDays: 14,
  orphanMinutes: 30,
  temporaryHours: 6,
  batch: 500,
  statisticsBatch: 2_000,
  surveyWindowDays: DEFAULT_SURVEY_OPTIONS.windowDays,
};

/** What one run did; a task another instance was running at the time counts as skipped. */
export interface HousekeepingReport {
  idempotencyKeys: number;
  rateLimits: number;
  draftsWarned: number;
  draftsDeleted: number;
  filesRemoved: number;
  temporaryFilesRemoved: number;
  /** Settled dossiers added to the statistics roll-up. */
  statisticsDossiers: number;
  /** Closed survey responses added to the statistics roll-up. */
  statisticsResponses: number;
  skipped: string[];
}

/**
 * Advisory lock keys of the tasks: with several instances on one database, each task runs on one
 * instance at a time (`pg_try_advisory_xact_lock`: the others skip it instead of waiting).
 */
const TASK_LOCKS = {
  idempotency: 7275201,
  rateLimits: 7275202,
  drafts: 7275203,
  files: 7275204,
} as const;

const SYSTEM = { id: 'housekeeping', role: 'system' } as const;

/**
 * Runs every housekeeping task once: expires idempotency records and rate-limit state, warns
 * about and then deletes abandoned drafts, removes stored files that nothing names any more,
 * and adds the dossiers settled since the last run to the statistics roll-up.
 * Safe to run on several instances at once and to interrupt: each batch is one transaction.
 */
export async function runHousekeeping(
  db: Database,
  files: FileStore,
  policy: HousekeepingPolicy = DEFAULT_HOUSEKEEPING,
): Promise<HousekeepingReport> {
  const report: HousekeepingReport = {
    idempotencyKeys: 0,
    rateLimits: 0,
    draftsWarned: 0,
    draftsDeleted: 0,
    filesRemoved: 0,
    temporaryFilesRemoved: 0,
    statisticsDossiers: 0,
    statisticsResponses: 0,
    skipped: [],
  };
  const task = async (name: keyof typeof TASK_LOCKS, work: (tx: Queryable) => Promise<number>) => {
    let total = 0;
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const [lock] = await tx.query<{ ok: boolean }>(
          'select pg_try_advisory_xact_lock($1) as ok',
          [TASK_LOCKS[name]],
        );
        if (!lock?.ok) return undefined;
        return work(tx);
      });
      if (done === undefined) {
        report.skipped.push(name);
        return total;
      }
      total += done;
      if (done < policy.batch) return total;
    }
  };

  report.idempotencyKeys = await task('idempotency', async (tx) =>
    count(
      await tx.query(
        `delete from idempotency_keys where (principal, key) in (
           select principal, key from idempotency_keys
           where created_at < now() - make_interval(hours => $1) limit $2)
         returning key`,
        [policy.idempotencyHours, policy.batch],
      ),
    ),
  );
  report.rateLimits = await task('rateLimits', async (tx) => expireRateLimits(tx, policy.batch));
  report.draftsWarned = await task('drafts', (tx) => warnIdleDrafts(tx, policy));
  report.draftsDeleted = await task('drafts', (tx) => deleteAbandonedDrafts(tx, policy));
  report.filesRemoved = await removeOrphanFiles(db, files, policy);
  // Per machine, not per database: every instance sweeps its own spool or shared folder.
  report.temporaryFilesRemoved =
    (await files.sweep?.(policy.temporaryHours * 3_600_000).catch(() => 0)) ?? 0;
  // Last: on a database that has never been rolled up it may take minutes (in batches).
  const rolled = await rollUpStatistics(db, {
    batch: policy.statisticsBatch ?? 2_000,
    surveyWindowDays: policy.surveyWindowDays ?? DEFAULT_SURVEY_OPTIONS.windowDays,
  });
  report.statisticsDossiers = rolled.dossiers;
  report.statisticsResponses = rolled.responses;
  if (rolled.skipped) report.skipped.push('statistics');
  return report;
}

/** Rate-limit state past its expiry: a stream of spoofed addresses leaves nothing for long. */
async function expireRateLimits(tx: Queryable, batch: number): Promise<number> {
  return count(
    await tx.query(
      `delete from rate_limits where bucket in (
         select bucket from rate_limits where expires_at <= now() limit $1)
       returning bucket`,
      [batch],
    ),
  );
}

/**
 * Drafts untouched for `draftIdleDays` and not warned since their last change get an
 * `expiry_warning` event that says when the draft will be deleted. The draft's version (its
 * ETag) does not change: a warning is not an edit.
 */
async function warnIdleDrafts(tx: Queryable, policy: HousekeepingPolicy): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `select id from dossiers
     where status = 'draft' and updated_at < now() - make_interval(days => $1)
       and (expiry_warned_at is null or expiry_warned_at < updated_at)
     order by updated_at limit $2 for update skip locked`,
    [policy.draftIdleDays, policy.batch],
  );
  const now = new Date();
  const deleteAt = new Date(now.getTime() + policy.draftGraceDays * 86_400_000);
  const day = deleteAt.toISOString().slice(0, 10);
  for (const { id } of rows) {
    await tx.query('update dossiers set expiry_warned_at = $2 where id = $1', [
      id,
      now.toISOString(),
    ]);
    await recordEvent(tx, id, 'expiry_warning', 'draft', 'draft', SYSTEM, now.toISOString(), {
      dueAt: deleteAt.toISOString(),
      note:
        `Hồ sơ nháp này không được cập nhật trong ${policy.draftIdleDays} ngày và sẽ bị xóa cùng các tệp đính kèm vào ngày ${day} nếu không được sửa hoặc nộp. ` +
        `This draft has not been changed for ${policy.draftIdleDays} days; it will be deleted with its files on ${day} unless it is edited or submitted.`,
    });
  }
  return rows.length;
}

/**
 * Deletes drafts warned at least `draftGraceDays` ago and not changed since, with their events
 * and attachments; their files are left to the orphan sweep, which removes them once no other
 * attachment names the same bytes.
 */
async function deleteAbandonedDrafts(tx: Queryable, policy: HousekeepingPolicy): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `select id from dossiers
     where status = 'draft' and expiry_warned_at is not null and updated_at <= expiry_warned_at
       and expiry_warned_at < now() - make_interval(days => $1)
     order by expiry_warned_at limit $2 for update skip locked`,
    [policy.draftGraceDays, policy.batch],
  );
  if (!rows.length) return 0;
  const ids = rows.map((row) => row.id);
  await deleteDossierRows(tx, ids);
  return ids.length;
}

/**
 * Removes files listed as possibly orphaned (a deleted draft's, an upload whose transaction
 * failed after the file was kept) once no attachment names them. Each file is checked under an
 * exclusive advisory lock on its hash, which an upload of the same bytes holds shared until it
 * commits: a file is never removed between an upload keeping it and its row being committed.
 */
async function removeOrphanFiles(
  db: Database,
  files: FileStore,
  policy: HousekeepingPolicy,
): Promise<number> {
  const candidates = await db.query<{ sha256: string }>(
    `select sha256 from orphan_files where since < now() - make_interval(mins => $1)
     order by since limit $2`,
    [policy.orphanMinutes, policy.batch],
  );
  let removed = 0;
  for (const { sha256 } of candidates) {
    removed += await db.transaction(async (tx) => {
      const [lock] = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [
        fileLockKey(sha256),
      ]);
      if (!lock?.ok) return 0;
      const [named] = await tx.query('select 1 from attachments where sha256 = $1 limit 1', [
        sha256,
      ]);
      await tx.query('delete from orphan_files where sha256 = $1', [sha256]);
      if (named) return 0;
      await files.remove(sha256);
      return 1;
    });
  }
  return removed;
}

/** A running schedule of housekeeping. */
export interface HousekeepingSchedule {
  /** Runs now (also between scheduled runs), answering what was done. */
  runNow(): Promise<HousekeepingReport>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs housekeeping every `intervalMinutes` (15 by default), first a minute after start; the
 * timer does not keep the process alive. Failures are logged and the next run tries again.
 */
export function scheduleHousekeeping(
  db: Database,
  files: FileStore,
  options: {
    intervalMinutes?: number;
    policy?: HousekeepingPolicy;
    log?: (message: string, detail?: unknown) => void;
  } = {},
): HousekeepingSchedule {
  const interval = (options.intervalMinutes ?? 15) * 60_000;
  const log = options.log ?? (() => undefined);
  let running: Promise<HousekeepingReport> | undefined;
  const runNow = () => {
    running ??= runHousekeeping(db, files, options.policy).finally(() => {
      running = undefined;
    });
    return running;
  };
  const tick = () => {
    runNow().then(
      (report) => log('housekeeping', report),
      (error) => log('housekeeping failed', error),
    );
  };
  const first = setTimeout(tick, Math.min(interval, 60_000));
  const timer = setInterval(tick, interval);
  first.unref();
  timer.unref();
  return {
    runNow,
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

function count(rows: readonly unknown[]): number {
  return rows.length;
}
