import type { Database, Queryable } from '../db/database.js';
import { ensureWorkingCalendar, STATISTICS_LOCK } from './working-calendar.js';

/**
 * The statistics roll-up: the operations centre's figures over a million dossiers come from
 * `statistics_rollup` (counts and histograms per received day, week, month and year × agency ×
 * procedure × channel) plus a live query over the few rows still pending. This module adds rows
 * to it.
 *
 * A dossier is rolled up once none of its counted facts can change any more (`SETTLED`):
 *
 * - its status is final for the statistics — `resolved` (it may still become `returned`, which
 *   counts the same), `returned`, `withdrawn` or `rejected`; a rejected dossier that was
 *   received but never completed counts as in progress, and as overdue once its due time has
 *   passed with the clock running: rolled up when that can no longer change;
 * - no payment of it is pending and unexpired (a late notification may still mark a pending
 *   payment paid after the dossier was resolved, see `confirmDossierPaid`), with an hour's
 *   margin for the application servers' clocks.
 *
 * Satisfaction scores are rolled up separately, per survey response, once its window has closed
 * and the citizen can no longer change them: a dossier is often returned, and rated, after its
 * counts were rolled up.
 *
 * Every change is one transaction that adds rows to the roll-up and clears their
 * `stats_pending`, so every dossier is counted exactly once — in the roll-up or live — in any
 * snapshot. The sweep runs under one advisory lock: two instances never roll up at once (the
 * second skips its turn), and the roll-up rows are written by the sweep alone, never by a
 * request, so 50 submissions of one procedure contend on nothing new.
 *
 * The first run on a database (and the first after the working calendar changed) builds the
 * roll-up from scratch in one transaction instead — set-based, minutes for a million dossiers —
 * marking pending only the old rows that are not settled (the migration left every old row not
 * pending, which costs no rewrite of the table); the statistics count every row live until it
 * commits. A payment is pending while its dossier is, so the live query joins only those.
 */

/** Margin for the application servers' clocks against the database's. */
const CLOCK_MARGIN = "interval '1 hour'";

/** A dossier whose counted facts can no longer change (see above), as SQL over `d`. */
const SETTLED = `d.received_at is not null
  and d.status in ('resolved', 'returned', 'withdrawn', 'rejected')
  and (d.completed_at is not null or d.paused_since is not null or d.due_at is null
       or d.due_at < now())
  and not exists (
    select 1 from payments y
     where y.dossier_id = d.id and y.status = 'pending'
       and (y.expires_at is null or y.expires_at > now() - ${CLOCK_MARGIN}))`;

/** A survey response that can no longer change, as SQL over `r` (response) and `d` (dossier). */
const CLOSED = `d.received_at is not null and d.status = 'returned' and d.returned_at is not null
  and d.returned_at < now() - make_interval(days => $1) - ${CLOCK_MARGIN}`;

/** What one batch did, or `undefined` when another instance held the lock. */
export interface RollUpBatch {
  readonly dossiers: number;
  readonly responses: number;
  /** Whether it built the roll-up from scratch (the first run, or after a calendar change). */
  readonly built?: boolean;
}

/**
 * Where a run has got to: each batch starts after the last one's rows, instead of stepping
 * again over the index entries of the rows just rolled up (dead until vacuumed).
 */
export interface RollUpCursor {
  receivedAt?: string;
  dossierId?: string;
}

/**
 * Rolls up one batch of at most `batch` settled dossiers and `batch` closed survey responses
 * (or builds the whole roll-up when it has not been built), unless another instance is doing
 * it (then `undefined`). The working calendar must be filled: `rollUpStatistics` does that.
 */
export async function rollUpStatisticsBatch(
  db: Database,
  options: { batch: number; surveyWindowDays: number; cursor?: RollUpCursor },
): Promise<RollUpBatch | undefined> {
  const cursor = options.cursor ?? {};
  return db.transaction(async (tx) => {
    const [lock] = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [
      STATISTICS_LOCK,
    ]);
    if (!lock?.ok) return undefined;
    // No JIT: compiling costs more than these queries take. Room to aggregate in memory.
    await tx.query("select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)");
    const [state] = await tx.query<{ built: boolean }>('select built from statistics_state');
    if (!state?.built) return { ...(await build(tx, options.surveyWindowDays)), built: true };
    return {
      dossiers: await rollUpDossiers(tx, options.batch, cursor),
      responses: await rollUpResponses(tx, options.batch, options.surveyWindowDays, cursor),
    };
  });
}

