import {
  type ServiceStatistics,
  type ServiceStatisticsQuery,
  VIETNAM_CALENDAR,
} from '@egov-kit/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../src/http/auth.js';
import {
  type Database,
  ensureWorkingCalendar,
  openDatabase,
  rollUpStatistics,
  rollUpStatisticsBatch,
  seed,
  serviceStatistics,
} from '../src/index.js';
import { bucketsOf } from '../src/services/service-statistics.js';
import { DATABASE_KIND, freshDatabase } from './support/database.js';

/**
 * The statistics roll-up (services/statistics-rollup.ts) answers exactly what counting every
 * dossier live answers: checked against the straightforward SQL the statistics ran before the
 * roll-up (kept here as the reference, with PostgreSQL's own avg and percentile_cont), on
 * generated dossiers of every kind, for every grouping and filter, before the first roll-up,
 * after it, with dossiers settling between sweeps, and after a calendar change.
 */
let db: Database;
let drop: () => Promise<void>;
let url: string | undefined;

const ADMIN: Principal = { id: 'admin', role: 'admin' } as Principal;
let officer: Principal;
let field: string;
let procedure: string;

beforeAll(async () => {
  ({ db, drop, url } = await freshDatabase());
  await seed(db, { demoDossiers: false });
  // As if they were there before the roll-up existed: not pending (the migration's default).
  await generate(db, 2_500, 'a', true);
  const [top] = await db.query<{ agency_code: string }>(
    'select agency_code from dossiers where agency_code is not null group by 1 order by count(*) desc limit 1',
  );
  officer = { id: 'officer', role: 'officer', agencyCode: top?.agency_code } as Principal;
  const [f] = await db.query<{ field: string; code: string }>(
    `select p.field, min(p.code) as code from dossiers d join procedures p on p.code = d.procedure_code
      group by 1 order by count(*) desc limit 1`,
  );
  field = f?.field as string;
  procedure = f?.code as string;
}, 240_000);
afterAll(() => drop?.());

/**
 * `n` dossiers of every kind the statistics tell apart, received from November 2024 to March
 * 2026 (and some days ago): returned and resolved, on time and late, some beyond 32 working
 * days; withdrawn; rejected (never completed: overdue, paused, or not yet due); open, overdue or
 * paused; awaiting payment; resolved with a payment still pending (not settled) or expired;
 * paid in cash or online; rated (a varying number of criteria), some within the survey window.
 */
