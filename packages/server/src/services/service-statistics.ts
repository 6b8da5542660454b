import {
  DEFAULT_SURVEY,
  type SatisfactionSummary,
  type ServiceStatistics,
  type ServiceStatisticsQuery,
  type ServiceStatisticsRow,
} from '@egov-kit/schema';
import type { Database, Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import { DomainError } from './domain-error.js';
import { checkedPeriod } from './statistics.js';
import { DEFAULT_SURVEY_OPTIONS, type SurveyOptions } from './surveys.js';
import { ensureWorkingCalendar } from './working-calendar.js';

/**
 * The operations centre's figures (Decision 766/QĐ-TTg's groups on on-time processing, online
 * services and satisfaction), computed in SQL over the dossiers received in a period:
 *
 * - received, resolved (result issued: `resolved` or `returned`), on time (completed by `due_at`,
 *   which already counts the pauses of the clock) and late;
 * - in progress and overdue *now*: open (neither completed nor refused: a dossier refused after
 *   receipt has no completion time, yet is no longer in progress), past due, and not paused
 *   waiting for the citizen;
 * - processing time in working days: the working days of the Vietnam calendar (weekends,
 *   holidays, compensatory days off and make-up working days) from the day received to the day
 *   resolved, counted on a `working_calendar` table — a running count of working days per day,
 *   so that one subtraction per dossier replaces a loop;
 * - submitted online (`channel = 'online'`) and paid online (a `paid` payment by any provider
 *   but cash at the desk);
 * - satisfaction: mean scores per criterion from `survey_scores`, withheld for a group with fewer
 *   than `minGroupSize` responses, and for one more group when only one would be withheld (the
 *   total minus the shown rows would otherwise give it away).
 *
 * The settled dossiers and closed surveys are read from `statistics_rollup` (see
 * statistics-rollup.ts: per received day or month × agency × procedure × channel, with the
 * histogram of working days, so the mean and the 90th percentile stay exact); the rows still
 * pending are counted live, by the same expressions, in the same snapshot.
 *
 * Officers see their own agency only (asking for another is a 403); administrators any or all.
 */
export async function serviceStatistics(
  db: Queryable,
  principal: Principal,
  query: ServiceStatisticsQuery,
  options: SurveyOptions = DEFAULT_SURVEY_OPTIONS,
  now: Date = new Date(),
): Promise<ServiceStatistics> {
  const { start, end } = checkedPeriod(query.from, query.to);
  const agencyCode = agencyInScope(principal, query.agencyCode);
  await ensureWorkingCalendar(db);
  const params: unknown[] = [start.toISOString(), end.toISOString()];
  const filters: string[] = [];
  const filter = (sql: string, value: unknown) => {
    params.push(value);
    filters.push(sql.replace('?', `$${params.length}`));
  };
  if (agencyCode !== undefined) filter('d.agency_code = ?', agencyCode);
  if (query.procedureCode) filter('d.procedure_code = ?', query.procedureCode);
  if (query.field) filter('p.field = ?', query.field);
  if (query.channel) filter('d.channel = ?', query.channel);
  const grouping = GROUPINGS[query.groupBy];
  const where = filters.map((f) => `and ${f}`).join(' ');
  // The same filters on the roll-up's columns (field comes from procedures in both).
  const rolledWhere = where
    .replaceAll('d.agency_code', 'r.agency_code')
    .replaceAll('d.procedure_code', 'r.procedure_code')
    .replaceAll('d.channel', 'r.channel');
  const nowParam = `$${params.length + 1}::timestamptz`;
  // Procedures for the field and the procedure's name, agencies for the agency's: joined only
  // when asked for (every dossier has its procedure: a foreign key).
  const joins = (alias: 'd' | 'r') =>
    [
      query.field || query.groupBy === 'field' || query.groupBy === 'procedure'
        ? `join procedures p on p.code = ${alias}.procedure_code`
        : '',
      query.groupBy === 'agency' ? `left join agencies a on a.code = ${alias}.agency_code` : '',
    ].join('\n');
  // In one transaction whose settings end with it: one snapshot for the roll-up and the live
  // rows (a sweep committing between the two reads would count its batch twice, or not at
  // all), no JIT (for a scan of many rows PostgreSQL's cost estimate turns on LLVM inlining
  // and optimisation, seconds of compiling for a query that runs in less), and room to sort in
  // memory rather than on disk.
  const run = <T>(work: (q: Queryable) => Promise<T>): Promise<T> =>
    'transaction' in db
      ? (db as Database).transaction(async (tx) => {
          await tx.query('set transaction isolation level repeatable read, read only');
          // No parallel workers either: starting them costs more than these scans take.
          await tx.query(
            `select set_config('jit', 'off', true), set_config('work_mem', '64MB', true),
                    set_config('max_parallel_workers_per_gather', '0', true)`,
          );
          return work(tx);
        })
      : work(db);
  const { counts, scores } = await run(async (q) => {
    // Until the roll-up is first built (see statistics-rollup.ts), every row counts live.
    const [state] = await q.query<{ built: boolean }>('select built from statistics_state');
    const built = state?.built ?? false;
    const pending = built ? 'd.stats_pending and' : '';
    const rolled = built ? await rolledUpRows(q) : { cells: [], scores: [] };
    return {
      counts: rollUp([
        ...rolled.cells,
        ...(await liveCountCells(q, pending, built ? 'and y.stats_pending' : '')),
      ]),
      scores: scoreTotals(
        mergeScoreCells([
          ...rolled.scores,
          ...(await liveScoreCells(q, built ? 'sr.stats_pending and' : '')),
        ]),
      ),
    };
  });
  return assemble(counts, scores);

  // The roll-up's rows of the period (see bucketsOf). One row per group; the working-day
  // histogram and the score arrays summed element by element.
  async function rolledUpRows(q: Queryable): Promise<{ cells: Cell[]; scores: ScoreCell[] }> {
    const ranges = bucketsOf(query.from, query.to, query.groupBy !== 'month');
    const criteria = await q.query<{ criterion: string; position: number }>(
      'select criterion, position from statistics_criteria order by position',
    );
    const sums = (column: string, count: number) =>
      Array.from({ length: count }, (_, i) => `sum(r.${column}[${i + 1}])::int`).join(', ');
    const at = params.length;
    const rows = await q.query<RolledRow>(
      `select ${grouping.rolledKey} as key, min(${grouping.rolledName}) as name,
              sum(r.received)::int as received, sum(r.resolved)::int as resolved,
              sum(r.resolved_on_time)::int as resolved_on_time,
              sum(r.in_progress)::int as in_progress, sum(r.overdue)::int as overdue_now,
              (sum(r.received) filter (where r.channel = 'online'))::int as submitted_online,
              sum(r.paid)::int as paid, sum(r.paid_online)::int as paid_online,
              array[${sums('days', HISTOGRAM_COLUMNS)}] as days,
              jsonb_agg(r.days[${HISTOGRAM_COLUMNS + 1}:])
                filter (where cardinality(r.days) > ${HISTOGRAM_COLUMNS}) as days_tail,
              sum(r.responses)::int as responses,
              array[${sums('score_total', criteria.length) || 'null'}]::int[] as score_total,
              array[${sums('score_count', criteria.length) || 'null'}]::int[] as score_count,
              array[${sums('score_satisfied', criteria.length) || 'null'}]::int[] as score_satisfied
         from (${ranges
           .map(
             (_, n) =>
               `select * from statistics_rollup
                      where grain = $${at + 3 * n + 1} and bucket >= $${at + 3 * n + 2}::date
                        and bucket < $${at + 3 * n + 3}::date`,
           )
           .join(' union all ')}) r
         ${joins('r')}
        where $1::date <= $2::date ${rolledWhere}
        group by 1`,
      // $1, $2: the period's days (the ranges cover them), in place of the live query's instants.
      [query.from, query.to, ...params.slice(2), ...ranges.flat()],
    );
    const cells: Cell[] = [];
    const scoreCells: ScoreCell[] = [];
    for (const row of rows) {
      const hist: number[] = row.days.map((count) => count ?? 0);
      for (const tail of row.days_tail ?? []) {
        tail.forEach((count, i) => {
          const index = HISTOGRAM_COLUMNS + i;
          hist[index] = (hist[index] ?? 0) + count;
        });
      }
      cells.push({ ...row, days: null, histogram: hist.map((count, days) => [days, count]) });
      if (!row.responses) continue;
      const all: ScoreCell = {
        key: row.key,
        criterion: null,
        responses: row.responses,
        total: 0,
        scores: 0,
        satisfied: 0,
      };
      criteria.forEach(({ criterion }, i) => {
        const scores = row.score_count[i] ?? 0;
        if (!scores) return;
        const cell: ScoreCell = {
          key: row.key,
          criterion,
          // One score per dossier and criterion: the count is the number of responses.
          responses: scores,
          total: row.score_total[i] ?? 0,
          scores,
          satisfied: row.score_satisfied[i] ?? 0,
        };
        scoreCells.push(cell);
        all.total += cell.total;
        all.scores += cell.scores;
        all.satisfied += cell.satisfied;
      });
      scoreCells.push(all);
    }
    return { cells, scores: scoreCells };
  }

  // The dossiers of the period not rolled up yet (open, or settled since the last sweep: the
  // partial index dossiers_stats_pending finds them and covers what is counted), by group and
  // working days taken (looked up for the resolved ones only); with the payments of pending
  // dossiers only (payments_stats_pending), not a scan of all payments.
  async function liveCountCells(q: Queryable, pending: string, payments: string): Promise<Cell[]> {
    const cells = await q.query<CellRow>(
      `select ${grouping.key} as key, min(${grouping.name}) as name,
              case when d.completed_at is not null and d.status in ('resolved', 'returned')
                   then greatest(
                     (select w2.working_index from working_calendar w2
                       where w2.day = ((d.completed_at at time zone 'UTC') + interval '7 hours')::date)
                     - (select w1.working_index from working_calendar w1
                         where w1.day = ((d.received_at at time zone 'UTC') + interval '7 hours')::date),
                     0) end as days,
              count(*)::int as received,
              count(*) filter (where d.completed_at is not null
                               and d.status in ('resolved', 'returned'))::int as resolved,
              count(*) filter (where d.completed_at is not null and d.status in ('resolved', 'returned')
                               and (d.due_at is null or d.completed_at <= d.due_at))::int
                as resolved_on_time,
              count(*) filter (where d.completed_at is null and d.status <> 'rejected')::int
                as in_progress,
              count(*) filter (where d.completed_at is null and d.status <> 'rejected'
                               and d.paused_since is null
                               and d.due_at is not null and d.due_at < ${nowParam})::int as overdue_now,
              count(*) filter (where d.channel = 'online')::int as submitted_online,
              count(*) filter (where pay.paid)::int as paid,
              count(*) filter (where pay.online)::int as paid_online
         from dossiers d
         ${joins('d')}
         left join (select y.dossier_id, true as paid, bool_or(y.provider <> 'cash') as online
                      from payments y where y.status = 'paid' ${payments} group by y.dossier_id) pay
           on pay.dossier_id = d.id
        where ${pending} d.received_at is not null
          and d.received_at >= $1::timestamptz and d.received_at < $2::timestamptz ${where}
        group by 1, 3`,
      [...params, now.toISOString()],
    );
    return cells.map((cell) => ({
      ...cell,
      histogram:
        cell.days !== null && cell.resolved ? [[Number(cell.days), cell.resolved] as const] : [],
    }));
  }

  // Satisfaction per group and criterion, and responses per group, of the survey responses not
  // rolled up yet (still open to change: survey_responses_stats_pending finds them).
  async function liveScoreCells(q: Queryable, pending: string): Promise<ScoreCell[]> {
    return q.query<ScoreCell>(
      `select ${grouping.key} as key, s.criterion,
              count(distinct s.dossier_id)::int as responses,
              sum(s.score)::int as total,
              count(*)::int as scores,
              count(*) filter (where s.score >= 4)::int as satisfied
         from survey_responses sr
         join survey_scores s on s.dossier_id = sr.dossier_id
         join dossiers d on d.id = s.dossier_id
         ${joins('d')}
        where ${pending} d.received_at >= $1::timestamptz and d.received_at < $2::timestamptz ${where}
        group by grouping sets ((1, 2), (1))`,
      params,
    );
  }

  function assemble(counts: CountRow[], scores: ScoreRow[]): ServiceStatistics {
    const minGroupSize = Math.max(1, options.minGroupSize);
    const summaries = summarise(scores, minGroupSize);
    const rows = counts.filter((row) => !row.is_total).map((row) => toRow(row, summaries));
    const totalRow = counts.find((row) => row.is_total);
    const total = toRow(totalRow ?? { ...EMPTY, key: 'total', name: '' }, summaries, TOTAL_KEY);
    total.key = 'total';
    total.name = 'Tổng cộng';
    withholdComplement(rows, total);
    return {
      from: query.from,
      to: query.to,
      groupBy: query.groupBy,
      agencyCode: agencyCode ?? null,
      minGroupSize,
      generatedAt: now.toISOString(),
      criteria: DEFAULT_SURVEY.criteria,
      rows,
      total,
    };
  }
}

/** One cell of the live count query: a group and a number of working days (null: not resolved). */
interface CellRow {
  key: string;
  name: string;
  days: number | null;
  received: number;
  resolved: number;
  resolved_on_time: number;
  in_progress: number;
  overdue_now: number;
  submitted_online: number;
  paid: number;
  paid_online: number;
}

/** Counts of a group, from the live query or the roll-up, with its working-days histogram. */
type Cell = CellRow & { histogram: ReadonlyArray<readonly [days: number, count: number]> };

/** One group's sums over the roll-up rows of the period. */
interface RolledRow extends Omit<CellRow, 'days'> {
  days: (number | null)[];
  days_tail: number[][] | null;
  responses: number;
  score_total: (number | null)[];
  score_count: (number | null)[];
  score_satisfied: (number | null)[];
}

/**
 * How many of the histogram's counts are summed in SQL column by column (0 to 23 working
 * days); the rarer longer ones come as arrays and are added here.
 */
const HISTOGRAM_COLUMNS = 24;

const SUMMED = [
  'received',
  'resolved',
  'resolved_on_time',
  'in_progress',
  'overdue_now',
  'submitted_online',
  'paid',
  'paid_online',
] as const;

/** A run of roll-up rows: the grain, the first bucket and the bucket after the last. */
type BucketRange = [grain: 'day' | 'week' | 'month' | 'year', from: string, to: string];

/**
 * The roll-up rows that cover the Vietnam days `from`–`to` (both included), each day once and as
 * few rows as can be: with `years` (not when grouping by month) year rows for the years wholly
 * inside; month rows for the months wholly inside the rest, and at each end the weeks (a week
 * within a month: from the Monday or the 1st) wholly inside, then single days.
 */
export function bucketsOf(from: string, to: string, years = false): BucketRange[] {
  const DAY = 86_400_000;
  const day = (text: string) => Date.parse(`${text}T00:00:00Z`);
  const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
  const monthStart = (time: number) => {
    const d = new Date(time);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  };
  const nextMonth = (time: number) => {
    const d = new Date(time);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  };
  // A week row starts on a Monday or on the 1st of a month.
  const weekStart = (time: number) => {
    const d = new Date(time);
    return d.getUTCDay() === 1 || d.getUTCDate() === 1;
  };
  const start = day(from);
  const end = day(to) + DAY;
  const ranges: BucketRange[] = [];
  // Weeks wholly inside [a, b), days around them.
  const edge = (a: number, b: number) => {
    if (a >= b) return;
    let first = a;
    while (first < b && !weekStart(first)) first += DAY;
    // The end of the last week wholly inside: the last day up to b that starts a week (b itself
    // when it is the 1st of a month or a Monday).
    let last = first;
    for (let t = first + DAY; t <= b; t += DAY) if (weekStart(t)) last = t;
    if (first < last) {
      if (a < first) ranges.push(['day', iso(a), iso(first)]);
      ranges.push(['week', iso(first), iso(last)]);
      if (last < b) ranges.push(['day', iso(last), iso(b)]);
    } else {
      ranges.push(['day', iso(a), iso(b)]);
    }
  };
  // Whole months inside [a, b), weeks and days around them.
  const months = (a: number, b: number) => {
    const firstWhole = a === monthStart(a) ? a : nextMonth(a);
    const afterWhole = monthStart(b);
    if (firstWhole < afterWhole) {
      edge(a, firstWhole);
      ranges.push(['month', iso(firstWhole), iso(afterWhole)]);
      edge(afterWhole, b);
    } else {
      edge(a, b);
    }
  };
  const yearStart = (time: number) => Date.UTC(new Date(time).getUTCFullYear(), 0, 1);
  const firstYear =
    start === yearStart(start) ? start : Date.UTC(new Date(start).getUTCFullYear() + 1, 0, 1);
  const afterYear = yearStart(end);
  if (years && firstYear < afterYear) {
    months(start, firstYear);
    ranges.push(['year', iso(firstYear), iso(afterYear)]);
    months(afterYear, end);
  } else {
    months(start, end);
  }
  return ranges;
}

/**
 * The figures of each group and of the total from the cells: counts summed, and the mean and
 * 90th percentile of working days from the histogram — `percentile_cont(0.9)`'s linear
 * interpolation, exact because working days are whole.
 */
function rollUp(cells: Cell[]): CountRow[] {
  const groups = new Map<string, { row: CountRow; days: Map<number, number> }>();
  const entry = (key: string, name: string, total: boolean) => {
    let found = groups.get(total ? TOTAL_KEY : key);
    if (!found) {
      found = { row: { ...EMPTY, key, name, is_total: total ? 1 : 0 }, days: new Map() };
      groups.set(total ? TOTAL_KEY : key, found);
    }
    return found;
  };
  for (const cell of cells) {
    for (const target of [entry(cell.key, cell.name, false), entry('total', '', true)]) {
      for (const field of SUMMED) target.row[field] += cell[field] ?? 0;
      for (const [days, count] of cell.histogram) {
        if (count) target.days.set(days, (target.days.get(days) ?? 0) + count);
      }
    }
  }
  return [...groups.values()]
    .map(({ row, days }) => {
      const sorted = [...days.entries()].sort((a, b) => a[0] - b[0]);
      const n = sorted.reduce((sum, [, count]) => sum + count, 0);
      const valueAt = (index: number) => {
        let seen = 0;
        for (const [value, count] of sorted) {
          seen += count;
          if (index < seen) return value;
        }
        return sorted.at(-1)?.[0] ?? 0;
      };
      const position = (n - 1) * 0.9;
      const low = valueAt(Math.floor(position));
      const high = valueAt(Math.ceil(position));
      return {
        ...row,
        resolved_late: row.resolved - row.resolved_on_time,
        average_days: n ? sorted.reduce((sum, [v, c]) => sum + v * c, 0) / n : null,
        p90_days: n ? low + (high - low) * (position - Math.floor(position)) : null,
      };
    })
    .sort((a, b) => a.is_total - b.is_total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** One cell of the score query: a group and a criterion (null: all the group's responses). */
interface ScoreCell {
  key: string;
  criterion: string | null;
  responses: number;
  total: number;
  scores: number;
  satisfied: number;
}

/** One cell per group and criterion: the roll-up's and the live query's added together. */
function mergeScoreCells(cells: ScoreCell[]): ScoreCell[] {
  const merged = new Map<string, ScoreCell>();
  for (const cell of cells) {
    const id = `${cell.key}\u0000${cell.criterion ?? ''}\u0000${cell.criterion === null}`;
    const found = merged.get(id);
    if (!found) {
      merged.set(id, { ...cell, total: Number(cell.total) });
      continue;
    }
    found.responses += cell.responses;
    found.total += Number(cell.total);
    found.scores += cell.scores;
    found.satisfied += cell.satisfied;
  }
  return [...merged.values()];
}

/** Each group's and criterion's mean, and the same over all groups (a null key). */
function scoreTotals(cells: ScoreCell[]): ScoreRow[] {
  const all = new Map<string | null, ScoreCell>();
  for (const cell of cells) {
    const sum = all.get(cell.criterion) ?? {
      key: TOTAL_KEY,
      criterion: cell.criterion,
      responses: 0,
      total: 0,
      scores: 0,
      satisfied: 0,
    };
    // Each dossier is in one group: responses add up across groups.
    sum.responses += cell.responses;
    sum.total += Number(cell.total);
    sum.scores += cell.scores;
    sum.satisfied += cell.satisfied;
    all.set(cell.criterion, sum);
  }
  return [...cells, ...all.values()].map((cell) => ({
    key: cell.key === TOTAL_KEY ? null : cell.key,
    criterion: cell.criterion,
    responses: cell.responses,
    average: cell.scores ? Number(cell.total) / cell.scores : 0,
    scores: cell.scores,
    satisfied: cell.satisfied,
  }));
}

/**
 * The SQL of each grouping: the key and its display name over `dossiers d` (live), and over
 * `statistics_rollup r` (whose agency code is '' for none, as the live key).
 */
const GROUPINGS = {
  agency: {
    key: "coalesce(d.agency_code, '')",
    name: "coalesce(a.name, '')",
    rolledKey: 'r.agency_code',
    rolledName: "coalesce(a.name, '')",
  },
  procedure: {
    key: 'd.procedure_code',
    name: 'p.name',
    rolledKey: 'r.procedure_code',
    rolledName: 'p.name',
  },
  field: { key: 'p.field', name: 'p.field', rolledKey: 'p.field', rolledName: 'p.field' },
  month: {
    key: "to_char((d.received_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM')",
    name: "to_char((d.received_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM')",
    rolledKey: "to_char(r.bucket, 'YYYY-MM')",
    rolledName: "to_char(r.bucket, 'YYYY-MM')",
  },
} as const;

const TOTAL_KEY = '\u0000total';

interface CountRow {
  key: string;
  name: string;
  received: number;
  resolved: number;
  resolved_on_time: number;
  resolved_late: number;
  in_progress: number;
  overdue_now: number;
  average_days: number | null;
  p90_days: number | null;
  submitted_online: number;
  paid: number;
  paid_online: number;
  is_total: number;
}

const EMPTY: CountRow = {
  key: '',
  name: '',
  received: 0,
  resolved: 0,
  resolved_on_time: 0,
  resolved_late: 0,
  in_progress: 0,
  overdue_now: 0,
  average_days: null,
  p90_days: null,
  submitted_online: 0,
  paid: 0,
  paid_online: 0,
  is_total: 1,
};

interface ScoreRow {
  key: string | null;
  criterion: string | null;
  responses: number;
  average: number;
  scores: number;
  satisfied: number;
}

const ratio = (part: number, whole: number) => (whole ? part / whole : null);
const round = (value: number | null, digits = 2) =>
  value === null || value === undefined ? null : Number(Number(value).toFixed(digits));

function toRow(
  row: CountRow,
  summaries: Map<string, SatisfactionSummary>,
  summaryKey = row.key,
): ServiceStatisticsRow {
  return {
    key: row.key,
    name: row.name ?? row.key,
    received: row.received,
    resolved: row.resolved,
    resolvedOnTime: row.resolved_on_time,
    resolvedLate: row.resolved_late,
    inProgress: row.in_progress,
    overdueNow: row.overdue_now,
    onTimeRate: ratio(row.resolved_on_time, row.resolved),
    averageWorkingDays: round(row.average_days),
    p90WorkingDays: round(row.p90_days),
    submittedOnline: row.submitted_online,
    onlineShare: ratio(row.submitted_online, row.received),
    paid: row.paid,
    paidOnline: row.paid_online,
    paidOnlineShare: ratio(row.paid_online, row.paid),
    satisfaction: summaries.get(summaryKey) ?? {
      responses: 0,
      suppressed: false,
      average: null,
      satisfiedShare: null,
      criteria: [],
    },
  };
}

/** Groups the score rows into one summary per key, withholding the small groups. */
function summarise(rows: ScoreRow[], minGroupSize: number): Map<string, SatisfactionSummary> {
  const order = new Map(DEFAULT_SURVEY.criteria.map((c, i) => [c.code, i]));
  const byKey = new Map<string, { all?: ScoreRow; criteria: ScoreRow[] }>();
  for (const row of rows) {
    // A null key is a row of the grand total; a null criterion, all criteria of the group.
    const key = row.key === null ? TOTAL_KEY : row.key;
    const entry = byKey.get(key) ?? { criteria: [] };
    if (row.criterion === null) entry.all = row;
    else entry.criteria.push(row);
    byKey.set(key, entry);
  }
  const summaries = new Map<string, SatisfactionSummary>();
  for (const [key, entry] of byKey) {
    const responses = entry.all?.responses ?? 0;
    const suppressed = responses < minGroupSize;
    summaries.set(key, {
      responses,
      suppressed,
      average: suppressed || !entry.all ? null : (round(entry.all.average) as number),
      satisfiedShare:
        suppressed || !entry.all ? null : round(entry.all.satisfied / entry.all.scores, 4),
      criteria: suppressed
        ? []
        : entry.criteria
            .sort(
              (a, b) =>
                (order.get(a.criterion as string) ?? 99) - (order.get(b.criterion as string) ?? 99),
            )
            .map((c) => ({
              criterion: c.criterion as string,
              average: round(c.average) as number,
            })),
    });
  }
  return summaries;
}

/**
 * When exactly one group's scores are withheld and the total is shown, the total and the other
 * groups would give that group's scores away: withhold the smallest other group with responses
 * too (complementary suppression, as statistics offices do for small cells).
 */
function withholdComplement(rows: ServiceStatisticsRow[], total: ServiceStatisticsRow): void {
  const withheld = rows.filter((r) => r.satisfaction.suppressed && r.satisfaction.responses > 0);
  if (withheld.length !== 1 || total.satisfaction.suppressed) return;
  const shown = rows
    .filter((r) => !r.satisfaction.suppressed && r.satisfaction.responses > 0)
    .sort((a, b) => a.satisfaction.responses - b.satisfaction.responses);
  const smallest = shown[0];
  if (smallest) {
    smallest.satisfaction = {
      responses: smallest.satisfaction.responses,
      suppressed: true,
      average: null,
      satisfiedShare: null,
      criteria: [],
    };
  }
}

/** The agency a caller may count: an officer's own (another is refused), an admin's choice. */
function agencyInScope(principal: Principal, asked: string | undefined): string | undefined {
  if (principal.role === 'admin') return asked || undefined;
  if (principal.role === 'officer' && principal.agencyCode) {
    if (asked && asked !== principal.agencyCode) {
      throw new DomainError('forbidden', {
        vi: 'Cán bộ chỉ xem được số liệu của cơ quan mình.',
        en: 'Officers see the figures of their own agency only.',
      });
    }
    return principal.agencyCode;
  }
  throw new DomainError('forbidden', {
    vi: 'Chỉ cán bộ và quản trị viên xem được số liệu này.',
    en: 'Only officers and administrators see these figures.',
  });
}