/**
 * Rolls up everything settled, batch after batch, until nothing is left or another instance is
 * at it. Answers how many dossiers and survey responses it added.
 */
export async function rollUpStatistics(
  db: Database,
  options: { batch?: number; surveyWindowDays?: number } = {},
): Promise<RollUpBatch & { skipped: boolean }> {
  // The working days are counted on the calendar table: filled (and current) first.
  await ensureWorkingCalendar(db);
  const batch = options.batch ?? 2_000;
  const surveyWindowDays = options.surveyWindowDays ?? 30;
  let dossiers = 0;
  let responses = 0;
  let built = false;
  const cursor: RollUpCursor = {};
  for (;;) {
    const done = await rollUpStatisticsBatch(db, { batch, surveyWindowDays, cursor });
    if (!done) return { dossiers, responses, built, skipped: true };
    dossiers += done.dossiers;
    responses += done.responses;
    built ||= done.built ?? false;
    // The build turned most rows' stats_pending over: the planner's statistics of the partial
    // indexes are stale until analysed (PGlite has no autovacuum to do it), and a stale estimate
    // picks a plan that reads the live rows a hundred times slower.
    if (done.built)
      await db.query('analyze dossiers, payments, survey_responses, statistics_rollup');
    if (!done.built && done.dossiers < batch && done.responses < batch) {
      return { dossiers, responses, built, skipped: false };
    }
  }
}

/**
 * The roll-up from scratch: rows not pending (those from before the roll-up existed, and those
 * rolled up before a calendar change) that are not settled are marked pending — when another
 * transaction is changing one, the update waits for it and looks again — and all the others
 * are added, set-based.
 */
async function build(tx: Queryable, surveyWindowDays: number): Promise<RollUpBatch> {
  await tx.query('delete from statistics_rollup');
  await tx.query(
    `update dossiers d set stats_pending = true
      where not d.stats_pending and d.received_at is not null and not (${SETTLED})`,
  );
  // A pending dossier's payments are pending too: the live query joins only those.
  await tx.query(
    `update payments y set stats_pending = true
       from dossiers d
      where d.id = y.dossier_id and d.stats_pending and not y.stats_pending`,
  );
  await tx.query(
    `update survey_responses r set stats_pending = true
       from dossiers d
      where d.id = r.dossier_id and not r.stats_pending and not (${CLOSED})`,
    [surveyWindowDays],
  );
  const [dossiers] = await tx.query<{ n: number }>(
    `${addDossiers(
      `select d.* from dossiers d where not d.stats_pending and d.received_at is not null`,
      `left join (select y.dossier_id, bool_or(y.provider <> 'cash') as online
                    from payments y where y.status = 'paid' group by y.dossier_id) pay
         on pay.dossier_id = d.id`,
    )} select count(*)::int as n from picked`,
  );
  await tx.query(
    `insert into statistics_criteria (criterion, position)
     select c, (select coalesce(max(position), 0) from statistics_criteria)
               + row_number() over (order by c)
       from (select distinct criterion as c from survey_scores) x
      where not exists (select 1 from statistics_criteria k where k.criterion = x.c)`,
  );
  const [responses] = await tx.query<{ n: number }>(
    `${addResponses(
      `select r.dossier_id from survey_responses r join dossiers d on d.id = r.dossier_id
        where not r.stats_pending and d.received_at is not null`,
    )} select count(*)::int as n from picked`,
  );
  await tx.query('update statistics_state set built = true');
  return { dossiers: dossiers?.n ?? 0, responses: responses?.n ?? 0 };
}

