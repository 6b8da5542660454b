#!/usr/bin/env node
/**
 * `pnpm bench`: every benchmark against its peer, in one run, and one report of them —
 * docs/benchmarks/report.md (tables), report.json (every figure, with the machine) and an SVG
 * chart per comparison. Each benchmark interleaves ours and the peer's runs itself, and writes its
 * figures in the shape of scripts/lib/bench-report.mjs; this runs them one after another (never
 * two at once: they would measure each other) and puts them together.
 *
 *   pnpm build && pnpm bench                  # the full report (about 15 minutes), committed
 *   pnpm bench --quick                        # a smoke test of a minute or two, into a temporary folder
 *   pnpm bench --only server-vs-database,digest --out /tmp/report
 *
 * Options: --quick (short runs; the report goes to a temporary folder unless --out is given),
 * --only <ids>, --skip <ids>, --out <folder>. PostgreSQL: BENCH_DATABASE_URL (default the local
 * server CI starts, postgres://egov:egov@127.0.0.1:5432/egov); without it, PGlite only.
 * Exits non-zero when a benchmark fails to run (a goal missed is reported, not a failure).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, type as osType, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from './lib/chromium-options.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const quick = args.includes('--quick');
const only = option('only')?.split(',');
const skip = option('skip')?.split(',') ?? [];
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://egov:egov@127.0.0.1:5432/egov';

/** The benchmarks, each beside its peer; `args` are given before --json, `quick` with --quick. */
const BENCHES = [
  {
    id: 'form-render',
    script: 'packages/elements/bench/form-render.mjs',
    title: 'Dossier form vs SurveyJS (Chromium)',
  },
  {
    id: 'client-search',
    script: 'packages/elements/bench/search.mjs',
    title: 'Client search vs MiniSearch (Chromium)',
  },
  {
    id: 'server-search',
    script: 'packages/server/bench/search.mjs',
    title: 'Server search, PGlite and PostgreSQL',
    env: { BENCH_DATABASE_URL: databaseUrlNamed('egov_bench_search') },
  },
  {
    id: 'server-vs-database',
    script: 'packages/server/bench/vs-database.mjs',
    title: 'Server vs bare database',
    env: { BENCH_DATABASE_URL: POSTGRES_URL },
  },
  { id: 'client', script: 'packages/client/bench/client.mjs', title: 'Client vs fetch' },
  {
    id: 'digest',
    script: 'packages/signing/bench/digest.mjs',
    title: 'Digest vs WebCrypto (Node and Chromium)',
    args: ['--no-pades'],
  },
  {
    id: 'verify-pdf',
    script: 'packages/signing/bench/verify-pdf.mjs',
    title: 'Signature verification vs pdfsig',
  },
].filter((b) => (!only || only.includes(b.id)) && !skip.includes(b.id));

function databaseUrlNamed(name) {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

function run(bench, jsonFile, logFile) {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        join(root, bench.script),
        ...(bench.args ?? []),
        ...(quick ? ['--quick'] : []),
        '--json',
        jsonFile,
      ],
      {
        cwd: join(root, bench.script, '..', '..'),
        env: { ...process.env, ...bench.env, ...(quick ? { BENCH_QUICK: '1' } : {}) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', async (code) => {
      const text = Buffer.concat(output).toString('utf8');
      await writeFile(logFile, text);
      resolvePromise({ code, seconds: (performance.now() - started) / 1000, output: text });
    });
  });
}

function tryText(command, commandArgs) {
  try {
    return execFileSync(command, commandArgs, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  } catch {
    return undefined;
  }
}

async function postgresVersion() {
  try {
    // pg is the server's dependency, not the workspace root's.
    const pg = createRequire(join(root, 'packages/server/package.json'))('pg');
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
    await client.connect();
    const { rows } = await client.query('show server_version');
    await client.end();
    return rows[0].server_version;
  } catch {
    return undefined;
  }
}

async function machine() {
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model?.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium: tryText(chromiumPath, ['--version'])
      ?.replace(/^Chromium\s+/, '')
      .split(' ')[0],
    postgres: await postgresVersion(),
    pdfsig: /pdfsig version (\S+)/.exec(tryText('sh', ['-c', 'pdfsig -v 2>&1']) ?? '')?.[1],
    load: tryText('cat', ['/proc/loadavg'])?.split(' ').slice(0, 3).join(' '),
    quick,
  };
}

// ---------------------------------------------------------------------------------------------
// The report.

const number = (value, unit) => {
  if (value == null || Number.isNaN(value)) return '–';
  const digits =
    Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 ? 2 : 3;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
};
const figure = (f, unit) =>
  f ? `${number(f.median, unit)} (${number(f.spread?.[0])}–${number(f.spread?.[1])})` : '–';

