#!/usr/bin/env node
/**
 * Benchmark: the procedure search index beside MiniSearch 7.2.0, and the dossier tracker's render
 * with 500 events, in Debian's Chromium. Prints a table (`--json <file>`: the figures for
 * `pnpm bench`, `--quick`: fewer tracker runs); not run by CI.
 *
 *   pnpm --filter @egov-kit/elements run bench        (or: node packages/elements/bench/search.mjs)
 *
 * The catalogue is the 207 real procedures the reference server seeds (packages/server/data,
 * converted with the schema's importer — build @egov-kit/schema first), expanded to 6,000 with
 * varied synthetic variants: other actions ("cấp lại", "gia hạn"…), other applicants, other
 * agencies in other provinces, other keywords — so that words repeat across records as in the
 * real national catalogue, and not just copies. The ≥ 200 queries are phrases of real names as
 * people type them: without diacritics, a third with one typo, some with the last word half typed.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { foldVietnamese } from '@egov-kit/schema';
import { importNationalProcedure } from '@egov-kit/schema/procedures';
import { benchQuick, row, writeBenchJson } from '../../../scripts/lib/bench-report.mjs';
import { launchChromium } from '../../../scripts/lib/chromium.mjs';
import { serveFolder } from '../../../scripts/lib/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const TOTAL = 6000;
const QUERIES = 240;
const RUNS = benchQuick() ? 3 : 10;

// esbuild comes with tsup (a dev dependency of the workspace): resolve it from there.
const require = createRequire(createRequire(import.meta.url).resolve('tsup'));
const esbuild = require('esbuild');

// A small seeded PRNG (mulberry32): the same catalogue and queries on every run.
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20250701);
const pick = (list) => list[Math.floor(rand() * list.length)];

const raw = JSON.parse(
  gunzipSync(await readFile(join(pkg, '../server/data/national-procedures.json.gz'))).toString(),
);
const real = raw.map((record) => importNationalProcedure(record));

const ACTIONS = [
  'cấp lại',
  'cấp đổi',
  'điều chỉnh',
  'gia hạn',
  'thu hồi',
  'đăng ký',
  'xác nhận',
  'bổ sung',
  'chuyển đổi',
  'hủy bỏ',
];
const WHO = [
  'đối với cá nhân',
  'đối với tổ chức',
  'đối với doanh nghiệp có vốn đầu tư nước ngoài',
  'cho người nước ngoài',
  'cho hộ kinh doanh',
  'đối với hợp tác xã',
  'cho người Việt Nam định cư ở nước ngoài',
];
const PROVINCES = [
  'Hà Nội',
  'Hải Phòng',
  'Đà Nẵng',
  'Huế',
  'Cần Thơ',
  'Thành phố Hồ Chí Minh',
  'Quảng Ninh',
  'Nghệ An',
  'Thanh Hóa',
  'Lâm Đồng',
  'Khánh Hòa',
  'Đắk Lắk',
  'An Giang',
  'Cà Mau',
  'Lào Cai',
  'Tuyên Quang',
];
const BODIES = [
  'Sở Tư pháp',
  'Sở Công Thương',
  'Sở Xây dựng',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Nông nghiệp và Môi trường',
  'Công an tỉnh',
  'Ủy ban nhân dân xã',
  'Sở Tài chính',
  'Sở Văn hóa, Thể thao và Du lịch',
];
const KEYWORDS = [
  'giấy phép',
  'chứng chỉ',
  'hộ tịch',
  'đất đai',
  'xây dựng',
  'môi trường',
  'doanh nghiệp',
  'thuế',
  'bảo hiểm',
  'giáo dục',
  'y tế',
  'giao thông',
  'cư trú',
  'kết hôn',
  'khai sinh',
  'hộ chiếu',
  'lái xe',
  'quốc tịch',
  'công chứng',
  'chứng thực',
];
const FIELDS_EXTRA = [
  'Hộ tịch',
  'Chứng thực',
  'Đất đai',
  'Xây dựng',
  'Giao thông vận tải',
  'Y tế',
  'Giáo dục',
  'Cư trú',
  'Thuế',
  'Lao động',
];

/** A variant of a real procedure: another action, applicant, agency and keywords. */
function variant(base, n) {
  const core = base.name.replace(/^Thủ tục\s+/i, '');
  const action = pick(ACTIONS);
  const who = rand() < 0.5 ? ` ${pick(WHO)}` : '';
  const province = pick(PROVINCES);
  const body = pick(BODIES);
  const name =
    rand() < 0.5
      ? `Thủ tục ${action} ${core}${who}`
      : `${core.charAt(0).toUpperCase()}${core.slice(1)}${who} tại ${province}`;
  return {
    code: `9.${String(100000 + n).slice(-6)}`,
    name,
    field: rand() < 0.7 ? base.field : pick(FIELDS_EXTRA),
    levels: base.levels,
    onlineLevel: pick(['full', 'partial', 'none']),
    keywords: [...new Set([pick(KEYWORDS), pick(KEYWORDS), ...base.keywords])],
    type: base.type,
    targetGroups: base.targetGroups,
    results: base.results,
    agencies: {
      implementing: [`${body} ${province}`],
      competent: rand() < 0.5 ? base.agencies.competent : [`Ủy ban nhân dân ${province}`],
      delegated: [],
      coordinating: [],
    },
  };
}