async function rollUpDossiers(tx: Queryable, batch: number, cursor: RollUpCursor): Promise<number> {
  // Locked, so that an action on one of them waits for this batch (and one under way is
  // skipped, to be rolled up next run with whatever it changed); marked in this transaction.
  const [done] = await tx.query<{ n: number; last: string | Date | null }>(
    `${addDossiers(
      `select d.* from dossiers d
        where d.stats_pending and d.received_at is not null
          and d.received_at >= coalesce($2::timestamptz, '-infinity') and ${SETTLED}
        order by d.received_at
        limit $1
        for update of d skip locked`,
      `left join lateral (
         select bool_or(y.provider <> 'cash') as online
           from payments y where y.dossier_id = d.id and y.status = 'paid'
         having count(*) > 0) pay on true`,
    )},
     marked as (
       update dossiers set stats_pending = false
        where id in (select id from picked) returning 1),
     settled_payments as (
       update payments set stats_pending = false
        where dossier_id in (select id from picked) and stats_pending returning 1)
     select (select count(*)::int from marked) as n, (select max(received_at) from picked) as last`,
    [batch, cursor.receivedAt ?? null],
  );
  if (done?.last) cursor.receivedAt = new Date(done.last).toISOString();
  return done?.n ?? 0;
}

async function rollUpResponses(
  tx: Queryable,
  batch: number,
  surveyWindowDays: number,
  cursor: RollUpCursor,
): Promise<number> {
  // Criteria get their array positions first (a new survey's criteria extend the arrays).
  await tx.query(
    `insert into statistics_criteria (criterion, position)
     select c, (select coalesce(max(position), 0) from statistics_criteria)
               + row_number() over (order by c)
       from (select distinct s.criterion as c
               from survey_responses r
               join survey_scores s on s.dossier_id = r.dossier_id
              where r.stats_pending) x
      where not exists (select 1 from statistics_criteria k where k.criterion = x.c)`,
  );
  const [done] = await tx.query<{ n: number; last: string | null }>(
    `${addResponses(
      `select r.dossier_id from survey_responses r join dossiers d on d.id = r.dossier_id
        where r.stats_pending and r.dossier_id > coalesce($2::uuid, '00000000-0000-0000-0000-000000000000')
          and ${CLOSED.replaceAll('$1', '$3')}
        order by r.dossier_id
        limit $1
        for update of r skip locked`,
    )},
     marked as (
       update survey_responses set stats_pending = false
        where dossier_id in (select dossier_id from picked) returning 1)
     select (select count(*)::int from marked) as n,
            (select max(dossier_id::text) from picked) as last`,
    [batch, cursor.dossierId ?? null, surveyWindowDays],
  );
  if (done?.last) cursor.dossierId = done.last;
  return done?.n ?? 0;
}

/** The roll-up rows' key columns. */
const KEY = 'grain, bucket, agency_code, procedure_code, channel';

/**
 * The rows a received day (`day`, SQL of a date) counts in: its day, its week within its month
 * (from the Monday, or the 1st when the month starts mid-week: a week row never spans two
 * months, so grouping by month can read it), its month and its year (read unless grouping by
 * month).
 */
const buckets = (day: string) => `('day', ${day}),
  ('week', greatest(date_trunc('week', ${day}::timestamp), date_trunc('month', ${day}::timestamp))::date),
  ('month', date_trunc('month', ${day}::timestamp)::date),
  ('year', date_trunc('year', ${day}::timestamp)::date)`;

/**
 * A statement (to be completed by a final `select` over `picked`) that adds the dossiers
 * `source` selects to the roll-up: their facts by the live query's expressions (see
 * service-statistics.ts), counted per day and per month row, with the histogram of working
 * days. `payments` joins `pay` (`online`: paid other than in cash; no row: not paid).
 */
