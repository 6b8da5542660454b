import { afterEach, describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  type DueDateOptions,
  type DurationUnit,
  dueDate,
  isWorkingDay,
  VIETNAM_CALENDAR,
  VIETNAM_HOLIDAYS,
  type WorkingCalendar,
  workingDaysBetween,
} from '../src/calendar/index.js';

const HOUR = 3_600_000;

/** An instant written with its offset, so that no test depends on the machine's zone. */
const at = (iso: string) => new Date(iso);

/** An instant as Vietnamese wall-clock time, e.g. `2026-02-27T17:00:00+07:00`. */
function vn(date: Date): string {
  const shifted = new Date(date.getTime() + 7 * HOUR).toISOString();
  const ms = shifted.slice(19, 23);
  return `${shifted.slice(0, 19)}${ms === '.000' ? '' : ms}+07:00`;
}

function due(start: string, value: number, unit: DurationUnit, options?: DueDateOptions) {
  return vn(dueDate(at(start), { value, unit }, VIETNAM_CALENDAR, options));
}

const pause = (from: string, to: string) => ({ from: at(from), to: at(to) });

describe('dueDate in working days', () => {
  it('skips Tết 2026: received Friday 13 Feb, 5 working days, due Friday 27 Feb', () => {
    expect(due('2026-02-13T10:00:00+07:00', 5, 'working_days')).toBe('2026-02-27T17:00:00+07:00');
  });

  it('does not count the day of receipt', () => {
    expect(due('2026-03-04T08:00:00+07:00', 1, 'working_days')).toBe('2026-03-05T17:00:00+07:00');
    expect(due('2026-03-04T08:00:00+07:00', 5, 'working_days')).toBe('2026-03-11T17:00:00+07:00');
  });

  it.each([
    ['2026-03-04T16:59:00+07:00', '2026-03-05T17:00:00+07:00'],
    ['2026-03-04T17:00:00+07:00', '2026-03-06T17:00:00+07:00'],
    ['2026-03-04T17:01:00+07:00', '2026-03-06T17:00:00+07:00'],
  ])('counts a submission at %s (a Wednesday) from the right morning', (start, expected) => {
    expect(due(start, 1, 'working_days')).toBe(expected);
  });

  it('counts a submission before opening time or at lunch as received that day', () => {
    expect(due('2026-03-04T06:00:00+07:00', 1, 'working_days')).toBe('2026-03-05T17:00:00+07:00');
    expect(due('2026-03-04T12:15:00+07:00', 1, 'working_days')).toBe('2026-03-05T17:00:00+07:00');
  });

  it('counts a weekend submission as received on Monday', () => {
    expect(due('2026-03-07T10:00:00+07:00', 1, 'working_days')).toBe('2026-03-10T17:00:00+07:00');
  });

  it('skips 30/4–1/5 2026 and the weekend after it', () => {
    expect(due('2026-04-29T09:00:00+07:00', 3, 'working_days')).toBe('2026-05-06T17:00:00+07:00');
  });

  it("skips Monday 27 Apr 2026, the compensatory day for Hùng Kings' day on a Sunday", () => {
    expect(due('2026-04-24T10:00:00+07:00', 2, 'working_days')).toBe('2026-04-29T17:00:00+07:00');
    expect(due('2026-04-24T10:00:00+07:00', 4, 'working_days')).toBe('2026-05-05T17:00:00+07:00');
  });

  it('skips New Year 2026 and the swapped Friday 2 Jan, and works Saturday 10 Jan', () => {
    expect(due('2025-12-31T10:00:00+07:00', 1, 'working_days')).toBe('2026-01-05T17:00:00+07:00');
    expect(due('2026-01-09T10:00:00+07:00', 1, 'working_days')).toBe('2026-01-10T17:00:00+07:00');
  });

  it('works the make-up Saturday 22 Aug 2026 and skips the National Day break', () => {
    expect(due('2026-08-21T10:00:00+07:00', 1, 'working_days')).toBe('2026-08-22T17:00:00+07:00');
    expect(due('2026-08-22T10:00:00+07:00', 1, 'working_days')).toBe('2026-08-24T17:00:00+07:00');
    expect(due('2026-08-28T10:00:00+07:00', 1, 'working_days')).toBe('2026-09-03T17:00:00+07:00');
  });

  it('makes zero working days due at closing time of the day of receipt', () => {
    expect(due('2026-03-04T10:00:00+07:00', 0, 'working_days')).toBe('2026-03-04T17:00:00+07:00');
    expect(due('2026-03-04T18:00:00+07:00', 0, 'working_days')).toBe('2026-03-05T17:00:00+07:00');
  });

  it('agrees with addWorkingDays for every working day of 2026', () => {
    for (let day = 0; day < 365; day++) {
      const start = new Date(at('2026-01-01T10:00:00+07:00').getTime() + day * 24 * HOUR);
      if (!isWorkingDay(start)) continue;
      for (const n of [1, 3, 7]) {
        const expected = `${vn(addWorkingDays(start, n)).slice(0, 10)}T17:00:00+07:00`;
        expect(vn(dueDate(start, { value: n, unit: 'working_days' }))).toBe(expected);
      }
    }
  });
});