const catalogue = [...real];
for (let n = 0; catalogue.length < TOTAL; n++) catalogue.push(variant(real[n % real.length], n));

/** One edit in a word of 5 letters or more: what the index tolerates and MiniSearch's fuzzy 0.2 does too. */
function typo(word) {
  const i = 1 + Math.floor(rand() * (word.length - 2));
  const kind = rand();
  if (kind < 0.4) return word.slice(0, i) + word.slice(i + 1); // a letter missed
  if (kind < 0.7) return word.slice(0, i) + word[i] + word.slice(i); // a letter doubled
  return word.slice(0, i) + 'aeioun'[Math.floor(rand() * 6)] + word.slice(i + 1); // a wrong letter
}

const COMMON = [
  'khai sinh',
  'dang ky ket hon',
  'thuong tru',
  'nghia vu quan su',
  'giay phep',
  'cap lai giay phep',
  'ho kinh doanh',
  'vat lieu no',
  'chung chi',
  'dau khi',
  'bien phong',
  'tau thuyen',
  'quoc phong',
  'mat ma dan su',
  'su co tran dau',
  'che do huu tri',
  'khen thuong',
  'do cao cong trinh',
  'xe co gioi',
  'cang bien',
];
const queries = [...COMMON];
while (queries.length < QUERIES) {
  const words = foldVietnamese(pick(real).name.replace(/^Thủ tục\s+/i, ''))
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const length = 1 + Math.floor(rand() * 3);
  const start = Math.floor(rand() * Math.max(1, words.length - length));
  let phrase = words.slice(start, start + length);
  if (!phrase.length) continue;
  const r = rand();
  if (r < 0.33) {
    const long = phrase.findIndex((word) => word.length >= 5);
    if (long >= 0) phrase[long] = typo(phrase[long]);
  } else if (r < 0.5) {
    const last = phrase.at(-1);
    if (last.length > 3)
      phrase = [...phrase.slice(0, -1), last.slice(0, Math.ceil(last.length / 2))];
  }
  queries.push(phrase.join(' '));
}