async function generate(target: Database, n: number, tag: string, existing = false): Promise<void> {
  const pending = !existing;
  await target.query(
    `with a as (select array_agg(code order by code) as codes from agencies),
          p as (select array_agg(code order by code) as codes
                  from (select code from procedures order by code limit 9) x),
          g as (
            select i, ((i::bigint * 48271) % 100)::int as r,
                   case when i % 41 = 0 then null
                        else a.codes[1 + (i % array_length(a.codes, 1))] end as agency,
                   p.codes[1 + ((i::bigint * 7919) % array_length(p.codes, 1))] as procedure,
                   case when (i::bigint * 48271) % 100 >= 95 then now() - interval '12 days'
                        else timestamptz '2024-11-01 08:00+07'
                             + ((i::bigint * 104729) % 500) * interval '1 day'
                             + ((i::bigint * 31) % 13) * interval '1 hour' end as received,
                   ((i::bigint * 17) % 60)::int as took
              from generate_series(1, $1::int) i, a, p)
     insert into dossiers (id, code, owner_id, procedure_code, case_code, form_id, form_version,
                           channel, status, agency_code, created_at, updated_at, submitted_at,
                           received_at, due_at, completed_at, returned_at, paused_since,
                           stats_pending)
     select gen_random_uuid(), 'T-' || $2 || '-' || i, 'owner-' || (i % 97), procedure, 'c1', 'f', 1,
            case when i % 5 < 3 then 'online' when i % 5 = 3 then 'in_person' else 'postal' end,
            case when r < 40 then 'returned' when r < 50 then 'resolved' when r < 55 then 'withdrawn'
                 when r < 62 then 'rejected' when r < 75 then 'in_progress'
                 when r < 80 then 'awaiting_supplement' when r < 85 then 'awaiting_payment'
                 when r < 95 then 'resolved' else 'returned' end,
            agency, received, received, received, received,
            case when r between 60 and 61 then now() + interval '5 days'
                 when r % 11 = 0 then null else received + interval '14 days' end,
            case when r < 55 or r between 85 and 99 then received + took * interval '1 day'
                                                         + (i % 7) * interval '1 hour' end,
            case when r < 40 then received + (took + 1) * interval '1 day'
                 when r >= 95 then now() - interval '2 days' end,
            case when r between 58 and 59 or r between 75 and 84 then received + interval '3 days' end,
            $3
       from g`,
    [n, tag, pending],
  );
  // Paid fees, in cash or online, on a quarter of the dossiers.
  await target.query(
    `insert into payments (id, dossier_id, items, total, provider, status, created_at, paid_at,
                           stats_pending)
     select gen_random_uuid(), id, '[]', 50000,
            case when abs(hashtext(id::text)) % 2 = 0 then 'cash' else 'vietqr' end,
            'paid', received_at, received_at, $2
       from dossiers where code like $1 and abs(hashtext(id::text || 'p')) % 4 = 0`,
    [`T-${tag}-%`, pending],
  );
  // Pending payments: unexpired on those awaiting payment and on some resolved ones (a late
  // notification may still mark them paid), expired on others.
  await target.query(
    `insert into payments (id, dossier_id, items, total, provider, status, created_at, expires_at,
                           stats_pending)
     select gen_random_uuid(), id, '[]', 30000, 'vietqr', 'pending', received_at,
            case when status = 'awaiting_payment' or abs(hashtext(id::text || 'e')) % 2 = 0
                 then now() + interval '1 day' else now() - interval '2 days' end, $2
       from dossiers
      where code like $1 and (status = 'awaiting_payment'
                              or (status = 'resolved' and abs(hashtext(id::text || 'q')) % 3 = 0))`,
    [`T-${tag}-%`, pending],
  );
  // Survey responses on a third of the returned dossiers, with 3 to 10 criteria answered.
  await target.query(
    `insert into survey_responses (dossier_id, survey_id, answers, comment, submitted_at, updated_at,
                                   stats_pending)
     select id, 'default-766', '[]', null, returned_at, returned_at, $2
       from dossiers where code like $1 and status = 'returned'
        and abs(hashtext(id::text || 's')) % 3 = 0`,
    [`T-${tag}-%`, pending],
  );
  await target.query(
    `insert into survey_scores (dossier_id, criterion, score)
     select r.dossier_id, c, 1 + abs(hashtext(r.dossier_id::text || c)) % 5
       from survey_responses r join dossiers d on d.id = r.dossier_id,
            unnest(array['information','documents','submission','fees','timeliness','progress',
                         'staff','result','feedback','overall']) with ordinality as x(c, k)
      where d.code like $1 and (k <= 3 or abs(hashtext(r.dossier_id::text || c)) % 3 <> 0)`,
    [`T-${tag}-%`],
  );
}

/** The SQL of each grouping over `d` and `p` (as the statistics had it before the roll-up). */
const KEYS = {
  agency: "coalesce(d.agency_code, '')",
  procedure: 'd.procedure_code',
  field: 'p.field',
  month: "to_char((d.received_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM')",
} as const;

interface Figures {
  key: string;
  received: number;
  resolved: number;
  resolvedOnTime: number;
  inProgress: number;
  overdueNow: number;
  submittedOnline: number;
  paid: number;
  paidOnline: number;
  averageWorkingDays: number | null;
  p90WorkingDays: number | null;
  responses: number;
  average: number | null;
  satisfiedShare: number | null;
  criteria: { criterion: string; average: number }[];
}

const round = (value: number | null, digits = 2) =>
  value === null ? null : Number(Number(value).toFixed(digits));

