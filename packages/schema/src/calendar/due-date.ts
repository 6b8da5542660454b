import {
  type CompiledCalendar,
  closingOf,
  compileCalendar,
  dayOf,
  instantOf,
  isWorkingDayNumber,
  MS_PER_DAY,
  MS_PER_HOUR,
  nextWorkingDay,
  startOfDay,
  workingPeriodsFrom,
} from './internal/compiled-calendar.js';
import { VIETNAM_CALENDAR } from './vietnam-calendar.js';
import type { WorkingCalendar } from './working-calendar.js';

/**
 * The units a procedure's time limit (thời hạn giải quyết) is published in:
 * `working_days` (ngày làm việc), `days` (calendar days, ngày) and `hours` (working hours, giờ làm
 * việc).
 */
export const DURATION_UNITS = ['working_days', 'days', 'hours'] as const;

/** One of {@link DURATION_UNITS}. */
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A time limit as a procedure publishes it, e.g. `{ value: 5, unit: 'working_days' }`. */
export interface Duration {
  /** A finite number, zero or more; fractions are allowed (half a working day is 4 hours). */
  readonly value: number;
  readonly unit: DurationUnit;
}

/**
 * An interval during which the clock is stopped, typically while the dossier waits for the
 * citizen's supplement (chờ bổ sung). `from` is included and `to` excluded. For a pause still
 * under way, pass `to: now` to see the due date if the supplement arrived now.
 */
export interface Pause {
  readonly from: Date;
  readonly to: Date;
}

/** Options of {@link dueDate}. */
export interface DueDateOptions {
  /** Clock stops; they may overlap or lie outside office hours, and are merged first. */
  readonly pauses?: ReadonlyArray<Pause>;
}

/**
 * The moment a dossier received at `start` is due.
 *
 * **Day of receipt.** A dossier received on a working day before closing time is received that
 * day (before opening time or during the lunch break included); one received after closing time
 * or on a non-working day is received on the next working day. For `working_days` and `days` the
 * day of receipt does not count: counting starts with the following day. Source: Civil Code
 * 2015, Art. 147(2) — a time limit in days does not count its first day but starts on the day
 * after — which applies to every time limit unless another law provides otherwise (Art. 145(1)).
 * The one-stop decrees (61/2018/NĐ-CP as amended by 107/2021/NĐ-CP; 118/2025/NĐ-CP from 1 Jul
 * 2025) count a procedure's limit from receipt of a complete dossier. Their text was not checked
 * here article by article, and no rule in them was found that counts the day of receipt. The
 * citizen-friendlier reading, in which the day of receipt counts, would make every deadline one
 * working day earlier. It was not chosen because the Civil Code rule is the verified general
 * rule; change it here if a decree is shown to say otherwise.
 *
 * **`working_days`.** Counts the working days after the day of receipt (weekends, holidays and
 * compensatory days skipped, make-up Saturdays counted) and is due at closing time of the last
 * one. Zero working days means the same day: due at closing time of the day of receipt.
 *
 * **`days`.** Counts calendar days after the day of receipt, holidays included; due at closing
 * time of the last day, and if that day is not worked, at closing time of the next working day
 * (Civil Code 2015, Art. 148(5)). Zero days means the day of receipt.
 *
 * **`hours`.** Counts office time from the moment of receipt (Civil Code 2015, Art. 147(1)), only
 * inside the calendar's working periods (lunch break, nights and non-working days skipped), and
 * is due the moment the hours are used up — at 11:30 rather than 13:00 if the morning is exactly
 * enough.
 *
 * **Closing time, not midnight.** The Civil Code ends a day at 24:00 (Art. 148(6)); results are
 * handed over at the office, so the due moment here is the office's closing time that day.
 *
 * **Pauses.** Time inside a pause does not count, and time already counted is kept rather than
 * the limit restarting: the one-stop rules count the time spent before a dossier goes back for
 * supplement in its time limit (Decision 09/2015/QĐ-TTg, carried into Decree 61/2018; not
 * re-checked against Decree 118/2025). For `working_days`
 * the limit is office time — one working day is the calendar's daily office hours (8 hours by
 * default) — so a pause over three whole working days pushes the due date exactly three working
 * days, while a pause of less than a day's office time moves the due date one working day later
 * (still at closing time). For `days` a pause delays the count by its length in calendar
 * time; for `hours`, by the office time it covers. Pauses before the clock starts change nothing.
 *
 * All arithmetic happens in the calendar's UTC offset, independent of the machine's time zone.
 *
 * @throws RangeError for an invalid `start`, a negative or non-finite `value`, a pause that ends
 * before it starts, or a malformed calendar.
 */
