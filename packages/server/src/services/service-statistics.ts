import { createHash } from 'node:crypto';
import {
  DEFAULT_SURVEY,
  isWorkingDay,
  type SatisfactionSummary,
  type ServiceStatistics,
  type ServiceStatisticsQuery,
  type ServiceStatisticsRow,
  VIETNAM_CALENDAR,
  type WorkingCalendar,
} from '@egov-kit/schema';
import type { Database, Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import { DomainError } from './domain-error.js';
import { checkedPeriod } from './statistics.js';
import { DEFAULT_SURVEY_OPTIONS, type SurveyOptions } from './surveys.js';

/**
 * The operations centre's figures (Decision 766/QĐ-TTg's groups on on-time processing, online
 * services and satisfaction), computed in SQL over the dossiers received in a period:
 *
 * - received, resolved (result issued: `resolved` or `returned`), on time (completed by `due_at`,
 *   which already counts the pauses of the clock) and late;
 * - in progress and overdue *now* (open, past due, and not paused waiting for the citizen);
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
  const { key, name } = GROUPINGS[query.groupBy];
  const where = filters.map((f) => `and ${f}`).join(' ');
  const nowParam = `$${params.length + 1}::timestamptz`;
  // In one transaction whose settings end with it: no JIT (for a scan of many
  // dossiers PostgreSQL's cost estimate turns on LLVM inlining and optimisation, seconds of
  // compiling for a query that runs in less), and room to sort in memory rather than on disk.
  const run = <T>(work: (q: Queryable) => Promise<T>): Promise<T> =>
    'transaction' in db
      ? (db as Database).transaction(async (tx) => {
          await tx.query(
            "select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)",
          );
          return work(tx);
        })
      : work(db);
  const { counts, scores } = await run(async (q) => ({
    counts: await countRows(q),
    scores: await scoreRows(q),
  }));
  return assemble(counts, scores);

  // `dossiers` narrowed by the period (and agency, procedure: indexes), then one hash aggregate
  // by group and by working days taken: no sort, no ordered-set aggregate. The per-group and
  // total figures, the mean and the 90th percentile (exact, from the histogram of whole working
  // days) are summed here. The working days come from two lookups in working_calendar.
  async function countRows(q: Queryable): Promise<CountRow[]> {
    const cells = await q.query<CellRow>(
      `select ${key} as key, min(${name}) as name,
              case when d.completed_at is not null and d.status in ('resolved', 'returned')
                   then greatest(w2.working_index - w1.working_index, 0) end as days,
              count(*)::int as received,
              count(*) filter (where d.completed_at is not null
                               and d.status in ('resolved', 'returned'))::int as resolved,
              count(*) filter (where d.completed_at is not null and d.status in ('resolved', 'returned')
                               and (d.due_at is null or d.completed_at <= d.due_at))::int
                as resolved_on_time,
              count(*) filter (where d.completed_at is null)::int as in_progress,
              count(*) filter (where d.completed_at is null and d.paused_since is null
                               and d.due_at is not null and d.due_at < ${nowParam})::int as overdue_now,
              count(*) filter (where d.channel = 'online')::int as submitted_online,
              count(pay.dossier_id)::int as paid,
              count(*) filter (where pay.online)::int as paid_online
         from dossiers d
         join procedures p on p.code = d.procedure_code
         left join agencies a on a.code = d.agency_code
         left join working_calendar w1
           on w1.day = ((d.received_at at time zone 'UTC') + interval '7 hours')::date
         left join working_calendar w2
           on w2.day = ((d.completed_at at time zone 'UTC') + interval '7 hours')::date
         left join (select y.dossier_id, bool_or(y.provider <> 'cash') as online
                      from payments y where y.status = 'paid' group by y.dossier_id) pay
           on pay.dossier_id = d.id
        where d.received_at >= $1::timestamptz and d.received_at < $2::timestamptz ${where}
        group by 1, 3`,
      [...params, now.toISOString()],
    );
    return rollUp(cells);
  }

  // Satisfaction per group and criterion, and responses per group; the totals are sums.
  async function scoreRows(q: Queryable): Promise<ScoreRow[]> {
    const cells = await q.query<ScoreCell>(
      `select ${key} as key, s.criterion,
              count(distinct s.dossier_id)::int as responses,
              sum(s.score)::int as total,
              count(*)::int as scores,
              count(*) filter (where s.score >= 4)::int as satisfied
         from survey_scores s
         join dossiers d on d.id = s.dossier_id
         join procedures p on p.code = d.procedure_code
        where d.received_at >= $1::timestamptz and d.received_at < $2::timestamptz ${where}
        group by grouping sets ((1, 2), (1))`,
      params,
    );
    return scoreTotals(cells);
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

/** One cell of the count query: a group and a number of working days (null: not resolved). */
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

/**
 * The figures of each group and of the total from the cells: counts summed, and the mean and
 * 90th percentile of working days from the histogram — `percentile_cont(0.9)`'s linear
 * interpolation, exact because working days are whole.
 */
function rollUp(cells: CellRow[]): CountRow[] {
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
      for (const field of SUMMED) target.row[field] += cell[field];
      if (cell.days !== null && cell.resolved) {
        const days = Number(cell.days);
        target.days.set(days, (target.days.get(days) ?? 0) + cell.resolved);
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

/** The SQL of each grouping: the key and its display name. */
const GROUPINGS = {
  agency: { key: "coalesce(d.agency_code, '')", name: "coalesce(a.name, '')" },
  procedure: { key: 'd.procedure_code', name: 'p.name' },
  field: { key: 'p.field', name: 'p.field' },
  month: {
    key: "to_char((d.received_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM')",
    name: "to_char((d.received_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM')",
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

/**
 * The days the working-day table covers: from 2015 (before the national portal) to ten years
 * ahead, refilled as the years pass. A dossier outside it has no working-day figure.
 */
const CALENDAR_FROM = Date.UTC(2015, 0, 1);
const calendarTo = () => Date.UTC(new Date().getUTCFullYear() + 10, 11, 31);

const filled = new WeakMap<object, string>();

/**
 * Fills `working_calendar` from the schema package's Vietnam calendar, again whenever that
 * calendar changes (a newly announced holiday): `working_index` is the running count of working
 * days up to and including each day, so the working days between two days are one subtraction.
 */
export async function ensureWorkingCalendar(
  db: Queryable,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): Promise<void> {
  const to = calendarTo();
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([calendar.weekendDays, calendar.days, CALENDAR_FROM, to]))
    .digest('hex');
  if (filled.get(db) === fingerprint) return;
  const [current] = await db.query<{ fingerprint: string }>(
    'select fingerprint from working_calendar_source',
  );
  if (current?.fingerprint !== fingerprint) {
    const days: string[] = [];
    const working: boolean[] = [];
    const indexes: number[] = [];
    let index = 0;
    for (let t = CALENDAR_FROM; t <= to; t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const open = isWorkingDay(day, calendar);
      if (open) index++;
      days.push(day);
      working.push(open);
      indexes.push(index);
    }
    await db.query(
      `insert into working_calendar (day, working, working_index)
       select * from unnest($1::date[], $2::boolean[], $3::int[])
       on conflict (day) do update
         set working = excluded.working, working_index = excluded.working_index`,
      [days, working, indexes],
    );
    await db.query(
      `insert into working_calendar_source (singleton, fingerprint) values (true, $1)
       on conflict (singleton) do update set fingerprint = excluded.fingerprint`,
      [fingerprint],
    );
  }
  filled.set(db, fingerprint);
}