/**
 * The reference: every dossier of the period counted live, the straightforward way — a join
 * over all payments, PostgreSQL's avg and percentile_cont over the working days, and the
 * scores averaged in SQL.
 */
async function reference(
  query: ServiceStatisticsQuery,
  agencyCode: string | undefined,
  now: Date,
): Promise<Figures[]> {
  const params: unknown[] = [
    new Date(`${query.from}T00:00:00+07:00`).toISOString(),
    new Date(Date.parse(`${query.to}T00:00:00+07:00`) + 86_400_000).toISOString(),
  ];
  const filters: string[] = [];
  const filter = (sql: string, value: unknown) => {
    params.push(value);
    filters.push(`and ${sql}$${params.length}`);
  };
  if (agencyCode) filter('d.agency_code = ', agencyCode);
  if (query.procedureCode) filter('d.procedure_code = ', query.procedureCode);
  if (query.field) filter('p.field = ', query.field);
  if (query.channel) filter('d.channel = ', query.channel);
  params.push(now.toISOString());
  const key = KEYS[query.groupBy];
  const counts = await db.query<Omit<Figures, 'responses' | 'average' | 'criteria'>>(
    `select coalesce(${key}, 'total') as key, count(*)::int as "received",
            count(*) filter (where resolved)::int as "resolved",
            count(*) filter (where resolved and (d.due_at is null or d.completed_at <= d.due_at))::int
              as "resolvedOnTime",
            count(*) filter (where d.completed_at is null and d.status <> 'rejected')::int
              as "inProgress",
            count(*) filter (where d.completed_at is null and d.status <> 'rejected'
                             and d.paused_since is null
                             and d.due_at < $${params.length}::timestamptz)::int as "overdueNow",
            count(*) filter (where d.channel = 'online')::int as "submittedOnline",
            count(*) filter (where pay.dossier_id is not null)::int as "paid",
            count(*) filter (where pay.online)::int as "paidOnline",
            sum(days)::float8 / nullif(count(days), 0) as "averageWorkingDays",
            percentile_cont(0.9) within group (order by days) as "p90WorkingDays"
       from (select d.*, (d.completed_at is not null and d.status in ('resolved', 'returned')) as resolved,
                    case when d.completed_at is not null and d.status in ('resolved', 'returned')
                         then greatest(w2.working_index - w1.working_index, 0) end as days
               from dossiers d
               left join working_calendar w1
                 on w1.day = ((d.received_at at time zone 'UTC') + interval '7 hours')::date
               left join working_calendar w2
                 on w2.day = ((d.completed_at at time zone 'UTC') + interval '7 hours')::date) d
       join procedures p on p.code = d.procedure_code
       left join (select y.dossier_id, bool_or(y.provider <> 'cash') as online
                    from payments y where y.status = 'paid' group by y.dossier_id) pay
         on pay.dossier_id = d.id
      where d.received_at >= $1 and d.received_at < $2 ${filters.join(' ')}
      group by grouping sets ((${key}), ())`,
    params,
  );
  const scores = await db.query<{
    key: string | null;
    criterion: string | null;
    responses: number;
    average: number;
    satisfied: number;
  }>(
    `select ${key} as key, s.criterion, count(distinct s.dossier_id)::int as responses,
            sum(s.score)::float8 / nullif(count(*), 0) as average,
            (count(*) filter (where s.score >= 4))::float8 / nullif(count(*), 0) as satisfied
       from survey_scores s join dossiers d on d.id = s.dossier_id
       join procedures p on p.code = d.procedure_code
      where d.received_at >= $1 and d.received_at < $2 ${filters.join(' ')}
      group by grouping sets ((1, 2), (1), (2), ())`,
    params.slice(0, -1),
  );
  return counts.map((row) => {
    const mine = scores.filter((s) => (row.key === 'total' ? s.key === null : s.key === row.key));
    const all = mine.find((s) => s.criterion === null);
    return {
      ...row,
      averageWorkingDays: round(row.averageWorkingDays),
      p90WorkingDays: round(row.p90WorkingDays),
      responses: all?.responses ?? 0,
      average: all ? round(all.average) : null,
      satisfiedShare: all ? round(all.satisfied, 4) : null,
      criteria: mine
        .filter((s) => s.criterion !== null)
        .map((s) => ({ criterion: s.criterion as string, average: round(s.average) as number }))
        .sort((a, b) => a.criterion.localeCompare(b.criterion)),
    };
  });
}

