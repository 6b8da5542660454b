#!/usr/bin/env node
/**
 * Benchmark of the operations centre's statistics (run after `pnpm build`): generates dossiers
 * in SQL (`generate_series`: agencies, procedures, channels, due and completion times, pauses,
 * payments, survey scores) as a database upgraded to the statistics roll-up finds them (rows
 * from before it, not pending), times the first roll-up (what the first housekeeping run after
 * the upgrade does), then runs each dashboard query through `serviceStatistics` (the SQL a
 * request runs, without HTTP) and prints p50/p95 per query. The goal is p95 ≤ 300 ms on
 * PostgreSQL with 1,000,000 dossiers.
 *
 *   pnpm --filter @egov-kit/server bench:statistics                 # 1,000,000 on PostgreSQL, 100,000 on PGlite
 *   BENCH_PG_DOSSIERS=2000 BENCH_PGLITE_DOSSIERS=2000 BENCH_ROUNDS=2 node bench/statistics.mjs   # what CI runs
 *
 * PostgreSQL: BENCH_DATABASE_URL, or the local server when reachable (a database of its own,
 * created and dropped here). Skip a database with BENCH_PG_DOSSIERS=0 or BENCH_PGLITE_DOSSIERS=0.
 */
import pg from 'pg';
import { migrate, openDatabase, rollUpStatistics, seed, serviceStatistics } from '../dist/index.js';

