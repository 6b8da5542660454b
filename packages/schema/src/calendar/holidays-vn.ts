import type { CalendarDay, CalendarDayKind } from './working-calendar.js';

/*
 * Public holidays of Vietnam for public servants (cán bộ, công chức, viên chức) — the calendar the
 * one-stop offices (bộ phận một cửa) work to.
 *
 * Statutory days, Labour Code 2019 (45/2019/QH14), Art. 112(1): New Year 1 day (1/1); Tết
 * Nguyên đán 5 days, the exact days chosen by the Prime Minister (Art. 112(3)); Hùng Kings'
 * Commemoration 1 day (10th day of the 3rd lunar month); Victory Day 1 day (30/4); International
 * Labour Day 1 day (1/5); National Day 2 days (2/9 and one day before or after it) — 11 days.
 * A holiday on a weekly rest day gives a compensatory day off on the next working day (Art.
 * 111(3)). Swapping a weekday off for a worked Saturday is announced each year by the Government
 * Office on behalf of the Prime Minister, on the proposal of the Ministry of Labour, Invalids and
 * Social Affairs (to 2024) or the Ministry of Home Affairs (from 2025).
 *
 * Solar dates of lunar days (Tết, Hùng Kings) were computed with Hồ Ngọc Đức's algorithm for the
 * Vietnamese lunar calendar at UTC+7 and agree with the announced dates for 2025 and 2026.
 *
 * Not included: Vietnam Culture Day (Ngày Văn hóa Việt Nam, 24/11). The Politburo chose it as a
 * paid holiday (Resolution 80-NQ/TW) and Government Resolution 30/NQ-CP (2026) tasks an amendment
 * of Labour Code Art. 112(1), but no amendment was in force when this data was written. Add it
 * here once the law passes.
 */

/**
 * 2025 (Ất Tỵ), as announced: Government Office letter 8726/VPCP-KGVX of 26 Nov 2024 (Prime
 * Minister's approval of the Tết, 30/4–1/5 and National Day holidays proposed by the Ministry of
 * Labour, Invalids and Social Affairs). Tết off 25/1–2/2; 30/4–4/5 with Friday 2/5 swapped for
 * Saturday 26/4; National Day 30/8–2/9 with 1/9 as the adjacent day.
 */
const YEAR_2025: ReadonlyArray<CalendarDay> = [
  day('2025-01-01', 'holiday', 'Tết Dương lịch', "New Year's Day"),
  ...tet([
    ['2025-01-27', '28 tháng Chạp', '28th day of the 12th lunar month'],
    ['2025-01-28', '29 tháng Chạp (Giao thừa)', "Lunar New Year's Eve"],
    ['2025-01-29', 'Mùng 1 Tết', '1st day of the Lunar New Year'],
    ['2025-01-30', 'Mùng 2 Tết', '2nd day of the Lunar New Year'],
    ['2025-01-31', 'Mùng 3 Tết', '3rd day of the Lunar New Year'],
  ]),
  hungKings('2025-04-07'),
  day(
    '2025-04-26',
    'makeup_workday',
    'Làm bù cho ngày 02/5/2025',
    'Make-up working day for 2 May 2025',
  ),
  victoryDay('2025-04-30'),
  labourDay('2025-05-01'),
  day(
    '2025-05-02',
    'compensatory',
    'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/4/2025)',
    'Day off swapped for Saturday 26 April 2025 (Reunification Day break)',
  ),
  nationalDay('2025-09-01', true),
  nationalDay('2025-09-02', false),
];

/**
 * 2026 (Bính Ngọ), as announced: Government Office letter 12729/VPCP-KGVX of 25 Dec 2025 (New Year
 * 1/1–4/1, Friday 2/1 swapped for Saturday 10/1); Government Office letter of 13 Oct 2025 (its
 * number not verified here) approving the Ministry of Home Affairs' proposal: Tết off 14/2–22/2
 * (27 Chạp Ất Tỵ – mùng 6 Bính Ngọ), National Day 29/8–2/9 with 1/9 as the adjacent day and
 * Monday 31/8 swapped for Saturday 22/8. Hùng Kings' day falls on Sunday 26/4, so Monday 27/4 is
 * the statutory compensatory day (Labour Code Art. 111(3)); 30/4 and 1/5 are Thursday and Friday.
 */
