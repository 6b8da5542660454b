import { VIETNAM_HOLIDAYS } from './holidays-vn.js';
import type { WorkingCalendar } from './working-calendar.js';

/**
 * The default calendar: Vietnam's public administration.
 *
 * - Zone UTC+7 (Indochina Time, no daylight saving).
 * - Monday to Friday, Saturday and Sunday off: the 40-hour week of public servants (Decision
 *   188/1999/QĐ-TTg).
 * - 07:30–11:30 and 13:00–17:00. Eight hours a day is national; the clock times are set by each
 *   province (for example Lâm Đồng uses 07:30–11:30 and 13:30–17:30 from 1 Nov 2025, and some
 *   provinces shift hours in summer), so an office elsewhere should spread this object and
 *   replace `workingHours`.
 * - Holidays, compensatory days and make-up working days of {@link VIETNAM_HOLIDAYS}
 *   (2025–2027; later years have none until their data is added).
 */
export const VIETNAM_CALENDAR: WorkingCalendar = {
  utcOffsetMinutes: 7 * 60,
  workingHours: [
    { from: '07:30', to: '11:30' },
    { from: '13:00', to: '17:00' },
  ],
  weekendDays: [6, 0],
  days: Object.values(VIETNAM_HOLIDAYS).flat(),
};
