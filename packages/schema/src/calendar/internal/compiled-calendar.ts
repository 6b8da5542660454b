import type { WorkingCalendar } from '../working-calendar.js';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/**
 * Longest run of consecutive non-working days searched before giving up, so that a calendar with
 * no working day at all fails loudly instead of looping forever. Tết plus weekends is about ten
 * days; a year is far beyond anything real.
 */
const MAX_IDLE_DAYS = 366;

/**
 * A {@link WorkingCalendar} checked and turned into numbers. Days are counted as "local day
 * numbers": whole days since 1970-01-01 in the calendar's own zone, which avoids the machine's
 * time zone entirely (`Date`'s local-time methods are never used).
 */
export interface CompiledCalendar {
  readonly offsetMs: number;
  /** Working periods as milliseconds after local midnight, ascending. */
  readonly periods: ReadonlyArray<readonly [number, number]>;
  /** Office time in one working day, in milliseconds. */
  readonly dayLengthMs: number;
  /** End of the last period after local midnight: the closing time. */
  readonly closingMs: number;
  readonly weekend: ReadonlySet<number>;
  /** Local day number → whether that dated entry makes the day a working day. */
  readonly overrides: ReadonlyMap<number, boolean>;
}

/** Checks a calendar and precomputes what the arithmetic needs. Throws on malformed data. */
export function compileCalendar(calendar: WorkingCalendar): CompiledCalendar {
  const { utcOffsetMinutes } = calendar;
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 18 * 60) {
    throw new RangeError(`Invalid utcOffsetMinutes: ${utcOffsetMinutes}.`);
  }
  const periods = calendar.workingHours.map((period) => {
    const from = parseClock(period.from);
    const to = parseClock(period.to);
    if (from >= to) {
      throw new RangeError(`Working period ${period.from}–${period.to} ends before it starts.`);
    }
    return [from, to] as const;
  });
  if (periods.length === 0) {
    throw new RangeError('A working calendar needs at least one working period.');
  }
  for (let i = 1; i < periods.length; i++) {
    const previous = periods[i - 1];
    const current = periods[i];
    if (previous && current && current[0] < previous[1]) {
      throw new RangeError('Working periods must be in ascending order and must not overlap.');
    }
  }
  const weekend = new Set<number>();
  for (const day of calendar.weekendDays) {
    if (!Number.isInteger(day) || day < 0 || day > 6) {
      throw new RangeError(`Invalid weekend day: ${day}.`);
    }
    weekend.add(day);
  }
  const overrides = new Map<number, boolean>();
  for (const entry of calendar.days) {
    const day = parseIsoDate(entry.date);
    if (overrides.has(day)) {
      throw new RangeError(`The date ${entry.date} is listed more than once.`);
    }
    overrides.set(day, entry.kind === 'makeup_workday');
  }
  const last = periods[periods.length - 1];
  return {
    offsetMs: utcOffsetMinutes * MS_PER_MINUTE,
    periods,
    dayLengthMs: periods.reduce((sum, [from, to]) => sum + (to - from), 0),
    closingMs: last ? last[1] : 0,
    weekend,
    overrides,
  };
}

/** The local day number of an instant. */
export function dayOf(calendar: CompiledCalendar, instantMs: number): number {
  return Math.floor((instantMs + calendar.offsetMs) / MS_PER_DAY);
}

/** The instant of local midnight at the start of a day. */
export function startOfDay(calendar: CompiledCalendar, day: number): number {
  return day * MS_PER_DAY - calendar.offsetMs;
}

/** The instant the office closes on a day. */
export function closingOf(calendar: CompiledCalendar, day: number): number {
  return startOfDay(calendar, day) + calendar.closingMs;
}

/** Whether a local day is worked: a dated entry wins over the ordinary week. */
export function isWorkingDayNumber(calendar: CompiledCalendar, day: number): boolean {
  const override = calendar.overrides.get(day);
  if (override !== undefined) return override;
  // Day 0 (1970-01-01) was a Thursday, weekday 4.
  return !calendar.weekend.has((((day + 4) % 7) + 7) % 7);
}

/** The first working day on or after `day`. */
export function nextWorkingDay(calendar: CompiledCalendar, day: number): number {
  for (let candidate = day; candidate < day + MAX_IDLE_DAYS; candidate++) {
    if (isWorkingDayNumber(calendar, candidate)) return candidate;
  }
  throw new RangeError(`No working day within ${MAX_IDLE_DAYS} days; check the calendar.`);
}

/**
 * The office periods of working days as instants, in order, from `fromMs` on (a period already
 * under way is cut at `fromMs`). Endless: the caller stops when it has counted enough.
 */
export function* workingPeriodsFrom(
  calendar: CompiledCalendar,
  fromMs: number,
): Generator<readonly [number, number]> {
  let day = nextWorkingDay(calendar, dayOf(calendar, fromMs));
  for (;;) {
    const midnight = startOfDay(calendar, day);
    for (const [from, to] of calendar.periods) {
      const start = Math.max(midnight + from, fromMs);
      const end = midnight + to;
      if (start < end) yield [start, end];
    }
    day = nextWorkingDay(calendar, day + 1);
  }
}

/** Reads `YYYY-MM-DD` as a local day number; throws on anything else or an impossible date. */
export function parseIsoDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = match
    ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
    : Number.NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Expected a calendar date as YYYY-MM-DD, got "${date}".`);
  }
  return ms / MS_PER_DAY;
}

/** Throws unless the value is a valid `Date`; returns its time value. */
export function instantOf(date: Date, what: string): number {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} must be a valid Date.`);
  return ms;
}

function parseClock(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$|^(24):(00)$/.exec(time);
  if (!match) throw new RangeError(`Expected a wall-clock time as HH:MM, got "${time}".`);
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return (hours * 60 + minutes) * MS_PER_MINUTE;
}