const PG_DOSSIERS = Number(process.env.BENCH_PG_DOSSIERS ?? 1_000_000);
const PGLITE_DOSSIERS = Number(process.env.BENCH_PGLITE_DOSSIERS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const GOAL_P95_MS = 300;
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://egov:egov@127.0.0.1:5432/egov';
const OFFICER = { id: 'bench-officer', role: 'officer', agencyCode: '' };
const ADMIN = { id: 'bench-admin', role: 'admin' };

/**
 * The dashboard's queries: what the page asks for on load and on the usual filter changes —
 * every grouping, without filters and with each filter, over a year, a quarter, a month and a
 * period cut mid-month at both ends.
 */
const QUERIES = [
  [
    'officer: own agency, year by month',
    'officer',
    { from: '2025-01-01', to: '2025-12-31', groupBy: 'month' },
  ],
  [
    'officer: own agency, year by procedure',
    'officer',
    { from: '2025-01-01', to: '2025-12-31', groupBy: 'procedure' },
  ],
  [
    'officer: own agency, quarter by field',
    'officer',
    { from: '2025-04-01', to: '2025-06-30', groupBy: 'field' },
  ],
  [
    'admin: all, month by agency',
    'admin',
    { from: '2025-06-01', to: '2025-06-30', groupBy: 'agency' },
  ],
  [
    'admin: all, quarter by procedure',
    'admin',
    { from: '2025-04-01', to: '2025-06-30', groupBy: 'procedure' },
  ],
  [
    'admin: all, year by month',
    'admin',
    { from: '2025-01-01', to: '2025-12-31', groupBy: 'month' },
  ],
  [
    'admin: all, year by agency',
    'admin',
    { from: '2025-01-01', to: '2025-12-31', groupBy: 'agency' },
  ],
  [
    'admin: all, year by field',
    'admin',
    { from: '2025-01-01', to: '2025-12-31', groupBy: 'field' },
  ],
  [
    'admin: all, 15 Jan–20 Nov by agency',
    'admin',
    { from: '2025-01-15', to: '2025-11-20', groupBy: 'agency' },
  ],
  [
    'admin: one field, online, year by month',
    'admin',
    { from: '2025-01-01', to: '2025-12-31', groupBy: 'month', channel: 'online', field: '' },
  ],
  [
    'admin: one procedure, year by agency',
    'admin',
    { from: '2025-01-01', to: '2025-12-31', groupBy: 'agency', procedureCode: '' },
  ],
  [
    'admin: in person, quarter by procedure',
    'admin',
    { from: '2025-04-01', to: '2025-06-30', groupBy: 'procedure', channel: 'in_person' },
  ],
  [
    'officer: postal, 10 Feb–25 Mar by field',
    'officer',
    { from: '2025-02-10', to: '2025-03-25', groupBy: 'field', channel: 'postal' },
  ],
];

/**
 * N dossiers received over 2024–2025 across the first 60 agencies and every procedure: 90 %
 * finished (10 % of those late, some rejected), 30 % paid (two thirds online), 15 % rated.
 */
async function generate(db, n) {
  const started = performance.now();
  const batch = 100_000;
  for (let from = 1; from <= n; from += batch) {
    const to = Math.min(n, from + batch - 1);
    await db.query(
      `with a as (select array_agg(code order by code) as codes from (select code from agencies order by code limit 60) x),
            p as (select array_agg(code order by code) as codes from procedures),
            g as (
              select i, a.codes[1 + (i % array_length(a.codes, 1))] as agency,
                     p.codes[1 + ((i::bigint * 7919) % array_length(p.codes, 1))] as procedure,
                     timestamptz '2024-01-01 08:00+07' + ((i::bigint * 104729) % 730) * interval '1 day'
                       + ((i::bigint * 31) % 9) * interval '1 hour' as received,
                     ((i::bigint * 48271) % 100)::int as r
                from generate_series($1::int, $2::int) i, a, p
            )
       insert into dossiers (id, code, owner_id, procedure_code, case_code, form_id, form_version,
                             channel, status, agency_code, created_at, updated_at, submitted_at,
                             received_at, due_at, completed_at, returned_at, paused_since,
                             stats_pending)
       select gen_random_uuid(), 'B-' || i, 'bench-' || (i % 50000), procedure, 'c1', 'f', 1,
              case when r < 70 then 'online' when r < 95 then 'in_person' else 'postal' end,
              case when r < 80 then 'returned' when r < 88 then 'resolved' when r < 90 then 'rejected'
                   when r < 95 then 'in_progress' else 'awaiting_supplement' end,
              agency, received, received, received, received,
              received + interval '10 days',
              case when r < 90 then received + ((r % 14) + case when r % 10 = 0 then 6 else 0 end) * interval '1 day' end,
              case when r < 80 then received + ((r % 14) + 1) * interval '1 day' end,
              case when r >= 95 then received + interval '3 days' end,
              false
         from g`,
      [from, to],
    );
  }
  await db.query(
    `insert into payments (id, dossier_id, items, total, provider, status, created_at, paid_at,
                           stats_pending)
     select gen_random_uuid(), id, '[]', 50000,
            case when abs(hashtext(id::text)) % 3 = 0 then 'cash' else 'vietqr' end,
            'paid', received_at, received_at, false
       from dossiers where abs(hashtext(id::text)) % 10 < 3`,
  );
  await db.query(
    `insert into survey_responses (dossier_id, survey_id, answers, comment, submitted_at, updated_at,
                                   stats_pending)
     select id, 'default-766', '[]', null, returned_at, returned_at, false
       from dossiers where status = 'returned' and abs(hashtext(id::text || 's')) % 100 < 19`,
  );
  await db.query(
    `insert into survey_scores (dossier_id, criterion, score)
     select r.dossier_id, c, 1 + abs(hashtext(r.dossier_id::text || c)) % 5
       from survey_responses r,
            unnest(array['information','documents','submission','fees','timeliness','progress',
                         'staff','result','feedback','overall']) c`,
  );
  await db.query('analyze');
  return performance.now() - started;
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function run(label, db, n) {
  console.log(`\n${label}: migrating, seeding, generating ${n.toLocaleString('en')} dossiers…`);
  await migrate(db);
  await seed(db, { demoDossiers: false });
  const ms = await generate(db, n);
  const [{ count }] = await db.query('select count(*)::int as count from dossiers');
  const [agency] = await db.query(
    'select agency_code from dossiers group by 1 order by count(*) desc limit 1',
  );
  const [field] = await db.query(
    'select field from procedures group by 1 order by count(*) desc limit 1',
  );
  const [procedure] = await db.query(
    'select procedure_code from dossiers group by 1 order by count(*) desc limit 1',
  );
  console.log(`  ${count.toLocaleString('en')} dossiers in ${(ms / 1000).toFixed(1)} s`);
  const officer = { ...OFFICER, agencyCode: agency.agency_code };
  // What the first housekeeping run after the upgrade does (it fills the working-day table too).
  const started = performance.now();
  const rolled = await rollUpStatistics(db, { batch: 5_000 });
  const rollUpSeconds = (performance.now() - started) / 1000;
  console.log(
    `  first roll-up: ${rolled.dossiers.toLocaleString('en')} dossiers and ${rolled.responses.toLocaleString('en')} survey responses in ${rollUpSeconds.toFixed(1)} s`,
  );
  await db.query('analyze');
  let worst = 0;
  const results = [];
  for (const [name, who, base] of QUERIES) {
    const query = {
      ...base,
      ...('field' in base ? { field: field.field } : {}),
      ...('procedureCode' in base ? { procedureCode: procedure.procedure_code } : {}),
    };
    const times = [];
    let rows = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      const result = await serviceStatistics(db, who === 'admin' ? ADMIN : officer, query);
      times.push(performance.now() - t);
      rows = result.total.received;
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 0.5);
    const p95 = percentile(times, 0.95);
    worst = Math.max(worst, p95);
    results.push({ query: name, counted: rows, p50: Math.round(p50), p95: Math.round(p95) });
  }
  console.table(results);
  return worst;
}

let failed = false;
if (PGLITE_DOSSIERS > 0) {
  const db = await openDatabase({});
  try {
    await run('PGlite (in memory)', db, PGLITE_DOSSIERS);
  } finally {
    await db.close();
  }
}
if (PG_DOSSIERS > 0) {
  const name = `egov_bench_stats_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  let reachable = true;
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (error) {
    reachable = false;
    console.log(
      `\nPostgreSQL not reachable at ${new URL(SERVER_URL).host} (${error.message}): skipped.`,
    );
  }
  if (reachable) {
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString() });
    try {
      const worst = await run('PostgreSQL', db, PG_DOSSIERS);
      console.log(`worst p95 on PostgreSQL: ${Math.round(worst)} ms (goal ≤ ${GOAL_P95_MS} ms)`);
      if (PG_DOSSIERS >= 1_000_000 && worst > GOAL_P95_MS) failed = true;
    } finally {
      await db.close();
      await admin.query(`drop database if exists ${name} with (force)`);
    }
  }
  await admin.end().catch(() => {});
}
if (failed) {
  console.error('p95 over the goal');
  process.exit(1);
}
