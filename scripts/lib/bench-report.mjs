/**
 * The one shape every benchmark writes its figures in, for `pnpm bench` (scripts/bench.mjs):
 *
 *   {
 *     name: 'Dossier form vs SurveyJS',      // the comparison
 *     subject: '<egov-dossier-form>',        // what is ours
 *     peer: 'SurveyJS 2.5.38',               // what it is measured against, in the same run
 *     unit: 'ms' | 'operations/s' | …,
 *     better: 'lower' | 'higher',
 *     versions: { chromium: '…' },           // versions the figures depend on (optional)
 *     rows: [{
 *       case: 'first render, 200 fields',
 *       subject: { median, spread: [low, high] },  // spread: min–max, or p10–p90 (see `spreadOf`)
 *       peer: { median, spread } | null,           // null: a figure with a goal but no peer
 *       ratio: subject.median / peer.median | null,
 *       goal: { ratio | value, atMost | atLeast },  // optional
 *       note: '…',                                  // optional
 *     }],
 *   }
 *
 * A benchmark writes it when given `--json <file>` or `BENCH_JSON=<file>`; `--quick` or
 * `BENCH_QUICK=1` asks for a run of a few seconds (a smoke test, figures not to be quoted).
 */
import { writeFile } from 'node:fs/promises';

/** Where to write the figures, if asked. */
export function benchJsonFile(argv = process.argv) {
  const at = argv.indexOf('--json');
  return at > 0 && argv[at + 1] ? argv[at + 1] : process.env.BENCH_JSON || undefined;
}

/** Whether a quick run is asked for. */
export function benchQuick(argv = process.argv) {
  return argv.includes('--quick') || process.env.BENCH_QUICK === '1';
}

/** The `q` quantile (0–1) of `values`, interpolated. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const index = (sorted.length - 1) * q;
  const low = Math.floor(index);
  return sorted[low] + (sorted[Math.ceil(index)] - sorted[low]) * (index - low);
}

/** Median and p10–p90 spread of repeated measurements. */
export function spreadOf(values) {
  return { median: quantile(values, 0.5), spread: [quantile(values, 0.1), quantile(values, 0.9)] };
}

/** A row comparing ours with the peer's figures (each `{ median, spread }` or an array). */
export function row(name, subject, peer, extra = {}) {
  const s = Array.isArray(subject) ? spreadOf(subject) : subject;
  const p = peer == null ? null : Array.isArray(peer) ? spreadOf(peer) : peer;
  return { case: name, subject: s, peer: p, ratio: p ? s.median / p.median : null, ...extra };
}

/** Writes `report` (the shape above) where asked; nothing when not asked. */
export async function writeBenchJson(report, file = benchJsonFile()) {
  if (!file) return;
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