describe('dueDate in calendar days', () => {
  it('moves a due date on Sunday to Monday closing time', () => {
    expect(due('2026-03-04T10:00:00+07:00', 4, 'days')).toBe('2026-03-09T17:00:00+07:00');
  });

  it.each([
    [2, '2026-03-06T17:00:00+07:00'],
    [3, '2026-03-09T17:00:00+07:00'],
    [5, '2026-03-09T17:00:00+07:00'],
    [6, '2026-03-10T17:00:00+07:00'],
  ])('counts %i days from Wednesday 4 Mar 2026', (value, expected) => {
    expect(due('2026-03-04T10:00:00+07:00', value, 'days')).toBe(expected);
  });

  it('counts holidays in between, unlike working days', () => {
    expect(due('2026-02-13T10:00:00+07:00', 10, 'days')).toBe('2026-02-23T17:00:00+07:00');
  });

  it('moves a due date inside Tết to the first working day after it', () => {
    expect(due('2026-02-10T10:00:00+07:00', 7, 'days')).toBe('2026-02-23T17:00:00+07:00');
  });

  it('keeps a due date on a make-up Saturday', () => {
    expect(due('2026-08-20T10:00:00+07:00', 2, 'days')).toBe('2026-08-22T17:00:00+07:00');
  });

  it('counts an after-hours submission from the next working day', () => {
    expect(due('2026-03-04T16:59:00+07:00', 2, 'days')).toBe('2026-03-06T17:00:00+07:00');
    expect(due('2026-03-04T18:00:00+07:00', 2, 'days')).toBe('2026-03-09T17:00:00+07:00');
  });
});

describe('dueDate in working hours', () => {
  it.each([
    ['2026-03-04T10:30:00+07:00', 4, '2026-03-04T16:00:00+07:00', 'across the lunch break'],
    ['2026-03-04T10:30:00+07:00', 1, '2026-03-04T11:30:00+07:00', 'ending at the lunch break'],
    ['2026-03-04T12:00:00+07:00', 1, '2026-03-04T14:00:00+07:00', 'starting at lunch'],
    ['2026-03-04T15:00:00+07:00', 4, '2026-03-05T09:30:00+07:00', 'overnight'],
    ['2026-03-04T18:00:00+07:00', 1, '2026-03-05T08:30:00+07:00', 'after hours'],
    ['2026-03-06T16:00:00+07:00', 2, '2026-03-09T08:30:00+07:00', 'over a weekend'],
    ['2026-02-13T16:00:00+07:00', 8, '2026-02-23T16:00:00+07:00', 'over Tết'],
    ['2026-03-04T10:30:00+07:00', 0.5, '2026-03-04T11:00:00+07:00', 'for half an hour'],
  ])('counts from %s, %s hours → %s (%s)', (start, value, expected) => {
    expect(due(start, value, 'hours')).toBe(expected);
  });

  it('starts the clock at the next opening time for zero hours after hours', () => {
    expect(due('2026-03-04T10:00:00+07:00', 0, 'hours')).toBe('2026-03-04T10:00:00+07:00');
    expect(due('2026-03-04T18:00:00+07:00', 0, 'hours')).toBe('2026-03-05T07:30:00+07:00');
  });
});