/** The service's answer in the reference's shape (every group shown: a minimum group of 1). */
function figures(result: ServiceStatistics): Figures[] {
  return [...result.rows, result.total].map((row) => ({
    key: row.key,
    received: row.received,
    resolved: row.resolved,
    resolvedOnTime: row.resolvedOnTime,
    inProgress: row.inProgress,
    overdueNow: row.overdueNow,
    submittedOnline: row.submittedOnline,
    paid: row.paid,
    paidOnline: row.paidOnline,
    averageWorkingDays: row.averageWorkingDays,
    p90WorkingDays: row.p90WorkingDays,
    responses: row.satisfaction.responses,
    average: row.satisfaction.average,
    satisfiedShare: row.satisfaction.satisfiedShare,
    criteria: [...row.satisfaction.criteria].sort((a, b) => a.criterion.localeCompare(b.criterion)),
  }));
}

const byKey = (rows: Figures[]) => [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));

/** Vietnam's date `days` from now. */
const dayFromNow = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** Periods: a year, months cut at both ends, one day, three years, the last weeks. */
const periods = () => [
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2024-11-15', to: '2025-02-10' },
  { from: '2025-03-03', to: '2025-03-03' },
  { from: '2024-01-01', to: dayFromNow(0) },
  { from: dayFromNow(-40), to: dayFromNow(0) },
];

/** Every grouping with each filter, over each period; the same answer as the reference. */
async function expectSameAsReference(phase: string): Promise<number> {
  const now = new Date();
  let compared = 0;
  const filters: [string, Principal, Partial<ServiceStatisticsQuery>][] = [
    ['all', ADMIN, {}],
    ['own agency', officer, {}],
    ['procedure', ADMIN, { procedureCode: procedure }],
    ['field and channel', ADMIN, { field, channel: 'online' }],
    ['agency and in person', officer, { channel: 'in_person' }],
  ];
  for (const period of periods()) {
    for (const groupBy of ['agency', 'procedure', 'field', 'month'] as const) {
      for (const [name, who, extra] of filters) {
        const query = { ...period, groupBy, ...extra } as ServiceStatisticsQuery;
        const result = await serviceStatistics(
          db,
          who,
          query,
          { windowDays: 30, minGroupSize: 1 },
          now,
        );
        const expected = await reference(query, who.agencyCode, now);
        expect(
          byKey(figures(result)),
          `${phase}: ${name}, ${groupBy}, ${period.from}–${period.to}`,
        ).toEqual(byKey(expected.length ? expected : [emptyTotal()]));
        compared++;
      }
    }
  }
  return compared;
}

const emptyTotal = (): Figures => ({
  key: 'total',
  received: 0,
  resolved: 0,
  resolvedOnTime: 0,
  inProgress: 0,
  overdueNow: 0,
  submittedOnline: 0,
  paid: 0,
  paidOnline: 0,
  averageWorkingDays: null,
  p90WorkingDays: null,
  responses: 0,
  average: null,
  satisfiedShare: null,
  criteria: [],
});

/** Dossiers rolled up and their day and month rows: each counted once in either grain. */
async function rollUpTotals() {
  const [row] = await db.query<{ day: number; month: number; marked: number; responses: number }>(
    `select (select coalesce(sum(received), 0)::int from statistics_rollup where grain = 'day') as day,
            (select coalesce(sum(received), 0)::int from statistics_rollup where grain = 'month') as month,
            (select count(*)::int from dossiers where not stats_pending and received_at is not null) as marked,
            (select coalesce(sum(responses), 0)::int from statistics_rollup where grain = 'day') as responses`,
  );
  return row as { day: number; month: number; marked: number; responses: number };
}