function addDossiers(source: string, payments: string): string {
  return `with picked as (${source}),
     facts as (
       select ((d.received_at at time zone 'UTC') + interval '7 hours')::date as day,
              coalesce(d.agency_code, '') as agency_code, d.procedure_code, d.channel,
              (d.completed_at is not null and d.status in ('resolved', 'returned')) as resolved,
              (d.completed_at is not null and d.status in ('resolved', 'returned')
               and (d.due_at is null or d.completed_at <= d.due_at)) as on_time,
              (d.completed_at is null and d.status <> 'rejected') as in_progress,
              (d.completed_at is null and d.status <> 'rejected' and d.paused_since is null
               and d.due_at is not null
               and d.due_at < now()) as overdue,
              case when d.completed_at is not null and d.status in ('resolved', 'returned')
                   then greatest(w2.working_index - w1.working_index, 0) end as days,
              pay.online is not null as paid, coalesce(pay.online, false) as paid_online
         from picked d
         left join working_calendar w1
           on w1.day = ((d.received_at at time zone 'UTC') + interval '7 hours')::date
         left join working_calendar w2
           on w2.day = ((d.completed_at at time zone 'UTC') + interval '7 hours')::date
         ${payments}),
     grained as (
       select g.grain, g.bucket, f.*
         from facts f
        cross join lateral (values ${buckets('f.day')}) as g(grain, bucket)),
     histogram as (
       select ${KEY}, statistics_dense(array_agg(days), array_agg(n)) as days
         from (select ${KEY}, days, count(*)::int as n from grained
                where resolved and days is not null group by ${KEY}, days) h
        group by ${KEY}),
     cells as (
       select ${KEY}, count(*)::int as received,
              count(*) filter (where resolved)::int as resolved,
              count(*) filter (where on_time)::int as resolved_on_time,
              count(*) filter (where in_progress)::int as in_progress,
              count(*) filter (where overdue)::int as overdue,
              count(*) filter (where paid)::int as paid,
              count(*) filter (where paid_online)::int as paid_online
         from grained group by ${KEY}),
     added as (
       insert into statistics_rollup as r
         (${KEY}, received, resolved, resolved_on_time, in_progress, overdue, paid, paid_online,
          days)
       select c.grain, c.bucket, c.agency_code, c.procedure_code, c.channel, c.received,
              c.resolved, c.resolved_on_time, c.in_progress, c.overdue, c.paid, c.paid_online,
              coalesce(h.days, '{}')
         from cells c left join histogram h using (${KEY})
       on conflict (${KEY}) do update set
         received = r.received + excluded.received,
         resolved = r.resolved + excluded.resolved,
         resolved_on_time = r.resolved_on_time + excluded.resolved_on_time,
         in_progress = r.in_progress + excluded.in_progress,
         overdue = r.overdue + excluded.overdue,
         paid = r.paid + excluded.paid,
         paid_online = r.paid_online + excluded.paid_online,
         days = statistics_add(r.days, excluded.days)
       returning 1)`;
}

/**
 * A statement (to be completed by a final `select` over `picked`) that adds the scores of the
 * survey responses `source` selects (`dossier_id`) to the roll-up: per day and month row, the
 * responses with scores, and per criterion the sum, the count and the satisfied (4 or 5).
 */
function addResponses(source: string): string {
  return `with picked as (${source}),
     facts as (
       select g.grain, g.bucket, coalesce(d.agency_code, '') as agency_code, d.procedure_code,
              d.channel, s.dossier_id, k.position - 1 as at, s.score
         from picked p
         join dossiers d on d.id = p.dossier_id
         join survey_scores s on s.dossier_id = p.dossier_id
         join statistics_criteria k on k.criterion = s.criterion
        cross join lateral (
          values ${buckets("((d.received_at at time zone 'UTC') + interval '7 hours')::date")})
          as g(grain, bucket)),
     criteria as (
       select ${KEY}, at, sum(score)::int as total, count(*)::int as scores,
              count(*) filter (where score >= 4)::int as satisfied
         from facts group by ${KEY}, at),
     cells as (
       select ${KEY}, statistics_dense(array_agg(at), array_agg(total)) as score_total,
              statistics_dense(array_agg(at), array_agg(scores)) as score_count,
              statistics_dense(array_agg(at), array_agg(satisfied)) as score_satisfied
         from criteria group by ${KEY}),
     responses as (
       select ${KEY}, count(distinct dossier_id)::int as responses from facts group by ${KEY}),
     added as (
       insert into statistics_rollup as r
         (${KEY}, responses, score_total, score_count, score_satisfied)
       select c.grain, c.bucket, c.agency_code, c.procedure_code, c.channel, n.responses,
              c.score_total, c.score_count, c.score_satisfied
         from cells c join responses n using (${KEY})
       on conflict (${KEY}) do update set
         responses = r.responses + excluded.responses,
         score_total = statistics_add(r.score_total, excluded.score_total),
         score_count = statistics_add(r.score_count, excluded.score_count),
         score_satisfied = statistics_add(r.score_satisfied, excluded.score_satisfied)
       returning 1)`;
}
