#!/usr/bin/env node
/**
 * Benchmark of the server's procedure search (run after `pnpm build`): 6,000 procedures (the 207
 * national records, each also under 28 variants of its name), indexed, then queries people
 * type — right, without diacritics, with `kí` for `ký`, with one typo, with the word half typed —
 * through `listProcedures` (the SQL a request runs, without HTTP), on PGlite and on PostgreSQL
 * (BENCH_DATABASE_URL, or the local server CI starts, when reachable) in the same run.
 * Prints p50/p95/max per database and the whole query mix; the goal is p95 ≤ 20 ms.
 *
 *   pnpm --filter @egov-kit/server bench:search            # 6,000 procedures, 30 rounds
 *   BENCH_PROCEDURES=600 BENCH_ROUNDS=3 node bench/search.mjs   # the small run CI does
 *   node bench/search.mjs --quick --json <file>      # the same, figures for `pnpm bench`
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { importNationalProcedure } from '@egov-kit/schema/procedures';
import pg from 'pg';
import { benchQuick, writeBenchJson } from '../../../scripts/lib/bench-report.mjs';
import {
  listProcedures,
  migrate,
  openDatabase,
  rebuildSearchIndex,
  saveProcedure,
} from '../dist/index.js';

const PROCEDURES = Number(process.env.BENCH_PROCEDURES ?? (benchQuick() ? 600 : 6000));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (benchQuick() ? 3 : 30));
const GOAL_P95_MS = 20;
const POSTGRES_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://egov:egov@127.0.0.1:5432/egov_bench_search';

const QUERIES = [
  'đăng ký nghĩa vụ quân sự',
  'dang ki nghia vu quan su',
  'giấy phép',
  'giay phep mat ma dan su',
  'tau thuyen nuoc ngaoi',
  'vat lieu no cong ngiep',
  'khieu nai',
  'cap lai giay chung nhan',
  'bien phong dien tu',
  'nghia vu quan s',
  'ho tro',
  'thu tuc',
];

// Words that make a name a different procedure without making it an easier search.
const VARIANTS = [
  'tại cấp xã',
  'tại cấp tỉnh',
  'đối với tổ chức',
  'đối với cá nhân',
  'lần đầu',
  'cấp lại',
  'điều chỉnh',
  'gia hạn',
  'trên môi trường điện tử',
  'theo thủ tục rút gọn',
  'cho doanh nghiệp nhỏ và vừa',
  'tại khu kinh tế',
  'đối với người nước ngoài',
  'trong trường hợp khẩn cấp',
];

async function procedures(count) {
  const records = JSON.parse(
    gunzipSync(
      await readFile(new URL('../data/national-procedures.json.gz', import.meta.url)),
    ).toString('utf8'),
  );
  const base = records.map((record) => importNationalProcedure(record));
  const out = [];
  for (let i = 0; out.length < count; i++) {
    const procedure = base[i % base.length];
    const round = Math.floor(i / base.length);
    out.push(
      round === 0
        ? procedure
        : {
            ...procedure,
            code: `${procedure.code}.${round}`,
            name: `${procedure.name} ${VARIANTS[round % VARIANTS.length]}${round >= VARIANTS.length ? ' (mẫu mới)' : ''}`,
          },
    );
  }
  return out;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function postgresReachable() {
  const admin = new pg.Client({ connectionString: POSTGRES_URL.replace(/\/[^/]+$/, '/postgres') });
  try {
    await admin.connect();
    const name = new URL(POSTGRES_URL).pathname.slice(1);
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    return true;
  } catch {
    return false;
  } finally {
    await admin.end().catch(() => {});
  }
}

async function run(label, db, list) {
  await migrate(db);
  const t0 = performance.now();
  await db.transaction(async (tx) => {
    for (const procedure of list) await saveProcedure(tx, procedure);
    await rebuildSearchIndex(tx);
  });
  const indexSeconds = (performance.now() - t0) / 1000;
  const perQuery = new Map(QUERIES.map((q) => [q, []]));
  const all = [];
  let empty = 0;
  // Warm up: the vocabulary is read once, and the plans are made.
  for (const q of QUERIES) await listProcedures(db, { q, limit: 20 });
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of QUERIES) {
      const start = performance.now();
      const page = await listProcedures(db, { q, limit: 20 });
      const ms = performance.now() - start;
      if (page.items.length === 0) empty++;
      perQuery.get(q).push(ms);
      all.push(ms);
    }
  }
  all.sort((a, b) => a - b);
  const rows = [...perQuery].map(([q, times]) => {
    times.sort((a, b) => a - b);
    return { q, p50: percentile(times, 50), p95: percentile(times, 95) };
  });
  return {
    label,
    procedures: list.length,
    indexSeconds,
    p10: percentile(all, 10),
    p50: percentile(all, 50),
    p90: percentile(all, 90),
    p95: percentile(all, 95),
    max: all.at(-1),
    empty,
    rows,
  };
}

const list = await procedures(PROCEDURES);
const results = [];
{
  const db = await openDatabase({});
  results.push(await run('PGlite', db, list));
  await db.close();
}
if (await postgresReachable()) {
  const db = await openDatabase({ databaseUrl: POSTGRES_URL });
  results.push(await run('PostgreSQL', db, list));
  await db.close();
} else {
  console.log(`PostgreSQL not reachable at ${POSTGRES_URL}: PGlite only`);
}

const f = (ms) => ms.toFixed(2).padStart(7);
console.log(
  `\nprocedure search, ${PROCEDURES} procedures, ${QUERIES.length} queries × ${ROUNDS} rounds (ms)`,
);
for (const r of results) {
  console.log(
    `\n${r.label}: indexed in ${r.indexSeconds.toFixed(1)} s; all queries p50 ${f(r.p50)}  p95 ${f(r.p95)}  max ${f(r.max)}  empty answers ${r.empty}  ${r.p95 <= GOAL_P95_MS ? 'within' : 'OVER'} the ${GOAL_P95_MS} ms goal`,
  );
  for (const row of r.rows) console.log(`  ${f(row.p50)} ${f(row.p95)}  ${row.q}`);
}
await writeBenchJson({
  name: 'Server search',
  subject: 'listProcedures (@egov-kit/server), the SQL a search runs',
  peer: null,
  unit: 'ms',
  better: 'lower',
  rows: results.flatMap((r) => [
    {
      case: `${r.label}, ${r.procedures} procedures: query p50 (p10–p90)`,
      subject: { median: r.p50, spread: [r.p10, r.p90] },
      peer: null,
      ratio: null,
    },
    {
      case: `${r.label}, ${r.procedures} procedures: query p95 (p95–max)`,
      subject: { median: r.p95, spread: [r.p95, r.max] },
      peer: null,
      ratio: null,
      goal: { value: GOAL_P95_MS, atMost: true },
      note: `${r.empty} empty answers`,
    },
  ]),
});
if (results.some((r) => r.empty > 0)) {
  console.error('a query that should find something found nothing');
  process.exitCode = 1;
}