describe('dueDate with pauses', () => {
  // Received Monday 9 Mar 2026; 5 working days run Tue 10 to Mon 16 March.
  const start = '2026-03-09T09:00:00+07:00';
  const withPauses = (...pauses: ReturnType<typeof pause>[]) =>
    due(start, 5, 'working_days', { pauses });

  it('is due Monday 16 March without a pause', () => {
    expect(withPauses()).toBe('2026-03-16T17:00:00+07:00');
  });

  it('pushes the due date by 3 working days for a pause of 3 working days', () => {
    expect(withPauses(pause('2026-03-11T07:30:00+07:00', '2026-03-16T07:30:00+07:00'))).toBe(
      '2026-03-19T17:00:00+07:00',
    );
    // The same stop written from one evening to another: time outside office hours is not counted.
    expect(withPauses(pause('2026-03-10T17:00:00+07:00', '2026-03-13T17:00:00+07:00'))).toBe(
      '2026-03-19T17:00:00+07:00',
    );
  });

  it('counts a pause by the office time it covers, not by the days it touches', () => {
    // Wednesday 10:00 to Friday 10:00 is 16 office hours: exactly two working days.
    expect(withPauses(pause('2026-03-11T10:00:00+07:00', '2026-03-13T10:00:00+07:00'))).toBe(
      '2026-03-18T17:00:00+07:00',
    );
  });

  it('moves the due date into the next day for a pause of part of a day', () => {
    expect(withPauses(pause('2026-03-11T09:00:00+07:00', '2026-03-11T10:00:00+07:00'))).toBe(
      '2026-03-17T17:00:00+07:00',
    );
  });

  it('ignores pauses outside office time or before the clock starts', () => {
    expect(withPauses(pause('2026-03-13T17:00:00+07:00', '2026-03-16T07:30:00+07:00'))).toBe(
      '2026-03-16T17:00:00+07:00',
    );
    expect(withPauses(pause('2026-03-09T10:00:00+07:00', '2026-03-09T16:00:00+07:00'))).toBe(
      '2026-03-16T17:00:00+07:00',
    );
    expect(withPauses(pause('2026-03-02T10:00:00+07:00', '2026-03-05T10:00:00+07:00'))).toBe(
      '2026-03-16T17:00:00+07:00',
    );
  });

  it('counts overlapping pauses once', () => {
    expect(
      withPauses(
        pause('2026-03-12T07:30:00+07:00', '2026-03-16T07:30:00+07:00'),
        pause('2026-03-11T07:30:00+07:00', '2026-03-13T07:30:00+07:00'),
      ),
    ).toBe('2026-03-19T17:00:00+07:00');
  });

  it('stops the working-hours clock for the paused office time', () => {
    const options = { pauses: [pause('2026-03-04T10:30:00+07:00', '2026-03-04T11:00:00+07:00')] };
    expect(due('2026-03-04T10:00:00+07:00', 4, 'hours')).toBe('2026-03-04T15:30:00+07:00');
    expect(due('2026-03-04T10:00:00+07:00', 4, 'hours', options)).toBe('2026-03-04T16:00:00+07:00');
  });

  it('stops the calendar-day clock for the paused calendar time', () => {
    const options = { pauses: [pause('2026-03-06T10:00:00+07:00', '2026-03-09T10:00:00+07:00')] };
    expect(due('2026-03-04T10:00:00+07:00', 10, 'days')).toBe('2026-03-16T17:00:00+07:00');
    expect(due('2026-03-04T10:00:00+07:00', 10, 'days', options)).toBe('2026-03-17T17:00:00+07:00');
  });

  it('refuses a pause that ends before it starts', () => {
    expect(() =>
      withPauses(pause('2026-03-12T07:30:00+07:00', '2026-03-11T07:30:00+07:00')),
    ).toThrow(RangeError);
  });
});