describe(`statistics roll-up on ${DATABASE_KIND}`, { timeout: 600_000 }, () => {
  it('answers as the reference before the first roll-up, after it, and between sweeps', async () => {
    expect(await expectSameAsReference('before any roll-up')).toBe(100);

    const first = await rollUpStatistics(db, { batch: 300, surveyWindowDays: 30 });
    expect(first.built).toBe(true);
    // Every dossier's payments are pending while it is (the live query joins only those).
    const [stray] = await db.query<{ n: number }>(
      `select count(*)::int as n from payments y join dossiers d on d.id = y.dossier_id
        where d.stats_pending and not y.stats_pending`,
    );
    expect(stray?.n).toBe(0);
    const totals = await rollUpTotals();
    // Settled dossiers are in the roll-up, the others (open, pending payments) still live.
    expect(totals.marked).toBeGreaterThan(1_000);
    expect(totals.marked).toBeLessThan(2_500);
    expect(totals.day).toBe(totals.marked);
    expect(totals.month).toBe(totals.marked);
    expect(totals.responses).toBeGreaterThan(100);
    await expectSameAsReference('after the first roll-up');

    // Between sweeps: new dossiers arrive; open ones are resolved and returned, a pending
    // payment on a resolved dossier is paid late, a new rating comes in.
    await generate(db, 400, 'b');
    await db.query(
      `update dossiers set status = 'resolved', completed_at = received_at + interval '20 days',
              paused_since = null
        where status = 'in_progress' and code like 'T-a-%' and abs(hashtext(id::text)) % 2 = 0`,
    );
    await db.query(
      `update payments set status = 'paid', paid_at = now()
        where status = 'pending' and expires_at > now()
          and dossier_id in (select id from dossiers where status = 'resolved')`,
    );
    await db.query(
      `update dossiers set status = 'returned', returned_at = now() - interval '40 days'
        where status = 'resolved' and code like 'T-a-%' and stats_pending = false
          and abs(hashtext(id::text || 'r')) % 2 = 0`,
    );
    await expectSameAsReference('between sweeps');

    const second = await rollUpStatistics(db, { batch: 100, surveyWindowDays: 30 });
    expect(second.built).toBe(false);
    expect(second.dossiers).toBeGreaterThan(100);
    const after = await rollUpTotals();
    expect(after.day).toBe(after.marked);
    expect(after.month).toBe(after.marked);
    expect(after.marked).toBeGreaterThan(totals.marked);
    await expectSameAsReference('after the second sweep');
    // Nothing left to do: a third sweep adds nothing.
    expect(await rollUpStatistics(db, { batch: 100, surveyWindowDays: 30 })).toMatchObject({
      dossiers: 0,
      responses: 0,
    });
  });

  it('builds the roll-up again after the working calendar changes', async () => {
    // A holiday announced on a day many dossiers span: their working days change.
    const changed = {
      ...VIETNAM_CALENDAR,
      days: [
        ...VIETNAM_CALENDAR.days,
        { date: '2025-03-12', name: { vi: 'Nghỉ', en: 'Day off' }, kind: 'holiday' as const },
      ],
    };
    await ensureWorkingCalendar(db, changed);
    const [state] = await db.query<{ built: boolean; rows: number }>(
      'select built, (select count(*)::int from statistics_rollup) as rows from statistics_state',
    );
    expect(state).toEqual({ built: false, rows: 0 });
    // The statistics (with the usual calendar again: another change) count everything live.
    await expectSameAsReference('after a calendar change');
    const rebuilt = await rollUpStatistics(db, { batch: 500 });
    expect(rebuilt.built).toBe(true);
    const totals = await rollUpTotals();
    expect(totals.day).toBe(totals.marked);
    await expectSameAsReference('rebuilt after a calendar change');
  });
});

