import {
  compileCalendar,
  dayOf,
  instantOf,
  isWorkingDayNumber,
  MS_PER_DAY,
  parseIsoDate,
} from './internal/compiled-calendar.js';
import { VIETNAM_CALENDAR } from './vietnam-calendar.js';
import type { WorkingCalendar } from './working-calendar.js';

/** Gives up on a run of non-working days longer than this, like the due-date arithmetic. */
const MAX_IDLE_DAYS = 366;

/**
 * Whether a day is worked: not a weekend day, holiday or compensatory day off — or a make-up
 * working day, which is worked even on a Saturday or Sunday.
 *
 * A `Date` is read as the calendar day it falls on in the calendar's zone (so
 * `2026-02-23T00:30:00+07:00` is Monday 23 February in Vietnam, whatever the machine's zone); a
 * string must be a calendar date `YYYY-MM-DD`.
 */
export function isWorkingDay(
  date: Date | string,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): boolean {
  const compiled = compileCalendar(calendar);
  const day =
    typeof date === 'string' ? parseIsoDate(date) : dayOf(compiled, instantOf(date, 'date'));
  return isWorkingDayNumber(compiled, day);
}

/**
 * Moves `date` by `days` working days (backwards when negative), keeping its wall-clock time in
 * the calendar's zone. Starting from a non-working day, the first working day reached counts as
 * one. Unlike `dueDate` this is plain day arithmetic — no office hours, no receipt rule —
 * for deadlines such as "answer within 3 working days of the notice".
 *
 * @throws RangeError if `days` is not an integer.
 */
export function addWorkingDays(
  date: Date,
  days: number,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): Date {
  if (!Number.isInteger(days)) {
    throw new RangeError(`addWorkingDays needs a whole number of days; got ${days}.`);
  }
  const compiled = compileCalendar(calendar);
  const ms = instantOf(date, 'date');
  const step = days < 0 ? -1 : 1;
  let moved = 0;
  let left = Math.abs(days);
  let idle = 0;
  while (left > 0) {
    moved += step;
    if (isWorkingDayNumber(compiled, dayOf(compiled, ms) + moved)) {
      left--;
      idle = 0;
    } else if (++idle > MAX_IDLE_DAYS) {
      throw new RangeError(`No working day within ${MAX_IDLE_DAYS} days; check the calendar.`);
    }
  }
  return new Date(ms + moved * MS_PER_DAY);
}

/**
 * The number of working days after the day of `from` up to and including the day of `to`, or
 * its negative when `to` is earlier — the days of both arguments are read in the calendar's zone
 * and their times of day are ignored.
 *
 * `workingDaysBetween(now, due)` is the "days left" to show a citizen (0 on the due day itself);
 * `workingDaysBetween(due, now)` is how many working days a dossier is overdue. Whether a dossier
 * is overdue at all is a comparison of instants (`now > due`), since it can be late by hours on
 * the due day.
 */
export function workingDaysBetween(
  from: Date,
  to: Date,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): number {
  const compiled = compileCalendar(calendar);
  const a = dayOf(compiled, instantOf(from, 'from'));
  const b = dayOf(compiled, instantOf(to, 'to'));
  const [low, high] = a <= b ? [a, b] : [b, a];
  let count = 0;
  for (let day = low + 1; day <= high; day++) {
    if (isWorkingDayNumber(compiled, day)) count++;
  }
  return a <= b || count === 0 ? count : -count;
}