describe('independence from the machine time zone', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('gives the same answer for the same instant however it was written', () => {
    const spellings = [
      at('2026-02-22T23:30:00+07:00'),
      at('2026-02-22T16:30:00Z'),
      at('2026-02-22T11:30:00-05:00'),
      new Date(Date.UTC(2026, 1, 22, 16, 30)),
    ];
    for (const start of spellings) {
      // Sunday night in Vietnam (Sunday afternoon in UTC): received Monday 23, due Tuesday 24.
      expect(vn(dueDate(start, { value: 1, unit: 'working_days' }))).toBe(
        '2026-02-24T17:00:00+07:00',
      );
    }
  });

  it.each(['UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'computes the same under TZ=%s',
    (tz) => {
      process.env.TZ = tz;
      expect(due('2026-02-22T23:30:00+07:00', 1, 'working_days')).toBe('2026-02-24T17:00:00+07:00');
      expect(due('2026-02-13T16:00:00+07:00', 8, 'hours')).toBe('2026-02-23T16:00:00+07:00');
      expect(due('2026-03-04T10:00:00+07:00', 4, 'days')).toBe('2026-03-09T17:00:00+07:00');
      expect(isWorkingDay(at('2026-02-23T00:30:00+07:00'))).toBe(true);
      expect(isWorkingDay(at('2026-02-20T23:59:59+07:00'))).toBe(false);
      expect(
        workingDaysBetween(at('2026-02-13T23:00:00+07:00'), at('2026-02-23T00:30:00+07:00')),
      ).toBe(1);
    },
  );
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-03-04', true, 'an ordinary Wednesday'],
    ['2026-03-07', false, 'a Saturday'],
    ['2026-03-08', false, 'a Sunday'],
    ['2026-02-17', false, 'Tết 2026'],
    ['2026-04-27', false, "the compensatory day for Hùng Kings' day"],
    ['2026-01-10', true, 'make-up Saturday 10 Jan'],
    ['2026-08-22', true, 'make-up Saturday 22 Aug'],
    ['2026-08-29', false, 'the Saturday after it'],
    ['2026-08-31', false, 'swapped Monday 31 Aug'],
    ['2025-04-26', true, 'make-up Saturday 26 Apr 2025'],
    ['2025-05-02', false, 'swapped Friday 2 May 2025'],
    ['2027-04-16', false, "Hùng Kings' day 2027"],
    ['2027-05-03', false, 'the compensatory day for 1/5/2027 on a Saturday'],
  ])('says %s is working: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('reads a Date as the day it falls on in Vietnam', () => {
    expect(isWorkingDay(at('2026-02-23T00:30:00+07:00'))).toBe(true);
    expect(isWorkingDay(at('2026-02-22T23:59:59+07:00'))).toBe(false);
  });

  it('refuses a string that is not a calendar date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('4/3/2026')).toThrow(RangeError);
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it('moves over Tết keeping the time of day', () => {
    const friday = at('2026-02-13T10:00:00+07:00');
    expect(vn(addWorkingDays(friday, 1))).toBe('2026-02-23T10:00:00+07:00');
    expect(vn(addWorkingDays(at('2026-02-23T10:00:00+07:00'), -1))).toBe(
      '2026-02-13T10:00:00+07:00',
    );
    expect(vn(addWorkingDays(friday, 0))).toBe('2026-02-13T10:00:00+07:00');
  });

  it('counts the first working day after a non-working day as one', () => {
    expect(vn(addWorkingDays(at('2026-03-07T10:00:00+07:00'), 1))).toBe(
      '2026-03-09T10:00:00+07:00',
    );
    expect(vn(addWorkingDays(at('2026-03-08T10:00:00+07:00'), -1))).toBe(
      '2026-03-06T10:00:00+07:00',
    );
  });

  it('counts working days left and overdue', () => {
    const received = at('2026-02-13T10:00:00+07:00');
    const deadline = at('2026-02-27T17:00:00+07:00');
    expect(workingDaysBetween(received, deadline)).toBe(5);
    expect(workingDaysBetween(deadline, received)).toBe(-5);
    expect(workingDaysBetween(at('2026-02-27T08:00:00+07:00'), deadline)).toBe(0);
    expect(workingDaysBetween(deadline, at('2026-03-03T09:00:00+07:00'))).toBe(2);
    expect(workingDaysBetween(deadline, at('2026-02-28T09:00:00+07:00'))).toBe(0);
  });

  it('counts a make-up Saturday', () => {
    expect(
      workingDaysBetween(at('2026-08-21T10:00:00+07:00'), at('2026-08-24T10:00:00+07:00')),
    ).toBe(2);
  });

  it('is the inverse of addWorkingDays', () => {
    for (let day = 0; day < 365; day += 3) {
      const start = new Date(at('2026-01-01T09:00:00+07:00').getTime() + day * 24 * HOUR);
      for (const n of [0, 1, 4, 12]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
      }
    }
  });

  it('refuses a fractional number of days', () => {
    expect(() => addWorkingDays(at('2026-03-04T10:00:00+07:00'), 1.5)).toThrow(RangeError);
  });
});

