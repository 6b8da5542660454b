import { createHash } from 'node:crypto';
import { isWorkingDay, VIETNAM_CALENDAR, type WorkingCalendar } from '@egov-kit/schema';
import type { Database, Queryable } from '../db/database.js';

/**
 * The days the working-day table covers: from 2015 (before the national portal) to ten years
 * ahead, refilled as the years pass. A dossier outside it has no working-day figure.
 */
const CALENDAR_FROM = Date.UTC(2015, 0, 1);
const calendarTo = () => Date.UTC(new Date().getUTCFullYear() + 10, 11, 31);

const filled = new WeakMap<object, string>();

/**
 * Fills `working_calendar` from the schema package's Vietnam calendar, again whenever that
 * calendar changes (a newly announced holiday): `working_index` is the running count of working
 * days up to and including each day, so the working days between two days are one subtraction.
 */
export async function ensureWorkingCalendar(
  db: Queryable,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): Promise<void> {
  const to = calendarTo();
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([calendar.weekendDays, calendar.days, CALENDAR_FROM, to]))
    .digest('hex');
  if (filled.get(db) === fingerprint) return;
  const [current] = await db.query<{ fingerprint: string }>(
    'select fingerprint from working_calendar_source',
  );
  if (current?.fingerprint !== fingerprint) {
    const days: string[] = [];
    const working: boolean[] = [];
    const indexes: number[] = [];
    let index = 0;
    for (let t = CALENDAR_FROM; t <= to; t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const open = isWorkingDay(day, calendar);
      if (open) index++;
      days.push(day);
      working.push(open);
      indexes.push(index);
    }
    const fill = async (q: Queryable) => {
      // A day whose running count changes (a holiday announced, a make-up working day) changes
      // the working days of dossiers already rolled up: their part of the roll-up is redone.
      // A calendar only extended by a year leaves every known day as it was.
      const [changed] = await q.query<{ changed: boolean }>(
        `select exists (
           select 1 from working_calendar w
             join unnest($1::date[], $2::int[]) as x(day, working_index) on x.day = w.day
            where w.working_index <> x.working_index) as changed`,
        [days, indexes],
      );
      if (changed?.changed) await resetStatisticsRollUp(q);
      await q.query(
        `insert into working_calendar (day, working, working_index)
         select * from unnest($1::date[], $2::boolean[], $3::int[])
         on conflict (day) do update
           set working = excluded.working, working_index = excluded.working_index`,
        [days, working, indexes],
      );
      await q.query(
        `insert into working_calendar_source (singleton, fingerprint) values (true, $1)
         on conflict (singleton) do update set fingerprint = excluded.fingerprint`,
        [fingerprint],
      );
    };
    if ('transaction' in db) await (db as Database).transaction(fill);
    else await fill(db);
  }
  filled.set(db, fingerprint);
}

/**
 * The advisory lock of the roll-up sweep (services/statistics-rollup.ts), and of
 * the reset after a calendar change.
 */
export const STATISTICS_LOCK = 7275205;

/**
 * After the working calendar changed (a newly announced holiday): the rolled-up working days
 * may be wrong, so the roll-up is dropped and the next sweep builds it again (set-based, one
 * transaction); meanwhile the statistics count every dossier live. Run in the transaction that
 * changes the calendar; waits for a sweep in progress.
 */
export async function resetStatisticsRollUp(tx: Queryable): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [STATISTICS_LOCK]);
  await tx.query('delete from statistics_rollup');
  await tx.query('update statistics_state set built = false');
}
