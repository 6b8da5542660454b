/**
 * The working-day calendar: when a dossier is due, and how many working days are left.
 *
 * @packageDocumentation
 */
export {
  DURATION_UNITS,
  type DueDateOptions,
  type Duration,
  type DurationUnit,
  dueDate,
  type Pause,
} from './due-date.js';
export { VIETNAM_HOLIDAYS } from './holidays-vn.js';
export { VIETNAM_CALENDAR } from './vietnam-calendar.js';
export {
  CALENDAR_DAY_KINDS,
  type CalendarDay,
  type CalendarDayKind,
  type Weekday,
  type WorkingCalendar,
  type WorkingPeriod,
} from './working-calendar.js';
export { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.js';
