import type { LocalizedText } from '../i18n/localized-text.js';

/**
 * A day of the week as `Date#getUTCDay()` numbers it: 0 is Sunday, 6 is Saturday. Numbers rather
 * than names so that the data compares directly with what `Date` returns.
 */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * One stretch of office time in a working day, as local wall-clock times `HH:MM` (24-hour clock,
 * `24:00` allowed as an end). A day with a lunch break has two periods.
 */
export interface WorkingPeriod {
  readonly from: string;
  readonly to: string;
}

/**
 * How a dated entry changes the ordinary week:
 * - `holiday` — a public holiday (ngày nghỉ lễ, Tết), Labour Code 2019, Art. 112;
 * - `compensatory` — a weekday off instead of a holiday that fell on a weekend (nghỉ bù,
 *   Labour Code 2019, Art. 111(3)) or a weekday swapped with a Saturday (hoán đổi ngày làm việc);
 * - `makeup_workday` — a Saturday or Sunday worked to pay back a swapped weekday (làm bù).
 */
export const CALENDAR_DAY_KINDS = ['holiday', 'compensatory', 'makeup_workday'] as const;

/** One of {@link CALENDAR_DAY_KINDS}. */
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/**
 * A dated exception to the ordinary week, kept as data so that a year's announcement is a data
 * change, not a code change.
 */
export interface CalendarDay {
  /** The local calendar date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly name: LocalizedText;
  readonly kind: CalendarDayKind;
  /**
   * `true` where the Government has not announced the day yet and the entry is an estimate from
   * the statutory rules and earlier years, so that a screen can say "dự kiến" (provisional).
   */
  readonly provisional?: boolean;
}

/**
 * Everything the deadline arithmetic needs to know about an office's time, as plain data that can
 * be serialised, compared in tests and overridden per province (working hours differ between
 * provinces, and some shift them in summer).
 */
export interface WorkingCalendar {
  /**
   * The office's fixed offset from UTC in minutes (420 for Vietnam, UTC+7, no daylight saving).
   * All arithmetic happens in this zone, whatever the machine's time zone is.
   */
  readonly utcOffsetMinutes: number;
  /** The office periods of every working day, in ascending order and not overlapping. */
  readonly workingHours: ReadonlyArray<WorkingPeriod>;
  /** The days of the ordinary week that are not worked. */
  readonly weekendDays: ReadonlyArray<Weekday>;
  /**
   * Holidays, compensatory days off and make-up working days. A date appears at most once. Dates
   * not listed follow the ordinary week, so a year without data has no holidays at all.
   */
  readonly days: ReadonlyArray<CalendarDay>;
}
