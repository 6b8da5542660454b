#!/usr/bin/env node
/**
 * Each element's first load as a bundler that splits code delivers it: the element's entry
 * (`@egov-kit/elements/<name>`) built by esbuild and by Rollup (through Vite, as most agency
 * sites build) with code splitting, and the entry's chunk plus every chunk it imports statically
 * (at once) counted, gzipped. Lazy modules (`import()`) and what only they use are left out —
 * but a chunk shared by the entry and a lazy module counts, because the page loads it first.
 * (size-limit, in .size-limit.json, measures one module with its lazy imports marked external,
 * which cannot see that.)
 *
 * Budgets are in scripts/size-split.budgets.json, in kB (1,000 bytes) gzipped, per element, for
 * the larger of the two bundlers' figures: `limit`, which fails the run when exceeded (as is, so
 * that nothing grows unnoticed), and for some a `goal` still to reach, reported met or missed.
 * An element without a budget fails too. Run after `pnpm --filter @egov-kit/elements build`:
 *
 *   node scripts/size-split.mjs            # every element
 *   node scripts/size-split.mjs tracker    # the elements whose name contains "tracker"
 *   node scripts/size-split.mjs --json out.json
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const elements = join(root, 'packages/elements');
const budgets = JSON.parse(readFileSync(join(root, 'scripts/size-split.budgets.json'), 'utf8'));
const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const filter = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--json');

const exportsMap = JSON.parse(readFileSync(join(elements, 'package.json'), 'utf8')).exports;
// Every element's own entry: `./<name>` → `dist/<name>/define.js`.
const entries = Object.entries(exportsMap)
  .filter(([, value]) => typeof value === 'object' && /\/define\.js$/.test(value.default ?? ''))
  .filter(([key]) => key.split('/').length === 2)
  .map(([key, value]) => ({ name: key.slice(2), file: join(elements, value.default) }))
  .filter((entry) => !filter || entry.name.includes(filter));

const gz = (text) => gzipSync(text, { level: 9 }).length;

/** First load with esbuild: the entry's output and its static imports, transitively. */
async function withEsbuild(file) {
  const result = await esbuild({
    entryPoints: [file],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    write: false,
    metafile: true,
    outdir: '/size-split',
    logLevel: 'silent',
  });
  const text = new Map(result.outputFiles.map((out) => [out.path, out.text]));
  const outputs = result.metafile.outputs;
  // Lazy modules are entry points of their own too: take the one built from `file`.
  const entry = Object.keys(outputs).find(
    (path) => outputs[path].entryPoint && resolve(outputs[path].entryPoint) === file,
  );
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of outputs[path].imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  let bytes = 0;
  for (const path of seen) {
    const code = text.get(resolve(path));
    if (code === undefined) throw new Error(`esbuild: no output ${path}`);
    bytes += gz(code);
  }
  return { bytes, chunks: seen.size };
}

/** First load with Rollup through Vite's build (minified by esbuild, as Vite does). */
async function withRollup(file) {
  const output = await vite({
    configFile: false,
    logLevel: 'silent',
    root: elements,
    build: {
      write: false,
      minify: 'esbuild',
      target: 'es2022',
      modulePreload: false,
      rollupOptions: {
        input: file,
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es' },
      },
    },
  });
  const chunks = (Array.isArray(output) ? output[0] : output).output.filter(
    (item) => item.type === 'chunk',
  );
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const entry = chunks.find((chunk) => chunk.isEntry);
  const seen = new Set();
  const visit = (chunk) => {
    if (!chunk || seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  visit(entry);
  let bytes = 0;
  for (const name of seen) bytes += gz(byName.get(name).code);
  return { bytes, chunks: seen.size };
}

const rows = [];
let failed = 0;
for (const { name, file } of entries) {
  if (!existsSync(file)) {
    console.error(`${name}: ${file} is missing — build @egov-kit/elements first`);
    failed++;
    continue;
  }
  const [e, r] = [await withEsbuild(file), await withRollup(file)];
  const budget = budgets[name];
  const worst = Math.max(e.bytes, r.bytes) / 1000;
  const ok = budget !== undefined && worst <= budget.limit;
  if (!ok) failed++;
  const goal =
    budget?.goal === undefined
      ? ''
      : worst <= budget.goal
        ? `  goal ${budget.goal} kB met`
        : `  goal ${budget.goal} kB MISSED by ${(worst - budget.goal).toFixed(2)} kB`;
  rows.push({ name, esbuild: e, rollup: r, budget, ok });
  console.log(
    `${name.padEnd(20)} esbuild ${(e.bytes / 1000).toFixed(2).padStart(6)} kB (${e.chunks} files)  rollup ${(r.bytes / 1000).toFixed(2).padStart(6)} kB (${r.chunks} files)  limit ${budget === undefined ? 'NONE' : `${budget.limit} kB`}  ${ok ? 'ok' : 'OVER'}${goal}`,
  );
}
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(rows, null, 2)}\n`);
console.log(
  `\nfirst loads as bundlers split (gzip -9): ${rows.filter((row) => row.ok).length} within budget, ${failed} over, without one or missing`,
);
if (failed) process.exitCode = 1;