describe(`concurrent statistics sweeps on ${DATABASE_KIND}`, { timeout: 300_000 }, () => {
  it('never count a dossier twice', async () => {
    await generate(db, 600, 'c');
    // A second instance: its own connection pool on PostgreSQL.
    const other = url ? await openDatabase({ databaseUrl: url }) : db;
    try {
      const sweeps = (target: Database) =>
        Promise.all(
          Array.from({ length: 8 }, () =>
            rollUpStatisticsBatch(target, { batch: 40, surveyWindowDays: 30 }),
          ),
        );
      const results = (await Promise.all([sweeps(db), sweeps(other), sweeps(db)])).flat();
      expect(results.some((r) => r && r.dossiers > 0)).toBe(true);
      await rollUpStatistics(other, { batch: 50 });
      const totals = await rollUpTotals();
      expect(totals.day).toBe(totals.marked);
      expect(totals.month).toBe(totals.marked);
      await expectSameAsReference('after concurrent sweeps');
    } finally {
      if (other !== db) await other.close();
    }
  });
});

describe('the roll-up rows of a period', () => {
  const DAY = 86_400_000;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const parse = (d: string) => Date.parse(`${d}T00:00:00Z`);
  /** The days a row of `grain` starting on `bucket` holds (a week ends at a Monday or a 1st). */
  const daysOf = (grain: string, bucket: string): string[] => {
    const start = parse(bucket);
    const days = [bucket];
    if (grain === 'day') return days;
    for (let t = start + DAY; ; t += DAY) {
      const d = new Date(t);
      if (grain === 'year' ? d.getUTCMonth() === 0 && d.getUTCDate() === 1 : d.getUTCDate() === 1)
        return days;
      if (grain === 'week' && d.getUTCDay() === 1) return days;
      days.push(iso(t));
    }
  };
  /** Every bucket start of `grain` in [from, to). */
  const starts = (grain: string, from: string, to: string): string[] => {
    const out: string[] = [];
    for (let t = parse(from); t < parse(to); t += DAY) {
      const d = new Date(t);
      const first = d.getUTCDate() === 1 && (grain !== 'year' || d.getUTCMonth() === 0);
      if (grain === 'day' || first || (grain === 'week' && d.getUTCDay() === 1)) {
        out.push(iso(t));
      }
    }
    return out;
  };

  it('covers every day of the period once: whole years, months, weeks, then days', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (let i = 0; i < 2_000; i++) {
      const from = parse('2023-01-01') + random(1_200) * DAY;
      const to = from + random(i % 3 === 0 ? 1_200 : 70) * DAY;
      const ranges = bucketsOf(iso(from), iso(to), i % 2 === 0);
      const covered = ranges.flatMap(([grain, a, b]) =>
        starts(grain, a, b).flatMap((bucket) => daysOf(grain, bucket)),
      );
      const expected = [];
      for (let t = from; t <= to; t += DAY) expected.push(iso(t));
      expect(covered.sort(), `${iso(from)}–${iso(to)}: ${JSON.stringify(ranges)}`).toEqual(
        expected,
      );
      // At most one run of years (when asked), two of months, and four of days.
      expect(ranges.filter(([g]) => g === 'month').length).toBeLessThanOrEqual(2);
      expect(ranges.filter(([g]) => g === 'year').length).toBeLessThanOrEqual(i % 2 === 0 ? 1 : 0);
      expect(ranges.filter(([g]) => g === 'day').length).toBeLessThanOrEqual(4);
    }
  });

  it('reads 15 January–20 November as weeks and days around ten months', () => {
    expect(bucketsOf('2024-12-20', '2027-01-05', true)).toEqual([
      ['day', '2024-12-20', '2024-12-23'],
      ['week', '2024-12-23', '2025-01-01'],
      ['year', '2025-01-01', '2027-01-01'],
      ['week', '2027-01-01', '2027-01-04'],
      ['day', '2027-01-04', '2027-01-06'],
    ]);
    expect(bucketsOf('2025-01-15', '2025-11-20', true)).toEqual([
      ['day', '2025-01-15', '2025-01-20'],
      ['week', '2025-01-20', '2025-02-01'],
      ['month', '2025-02-01', '2025-11-01'],
      ['week', '2025-11-01', '2025-11-17'],
      ['day', '2025-11-17', '2025-11-21'],
    ]);
  });
});