export function dueDate(
  start: Date,
  duration: Duration,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
  options: DueDateOptions = {},
): Date {
  const startMs = instantOf(start, 'start');
  const { value, unit } = duration;
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`A duration must be a finite number, zero or more; got ${value}.`);
  }
  const compiled = compileCalendar(calendar);
  const pauses = mergePauses(options.pauses ?? []);
  switch (unit) {
    case 'hours': {
      const periods = workingPeriodsFrom(compiled, startMs);
      return new Date(runClock(periods, pauses, Math.round(value * MS_PER_HOUR)));
    }
    case 'working_days': {
      const received = receiptDay(compiled, startMs);
      if (value === 0) return new Date(closingOf(compiled, received));
      const periods = workingPeriodsFrom(compiled, startOfDay(compiled, received + 1));
      const end = runClock(periods, pauses, Math.round(value * compiled.dayLengthMs));
      return new Date(closingOf(compiled, dayOf(compiled, end - 1)));
    }
    case 'days': {
      const received = receiptDay(compiled, startMs);
      if (value === 0) return new Date(closingOf(compiled, received));
      const clockStart = startOfDay(compiled, received + 1);
      const end = runClock(
        [[clockStart, Number.POSITIVE_INFINITY]],
        pauses,
        Math.round(value * MS_PER_DAY),
      );
      return new Date(closingOf(compiled, nextWorkingDay(compiled, dayOf(compiled, end - 1))));
    }
    default: {
      const never: never = unit;
      throw new RangeError(`Unknown duration unit: ${String(never)}.`);
    }
  }
}

/** The working day a dossier counts as received on (see {@link dueDate}). */
function receiptDay(calendar: CompiledCalendar, instantMs: number): number {
  const day = dayOf(calendar, instantMs);
  return isWorkingDayNumber(calendar, day) && instantMs < closingOf(calendar, day)
    ? day
    : nextWorkingDay(calendar, day + 1);
}

/**
 * Runs a clock through `periods` (ascending, not overlapping) minus `pauses` (sorted, merged) and
 * returns the earliest instant at which `targetMs` has been counted.
 */
function runClock(
  periods: Iterable<readonly [number, number]>,
  pauses: ReadonlyArray<readonly [number, number]>,
  targetMs: number,
): number {
  let remaining = targetMs;
  let next = 0;
  for (const [from, to] of periods) {
    let cursor = from;
    while (cursor < to) {
      while ((pauses[next]?.[1] ?? Number.POSITIVE_INFINITY) <= cursor) next++;
      const pause = pauses[next];
      if (pause && pause[0] <= cursor) {
        cursor = Math.min(pause[1], to);
        continue;
      }
      const runUntil = pause && pause[0] < to ? pause[0] : to;
      if (runUntil - cursor >= remaining) return cursor + remaining;
      remaining -= runUntil - cursor;
      cursor = runUntil;
    }
  }
  throw new RangeError('The clock ran out of working time; check the calendar.');
}

function mergePauses(pauses: ReadonlyArray<Pause>): Array<readonly [number, number]> {
  const sorted = pauses
    .map((pause) => {
      const from = instantOf(pause.from, 'pause.from');
      const to = instantOf(pause.to, 'pause.to');
      if (to < from) {
        throw new RangeError(
          `A pause must not end before it starts (${pause.from.toISOString()} → ${pause.to.toISOString()}).`,
        );
      }
      return [from, to] as const;
    })
    .filter(([from, to]) => from < to)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<readonly [number, number]> = [];
  for (const pause of sorted) {
    const last = merged[merged.length - 1];
    if (last && pause[0] <= last[1]) {
      merged[merged.length - 1] = [last[0], Math.max(last[1], pause[1])];
    } else {
      merged.push(pause);
    }
  }
  return merged;
}