describe('holiday data', () => {
  const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
  const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

  it.each([2025, 2026, 2027])('gives %i the 11 statutory working days off', (year) => {
    const days = VIETNAM_HOLIDAYS[year] ?? [];
    const lost = days.reduce((sum, { date, kind }) => {
      if (kind === 'makeup_workday') return sum - 1;
      return isWeekend(date) ? sum : sum + 1;
    }, 0);
    expect(lost).toBe(11);
  });

  it.each([2025, 2026, 2027])('keeps %i consistent', (year) => {
    const days = VIETNAM_HOLIDAYS[year] ?? [];
    const dates = days.map((day) => day.date);
    expect(dates.every((date) => date.startsWith(`${year}-`))).toBe(true);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
    for (const { date, kind, name } of days) {
      if (kind === 'makeup_workday') expect(isWeekend(date)).toBe(true);
      if (kind === 'compensatory') expect(isWeekend(date)).toBe(false);
      expect(name.vi).not.toBe('');
      expect(name.en).not.toBe('');
    }
  });

  it.each([
    ['2025-01-29', 'Mùng 1 Tết'],
    ['2026-02-17', 'Mùng 1 Tết'],
    ['2025-04-07', 'Hùng Vương'],
    ['2026-04-26', 'Hùng Vương'],
    ['2027-04-16', 'Hùng Vương'],
  ])('puts the lunar holiday on %s (%s)', (date, name) => {
    const entry = Object.values(VIETNAM_HOLIDAYS)
      .flat()
      .find((day) => day.date === date);
    expect(entry?.kind).toBe('holiday');
    expect(entry?.name.vi).toContain(name);
  });

  it('marks estimates as provisional only where no schedule was announced', () => {
    const provisional = Object.values(VIETNAM_HOLIDAYS)
      .flat()
      .filter((day) => day.provisional)
      .map((day) => day.date);
    expect(provisional).toEqual([
      '2027-02-04',
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-09-03',
    ]);
  });

  it('feeds every year into VIETNAM_CALENDAR', () => {
    expect(VIETNAM_CALENDAR.days).toEqual(Object.values(VIETNAM_HOLIDAYS).flat());
    expect(VIETNAM_CALENDAR.utcOffsetMinutes).toBe(420);
  });
});

describe('other calendars', () => {
  const hanoiHours: WorkingCalendar = {
    ...VIETNAM_CALENDAR,
    workingHours: [
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ],
  };

  it('uses the configured office hours', () => {
    const start = at('2026-03-04T11:00:00+07:00');
    expect(vn(dueDate(start, { value: 2, unit: 'hours' }, hanoiHours))).toBe(
      '2026-03-04T14:00:00+07:00',
    );
    expect(vn(dueDate(start, { value: 2, unit: 'hours' }))).toBe('2026-03-04T14:30:00+07:00');
  });

  it('works with another offset, weekend and no lunch break', () => {
    const calendar: WorkingCalendar = {
      utcOffsetMinutes: 0,
      workingHours: [{ from: '08:00', to: '16:00' }],
      weekendDays: [5, 6],
      days: [],
    };
    const thursday = at('2026-03-05T10:00:00Z');
    expect(dueDate(thursday, { value: 1, unit: 'working_days' }, calendar).toISOString()).toBe(
      '2026-03-08T16:00:00.000Z',
    );
    expect(dueDate(thursday, { value: 7, unit: 'hours' }, calendar).toISOString()).toBe(
      '2026-03-08T09:00:00.000Z',
    );
  });

  it.each([
    [
      'overlapping periods',
      {
        workingHours: [
          { from: '08:00', to: '12:00' },
          { from: '11:00', to: '17:00' },
        ],
      },
    ],
    ['a malformed time', { workingHours: [{ from: '8:00', to: '12:00' }] }],
    ['no working period', { workingHours: [] }],
    ['no working day', { weekendDays: [0, 1, 2, 3, 4, 5, 6] }],
    [
      'a date listed twice',
      {
        days: [
          { date: '2026-03-04', kind: 'holiday', name: { vi: 'a', en: 'a' } },
          { date: '2026-03-04', kind: 'makeup_workday', name: { vi: 'b', en: 'b' } },
        ],
      },
    ],
  ] as const)('refuses a calendar with %s', (_, override) => {
    const calendar = { ...VIETNAM_CALENDAR, ...override } as WorkingCalendar;
    expect(() =>
      dueDate(at('2026-03-04T10:00:00+07:00'), { value: 1, unit: 'working_days' }, calendar),
    ).toThrow(RangeError);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses a duration of %s', (value) => {
    expect(() => dueDate(at('2026-03-04T10:00:00+07:00'), { value, unit: 'days' })).toThrow(
      RangeError,
    );
  });

  it('refuses an invalid start', () => {
    expect(() => dueDate(new Date('not a date'), { value: 1, unit: 'days' })).toThrow(RangeError);
  });
});