/** Whether a row meets its goal: true, false, or undefined without one. */
function goalMet(row) {
  const goal = row.goal;
  if (!goal) return undefined;
  const value = goal.ratio !== undefined ? row.ratio : row.subject.median;
  const target = goal.ratio ?? goal.value;
  if (value == null) return undefined;
  return goal.atLeast ? value >= target : value <= target;
}

function goalText(row, unit) {
  const goal = row.goal;
  if (!goal) return '';
  const target =
    goal.ratio !== undefined
      ? `ratio ${goal.atLeast ? '≥' : '≤'} ${goal.ratio}`
      : `${goal.atLeast ? '≥' : '≤'} ${number(goal.value, unit)}`;
  return `${target}: ${goalMet(row) ? 'met' : 'missed'}`;
}

const escapeXml = (text) =>
  String(text).replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c],
  );

/**
 * A horizontal bar chart: per row, ours ÷ peer (a line at 1 = the peer), or the figure itself
 * against its goal when there is no peer. Plain SVG, readable without CSS or script; its title
 * and description say what it shows.
 */
function chart(report) {
  const rows = report.rows;
  const byRatio = rows.some((r) => r.ratio != null);
  const value = (r) => (byRatio ? r.ratio : r.subject.median);
  const goalOf = (r) => (byRatio ? r.goal?.ratio : r.goal?.value);
  const max =
    Math.max(1.2, ...rows.map((r) => value(r) ?? 0), ...rows.map((r) => goalOf(r) ?? 0)) * 1.08;
  const label = 330;
  const width = 820;
  const plot = width - label - 70;
  const bar = 18;
  const gap = 10;
  const top = 46;
  const height = top + rows.length * (bar + gap) + 30;
  const x = (v) => label + (v / max) * plot;
  const axisLabel = byRatio
    ? `ours ÷ ${report.peer ?? 'peer'} (${report.better === 'higher' ? 'higher' : 'lower'} is better; 1 = the peer)`
    : `${report.unit} (${report.better} is better)`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="t d" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="t">${escapeXml(report.name)}</title>`,
    `<desc id="d">${escapeXml(axisLabel)}. ${rows
      .map((r) => `${r.case}: ${number(value(r))}`)
      .map(escapeXml)
      .join('; ')}</desc>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="20" font-size="14" font-weight="600" fill="#1a1a1a">${escapeXml(report.name)}</text>`,
    `<text x="12" y="36" fill="#444444">${escapeXml(axisLabel)}</text>`,
  ];
  rows.forEach((r, i) => {
    const y = top + i * (bar + gap);
    const v = value(r) ?? 0;
    const met = goalMet(r);
    const fill = met === false ? '#b3261e' : '#1f5fa8';
    const name = r.case.length > 52 ? `${r.case.slice(0, 51)}…` : r.case;
    parts.push(
      `<text x="${label - 8}" y="${y + bar - 5}" text-anchor="end" fill="#1a1a1a">${escapeXml(name)}</text>`,
      `<rect x="${label}" y="${y}" width="${Math.max(1, x(v) - label).toFixed(1)}" height="${bar}" fill="${fill}"/>`,
      `<text x="${(x(v) + 4).toFixed(1)}" y="${y + bar - 5}" fill="#1a1a1a">${escapeXml(number(v))}${met === false ? ' (goal missed)' : ''}</text>`,
    );
    const g = goalOf(r);
    if (g != null) {
      parts.push(
        `<line x1="${x(g).toFixed(1)}" x2="${x(g).toFixed(1)}" y1="${y - 3}" y2="${y + bar + 3}" stroke="#1a1a1a" stroke-width="2" stroke-dasharray="3 2"/>`,
      );
    }
  });
  if (byRatio) {
    parts.push(
      `<line x1="${x(1).toFixed(1)}" x2="${x(1).toFixed(1)}" y1="${top - 6}" y2="${height - 24}" stroke="#444444" stroke-width="1"/>`,
      `<text x="${x(1).toFixed(1)}" y="${height - 10}" text-anchor="middle" fill="#444444">1 (peer)</text>`,
    );
  }
  parts.push(
    `<text x="${width - 12}" y="${height - 10}" text-anchor="end" fill="#444444">dashed: goal</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}

/** Text for a Markdown table cell or paragraph: no HTML, no column break. */
const md = (text) =>
  String(text ?? '').replace(/[<>|]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '|': '\\|' })[c]);