const work = await mkdtemp(join(tmpdir(), 'egov-bench-'));
await esbuild.build({
  stdin: {
    contents: `
      export { ProcedureIndex } from './src/procedure-search/procedure-index.ts';
      export { default as MiniSearch } from 'minisearch';
      export { foldVietnamese } from '@egov-kit/schema';
      import './src/dossier-tracker/define.ts';
    `,
    resolveDir: pkg,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  minify: true,
  platform: 'browser',
  target: 'es2022',
  tsconfig: join(pkg, 'tsconfig.json'),
  outfile: join(work, 'bench.js'),
  logLevel: 'error',
});
await writeFile(join(work, 'data.json'), JSON.stringify({ catalogue, queries }));
await writeFile(
  join(work, 'index.html'),
  '<!doctype html><html lang="vi"><body><script type="module" src="./bench.js"></script></body></html>',
);

const server = await serveFolder(work);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/index.html`);
  const figures = await page.evaluate(async (RUNS) => {
    const { ProcedureIndex, MiniSearch, foldVietnamese } = await import('./bench.js');
    const { catalogue, queries } = await (await fetch('./data.json')).json();
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const percentile = (values, p) => {
      const sorted = [...values].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
    };
    const time = (run) => {
      const start = performance.now();
      const result = run();
      return [performance.now() - start, result];
    };

    // Ours.
    const oursBuild = [];
    let ours;
    for (let i = 0; i < 3; i++) {
      const [ms, index] = time(() => new ProcedureIndex(catalogue));
      oursBuild.push(ms);
      ours = index;
    }
    // MiniSearch, configured as ours behaves: the same three fields and weights, every word
    // required, the last word a prefix, one typo in 5 letters (fuzzy 0.2), diacritics folded.
    const tokenize = (text) => text.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
    const processTerm = (term) => foldVietnamese(term) || null;
    const documents = catalogue.map((p, id) => ({
      id,
      name: p.name,
      keywords: p.keywords.join(' '),
      other: [
        p.code,
        p.field,
        p.type ?? '',
        ...(p.targetGroups ?? []),
        ...(p.agencies?.implementing ?? []),
        ...(p.agencies?.competent ?? []),
        ...(p.results ?? []),
      ].join(' '),
    }));
    const miniBuild = [];
    let mini;
    for (let i = 0; i < 3; i++) {
      const [ms, index] = time(() => {
        const m = new MiniSearch({ fields: ['name', 'keywords', 'other'], tokenize, processTerm });
        m.addAll(documents);
        return m;
      });
      miniBuild.push(ms);
      mini = index;
    }
    const miniOptions = {
      boost: { name: 100, keywords: 10, other: 1 },
      fuzzy: 0.2,
      prefix: true,
      combineWith: 'AND',
    };

    // Warm both up, then measure each query once per run, interleaved.
    for (const q of queries.slice(0, 20)) {
      ours.search(q);
      mini.search(q, miniOptions);
    }
    const oursTimes = [];
    const miniTimes = [];
    const hits = { ours: 0, mini: 0 };
    for (let run = 0; run < 3; run++) {
      for (const q of queries) {
        const [a, ra] = time(() => ours.search(q));
        const [b, rb] = time(() => mini.search(q, miniOptions));
        oursTimes.push(a);
        miniTimes.push(b);
        if (run === 0) {
          hits.ours += ra.length ? 1 : 0;
          hits.mini += rb.length ? 1 : 0;
        }
      }
    }

    // The tracker with 500 events: first render (the newest 10), and "show all".
    const events = [];
    const start = Date.parse('2025-03-03T02:00:00Z');
    const actions = [
      'transfer',
      'request_supplement',
      'supplement',
      'transfer',
      'start_processing',
    ];
    events.push({
      action: 'submit',
      at: new Date(start).toISOString(),
      fromStatus: 'draft',
      toStatus: 'submitted',
    });
    for (let i = 1; i < 500; i++) {
      events.push({
        action: actions[i % actions.length],
        at: new Date(start + i * 3_600_000).toISOString(),
        fromStatus: 'in_progress',
        toStatus: 'in_progress',
        actor: { role: 'officer', name: `Cán bộ ${i}`, agencyCode: 'UBND-20242' },
        note: i % 7 ? undefined : 'Đã kiểm tra thành phần hồ sơ.',
      });
    }
    const dossier = {
      code: 'HS-BENCH-000001',
      status: 'in_progress',
      nationalStatusCode: 4,
      submittedAt: events[0].at,
      receivedAt: events[1].at,
      dueAt: '2025-04-30T10:00:00Z',
      overdue: false,
    };
    const first = [];
    const all = [];
    for (let i = 0; i < RUNS; i++) {
      const tracker = document.createElement('egov-dossier-tracker');
      tracker.now = new Date('2025-04-01T03:00:00Z');
      let t = performance.now();
      tracker.dossier = dossier;
      tracker.events = events;
      document.body.append(tracker);
      await tracker.updateComplete;
      first.push(performance.now() - t);
      const button = tracker.shadowRoot.querySelector('.show-all');
      t = performance.now();
      button.click();
      await tracker.updateComplete;
      all.push(performance.now() - t);
      if (tracker.shadowRoot.querySelectorAll('[part="event"]').length !== 500)
        throw new Error('not all events shown');
      tracker.remove();
    }
    return {
      size: catalogue.length,
      queries: queries.length,
      ours: {
        build: median(oursBuild),
        buildMin: Math.min(...oursBuild),
        buildMax: Math.max(...oursBuild),
        p10: percentile(oursTimes, 10),
        p90: percentile(oursTimes, 90),
        p50: percentile(oursTimes, 50),
        p95: percentile(oursTimes, 95),
        max: Math.max(...oursTimes),
        found: hits.ours,
      },
      mini: {
        build: median(miniBuild),
        buildMin: Math.min(...miniBuild),
        buildMax: Math.max(...miniBuild),
        p10: percentile(miniTimes, 10),
        p90: percentile(miniTimes, 90),
        p50: percentile(miniTimes, 50),
        p95: percentile(miniTimes, 95),
        max: Math.max(...miniTimes),
        found: hits.mini,
      },
      tracker: { first: median(first), all: median(all) },
    };
  }, RUNS);

  const ms = (value) => `${value.toFixed(2)} ms`.padStart(11);
  console.log(
    `\nProcedure search: ${figures.size} procedures, ${figures.queries} queries (×3 runs), Chromium ${browser.version()}\n`,
  );
  console.log(
    '| index              |  build (med) |    query p50 |    query p95 |    query max | queries with results |',
  );
  console.log(
    '|--------------------|--------------|--------------|--------------|--------------|----------------------|',
  );
  for (const [name, f] of [
    ['ProcedureIndex', figures.ours],
    ['MiniSearch 7.2.0', figures.mini],
  ]) {
    console.log(
      `| ${name.padEnd(18)} | ${ms(f.build)}  | ${ms(f.p50)}  | ${ms(f.p95)}  | ${ms(f.max)}  | ${String(f.found).padStart(10)} / ${figures.queries}     |`,
    );
  }
  console.log(`\nTracker, 500 events, median of ${RUNS}:`);
  console.log('| render                                   |      time |');
  console.log('|------------------------------------------|-----------|');
  console.log(`| first render (status, due date, newest 10) | ${ms(figures.tracker.first)} |`);
  console.log(`| "show all" (500 events)                  | ${ms(figures.tracker.all)} |`);
  const goal = figures.ours.p95 < 5 && figures.ours.p95 <= figures.mini.p95;
  console.log(`\nGoal (p95 < 5 ms and not slower than MiniSearch): ${goal ? 'met' : 'NOT met'}`);
  const { ours, mini } = figures;
  await writeBenchJson({
    name: 'Client search vs MiniSearch',
    subject: 'ProcedureIndex (@egov-kit/elements)',
    peer: 'MiniSearch 7.2.0',
    unit: 'ms',
    better: 'lower',
    versions: { chromium: browser.version() },
    rows: [
      row(
        `query, ${figures.size} procedures (p50, p10–p90)`,
        { median: ours.p50, spread: [ours.p10, ours.p90] },
        { median: mini.p50, spread: [mini.p10, mini.p90] },
      ),
      row(
        'query p95',
        { median: ours.p95, spread: [ours.p95, ours.max] },
        { median: mini.p95, spread: [mini.p95, mini.max] },
        { goal: { value: 5, atMost: true }, note: 'spread: p95–max' },
      ),
      row(
        'index build',
        { median: ours.build, spread: [ours.buildMin, ours.buildMax] },
        { median: mini.build, spread: [mini.buildMin, mini.buildMax] },
      ),
    ],
  });
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}