const YEAR_2026: ReadonlyArray<CalendarDay> = [
  day('2026-01-01', 'holiday', 'Tết Dương lịch', "New Year's Day"),
  day(
    '2026-01-02',
    'compensatory',
    'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)',
    "Day off swapped for Saturday 10 January 2026 (New Year's break)",
  ),
  day(
    '2026-01-10',
    'makeup_workday',
    'Làm bù cho ngày 02/01/2026',
    'Make-up working day for 2 January 2026',
  ),
  ...tet([
    ['2026-02-16', '29 tháng Chạp (Giao thừa)', "Lunar New Year's Eve"],
    ['2026-02-17', 'Mùng 1 Tết', '1st day of the Lunar New Year'],
    ['2026-02-18', 'Mùng 2 Tết', '2nd day of the Lunar New Year'],
    ['2026-02-19', 'Mùng 3 Tết', '3rd day of the Lunar New Year'],
    ['2026-02-20', 'Mùng 4 Tết', '4th day of the Lunar New Year'],
  ]),
  hungKings('2026-04-26'),
  day(
    '2026-04-27',
    'compensatory',
    'Nghỉ bù Giỗ Tổ Hùng Vương',
    "Compensatory day off for Hùng Kings' Commemoration Day",
  ),
  victoryDay('2026-04-30'),
  labourDay('2026-05-01'),
  day(
    '2026-08-22',
    'makeup_workday',
    'Làm bù cho ngày 31/8/2026',
    'Make-up working day for 31 August 2026',
  ),
  day(
    '2026-08-31',
    'compensatory',
    'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/8/2026)',
    'Day off swapped for Saturday 22 August 2026 (National Day break)',
  ),
  nationalDay('2026-09-01', true),
  nationalDay('2026-09-02', false),
];

/**
 * 2027 (Đinh Mùi): not announced when this data was written, so only the statutory days (Labour
 * Code Art. 111(3), 112). Certain: 1/1 (Friday); Hùng Kings' day 16/4 (Friday, 10/3 Đinh Mùi);
 * 30/4 (Friday); 1/5 (Saturday) with its compensatory Monday 3/5; 2/9 (Thursday).
 * Provisional (marked so): the five Tết days — Tết is Saturday 6/2, and the days follow 2017, the
 * last year whose Tết also fell on a Saturday (the two weekdays before Tết and mùng 3 to mùng 5,
 * 26/1–1/2/2017); and the
 * National Day adjacent day, taken as Friday 3/9 as in 2021 when 2/9 was also a Thursday.
 * Replace with the announced schedule, including any swapped days, when it is published.
 */
const YEAR_2027: ReadonlyArray<CalendarDay> = [
  day('2027-01-01', 'holiday', 'Tết Dương lịch', "New Year's Day"),
  ...tet(
    [
      ['2027-02-04', '28 tháng Chạp', '28th day of the 12th lunar month'],
      ['2027-02-05', '29 tháng Chạp (Giao thừa)', "Lunar New Year's Eve"],
      ['2027-02-08', 'Mùng 3 Tết', '3rd day of the Lunar New Year'],
      ['2027-02-09', 'Mùng 4 Tết', '4th day of the Lunar New Year'],
      ['2027-02-10', 'Mùng 5 Tết', '5th day of the Lunar New Year'],
    ],
    true,
  ),
  hungKings('2027-04-16'),
  victoryDay('2027-04-30'),
  labourDay('2027-05-01'),
  day(
    '2027-05-03',
    'compensatory',
    'Nghỉ bù Ngày Quốc tế Lao động',
    'Compensatory day off for International Labour Day',
  ),
  nationalDay('2027-09-02', false),
  { ...nationalDay('2027-09-03', true), provisional: true },
];

/**
 * Vietnam's public holidays, compensatory days off and make-up working days for public servants,
 * by year. Each year cites its legal source above; 2027 holds the statutory days only, with
 * estimated entries marked `provisional`.
 */
export const VIETNAM_HOLIDAYS: Readonly<Record<number, ReadonlyArray<CalendarDay>>> = {
  2025: YEAR_2025,
  2026: YEAR_2026,
  2027: YEAR_2027,
};

function day(date: string, kind: CalendarDayKind, vi: string, en: string): CalendarDay {
  return { date, kind, name: { vi, en } };
}

function tet(
  days: ReadonlyArray<readonly [date: string, vi: string, en: string]>,
  provisional = false,
): CalendarDay[] {
  return days.map(([date, vi, en]) => ({
    date,
    kind: 'holiday',
    name: { vi: `Tết Nguyên đán (${vi})`, en: `Lunar New Year, Tết (${en})` },
    ...(provisional ? { provisional } : {}),
  }));
}

function hungKings(date: string): CalendarDay {
  return day(
    date,
    'holiday',
    'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)",
  );
}

function victoryDay(date: string): CalendarDay {
  return day(
    date,
    'holiday',
    'Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước)',
    'Reunification Day',
  );
}

function labourDay(date: string): CalendarDay {
  return day(date, 'holiday', 'Ngày Quốc tế Lao động', 'International Labour Day');
}

function nationalDay(date: string, adjacent: boolean): CalendarDay {
  return adjacent
    ? day(date, 'holiday', 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)')
    : day(date, 'holiday', 'Quốc khánh', 'National Day');
}