function markdown(results, about) {
  const lines = [
    '# Benchmarks: egov-kit against its peers',
    '',
    `Generated by \`pnpm bench\`${about.quick ? ' --quick (a smoke test: not figures to quote)' : ''} on ${about.date.slice(0, 10)}. Each benchmark runs ours and its peer interleaved in the same process or run, so that a busy machine weighs on both alike; figures are medians with their spread (min–max or p10–p90, as each table says), and the ratio is ours ÷ the peer's median.`,
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${about.cpu}, ${about.cores} cores |`,
    `| Memory | ${about.memoryGB} GB |`,
    `| OS | ${about.os} |`,
    `| Node | ${about.node} |`,
    `| Chromium | ${about.chromium ?? 'not found'} |`,
    `| PostgreSQL | ${about.postgres ?? 'not reachable (PGlite only)'} |`,
    `| poppler pdfsig | ${about.pdfsig ?? 'not found'} |`,
    `| Load average at start | ${about.load ?? '–'} |`,
    `| Date | ${about.date} |`,
    '',
    'The machine is shared: a load average well above the core count means other work ran beside the benchmarks, which the interleaving spreads over both sides but does not remove.',
    '',
    '## Summary',
    '',
    '| Comparison | Headline | Goal |',
    '|---|---|---|',
  ];
  for (const { bench, report, error } of results) {
    if (!report) {
      lines.push(`| ${bench.title} | did not run: ${md(error)} | |`);
      continue;
    }
    const withGoal = report.rows.filter((r) => r.goal);
    const headline = withGoal[0] ?? report.rows[0];
    const text =
      headline.ratio != null
        ? `${md(headline.case)}: ×${number(headline.ratio)} of ${md(report.peer)}`
        : `${md(headline.case)}: ${number(headline.subject.median, report.unit)}`;
    const met = withGoal.filter((r) => goalMet(r)).length;
    lines.push(
      `| [${bench.title}](#${bench.id}) | ${text} | ${withGoal.length ? `${met} of ${withGoal.length} met` : '–'} |`,
    );
  }
  for (const { bench, report, error, seconds } of results) {
    lines.push('', `<h2 id="${bench.id}">${bench.title}</h2>`, '');
    if (!report) {
      lines.push(`Did not run: ${md(error)}`);
      continue;
    }
    lines.push(
      `Ours: ${md(report.subject)}. Peer: ${md(report.peer ?? 'none (a goal instead)')}. Unit: ${report.unit}, ${report.better} is better. Script: \`${bench.script}\` (${Math.round(seconds)} s).`,
      '',
      `![${report.name}](${bench.id}.svg)`,
      '',
      `| Case | Ours | Peer | Ours ÷ peer | Goal | Note |`,
      '|---|---:|---:|---:|---|---|',
    );
    for (const r of report.rows) {
      lines.push(
        `| ${md(r.case)} | ${figure(r.subject)} | ${figure(r.peer)} | ${r.ratio != null ? number(r.ratio) : '–'} | ${goalText(r, report.unit)} | ${md(r.note)} |`,
      );
    }
  }
  lines.push(
    '',
    '## Running it',
    '',
    '```sh',
    'pnpm build        # the benchmarks use the built packages',
    'pnpm bench        # this report, into docs/benchmarks/',
    'pnpm bench --quick --out /tmp/bench   # a short smoke test',
    '```',
    '',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

const out = option('out')
  ? resolve(option('out'))
  : quick
    ? await mkdtemp(join(tmpdir(), 'egov-bench-'))
    : join(root, 'docs/benchmarks');
await mkdir(out, { recursive: true });
const work = await mkdtemp(join(tmpdir(), 'egov-bench-json-'));
const about = await machine();
const results = [];
try {
  for (const bench of BENCHES) {
    const jsonFile = join(work, `${bench.id}.json`);
    const logFile = join(work, `${bench.id}.log`);
    process.stdout.write(`${bench.title} … `);
    let { code, seconds, output } = await run(bench, jsonFile, logFile);
    if (code !== 0) {
      // Once more: a package rebuilt meanwhile (a shared machine) is a failure of the moment.
      process.stdout.write('failed, once more … ');
      ({ code, seconds, output } = await run(bench, jsonFile, logFile));
    }
    let report;
    let error;
    try {
      report = JSON.parse(await readFile(jsonFile, 'utf8'));
    } catch {
      error = `exit ${code}; ${output.trim().split('\n').slice(-3).join(' ').slice(0, 300)}`;
    }
    if (code !== 0 && !error) error = `exit ${code} after writing its figures`;
    console.log(error ? `FAILED (${Math.round(seconds)} s): ${error}` : `${Math.round(seconds)} s`);
    results.push({ bench, report, error, seconds, code });
  }
  for (const { bench, report } of results) {
    if (report) await writeFile(join(out, `${bench.id}.svg`), chart(report));
  }
  await writeFile(join(out, 'report.md'), markdown(results, about));
  await writeFile(
    join(out, 'report.json'),
    `${JSON.stringify(
      {
        machine: about,
        benchmarks: results.map(({ bench, report, error, seconds }) => ({
          id: bench.id,
          title: bench.title,
          script: bench.script,
          seconds,
          ...(report ? { report } : { error }),
        })),
      },
      null,
      2,
    )}\n`,
  );
  console.log(
    `\nReport: ${relative(process.cwd(), join(out, 'report.md')) || join(out, 'report.md')}`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
if (results.some((r) => r.error)) process.exitCode = 1;
