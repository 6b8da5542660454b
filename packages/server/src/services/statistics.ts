import type { LocalizedText, OnTimeRow, OnTimeStatistics, StatisticsQuery } from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import { DomainError } from './domain-error.js';

/** The longest period one request may count: ten years. */
const MAX_PERIOD_DAYS = 3_660;

/**
 * A real calendar day from 1900 to 9999 as its UTC midnight, or a 400: `0000-01-01` and
 * `2025-02-31` match the date pattern, yet the first is no year PostgreSQL takes and the second
 * no day at all; both reached the database as a 500 before.
 */
function calendarDay(text: string, field: 'from' | 'to'): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [];
  const time = match ? Date.UTC(year as number, (month as number) - 1, day as number) : Number.NaN;
  const date = new Date(time);
  if (
    !match ||
    (year as number) < 1900 ||
    (year as number) > 9999 ||
    date.getUTCMonth() !== (month as number) - 1 ||
    date.getUTCDate() !== day
  ) {
    throw badDates(field, {
      vi: `${field} phải là một ngày có thật dạng YYYY-MM-DD, từ năm 1900 đến 9999.`,
      en: `${field} must be a real date as YYYY-MM-DD, from year 1900 to 9999.`,
    });
  }
  return time;
}

function badDates(field: string, message: LocalizedText): DomainError {
  return new DomainError('invalid', message, {
    errors: [{ path: field, code: 'invalid_date', message }],
  });
}

/**
 * The instants bounding a period of Vietnam calendar days `from`–`to` (both included), or a 400
 * for a date that does not exist, `to` before `from`, or more than ten years.
 */
export function checkedPeriod(fromText: string, toText: string): { start: Date; end: Date } {
  const from = calendarDay(fromText, 'from');
  const to = calendarDay(toText, 'to');
  if (to < from)
    throw badDates('to', {
      vi: '`to` phải sau hoặc bằng `from`.',
      en: '`to` must not be before `from`.',
    });
  if (to - from > MAX_PERIOD_DAYS * 86_400_000) {
    throw badDates('to', {
      vi: `Khoảng thời gian tối đa ${MAX_PERIOD_DAYS} ngày.`,
      en: `The period is at most ${MAX_PERIOD_DAYS} days.`,
    });
  }
  // Computed here: SQL's POSIX offsets ('+07') read backwards.
  return {
    start: new Date(`${fromText}T00:00:00+07:00`),
    end: new Date(Date.parse(`${toText}T00:00:00+07:00`) + 86_400_000),
  };
}

interface CountRow {
  key: string;
  name: string;
  received: number;
  resolved_on_time: number;
  resolved_late: number;
  in_progress: number;
  overdue: number;
}

/**
 * On-time figures for dossiers received in [from, to] (Vietnam dates), per agency or procedure:
 * resolved on time or late (completed after the due date), still open, and open past due at the
 * end of the period.
 */
export async function onTimeStatistics(
  db: Queryable,
  query: StatisticsQuery,
): Promise<OnTimeStatistics> {
  const { start, end } = checkedPeriod(query.from, query.to);
  const byAgency = query.groupBy === 'agency';
  const params: unknown[] = [start.toISOString(), end.toISOString()];
  const filters: string[] = [];
  if (query.agencyCode) {
    params.push(query.agencyCode);
    filters.push(`d.agency_code = $${params.length}`);
  }
  if (query.procedureCode) {
    params.push(query.procedureCode);
    filters.push(`d.procedure_code = $${params.length}`);
  }
  const rows = await db.query<CountRow>(
    `with period as (
       select $1::timestamptz as start_at, $2::timestamptz as end_at
     )
     select ${byAgency ? "coalesce(d.agency_code, '')" : 'd.procedure_code'} as key,
            ${byAgency ? "coalesce(min(a.name), '')" : 'min(p.name)'} as name,
            count(*)::int as received,
            count(*) filter (where d.completed_at is not null and d.status in ('resolved', 'returned')
                             and (d.due_at is null or d.completed_at <= d.due_at))::int as resolved_on_time,
            count(*) filter (where d.completed_at is not null and d.status in ('resolved', 'returned')
                             and d.due_at is not null and d.completed_at > d.due_at)::int as resolved_late,
            count(*) filter (where d.completed_at is null or d.completed_at >= period.end_at)::int as in_progress,
            count(*) filter (where (d.completed_at is null or d.completed_at >= period.end_at) and d.due_at is not null
                             and d.due_at < least(period.end_at, coalesce(d.paused_since, period.end_at)))::int as overdue
       from dossiers d cross join period
       left join agencies a on a.code = d.agency_code
       left join procedures p on p.code = d.procedure_code
      where d.received_at >= period.start_at and d.received_at < period.end_at
        ${filters.map((f) => `and ${f}`).join(' ')}
      group by 1 order by 1`,
    params,
  );
  const toRow = (row: CountRow): OnTimeRow => {
    const resolved = row.resolved_on_time + row.resolved_late;
    return {
      key: row.key,
      name: row.name,
      received: row.received,
      resolvedOnTime: row.resolved_on_time,
      resolvedLate: row.resolved_late,
      inProgress: row.in_progress,
      overdue: row.overdue,
      onTimeRate: resolved ? row.resolved_on_time / resolved : null,
    };
  };
  const items = rows.map(toRow);
  const sum = (field: keyof CountRow) => rows.reduce((total, row) => total + Number(row[field]), 0);
  const total = toRow({
    key: 'total',
    name: 'Tổng cộng',
    received: sum('received'),
    resolved_on_time: sum('resolved_on_time'),
    resolved_late: sum('resolved_late'),
    in_progress: sum('in_progress'),
    overdue: sum('overdue'),
  });
  return { from: query.from, to: query.to, groupBy: query.groupBy, rows: items, total };
}
