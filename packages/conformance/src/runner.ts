import type { Check } from './check.js';
import { isCheckFailure } from './check-failure.js';
import { isCheckSkipped } from './check-skipped.js';
import { CHECKS } from './checks/index.js';
import { CheckContext, type Fixtures, newFixtures } from './context.js';
import { newKey } from './fixtures.js';
import type { CheckResult, ConformanceOptions, ConformanceReport } from './types.js';

const DEFAULT_TIMEOUT_MS = 60_000;

/** Whether `id` matches a pattern: an exact id, or a glob with `*` (`uploads.*`). */
export function matchesPattern(id: string, pattern: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return regex.test(id);
}

/** The checks `only` and `skip` select, in their order. */
export function selectChecks(
  options: Pick<ConformanceOptions, 'only' | 'skip'>,
  checks: readonly Check[] = CHECKS,
): { run: Check[]; skipped: Check[] } {
  const only = options.only?.filter(Boolean) ?? [];
  const skip = options.skip?.filter(Boolean) ?? [];
  const run: Check[] = [];
  const skipped: Check[] = [];
  for (const check of checks) {
    const chosen =
      (only.length === 0 || only.some((p) => matchesPattern(check.id, p))) &&
      !skip.some((p) => matchesPattern(check.id, p));
    (chosen ? run : skipped).push(check);
  }
  return { run, skipped };
}

/**
 * Runs the kit against a back end: each selected check in turn, each within the timeout. A
 * check that needs a token or option not given is skipped, never failed.
 */
export async function runConformance(
  options: ConformanceOptions,
  checks: readonly Check[] = CHECKS,
): Promise<ConformanceReport> {
  const url = new URL(options.baseUrl); // throws early on a base URL that is not one
  if (!/^https?:$/.test(url.protocol))
    throw new Error(`--base-url must be http(s): ${options.baseUrl}`);
  const started = Date.now();
  const fixtures = newFixtures();
  const { run, skipped } = selectChecks(options, checks);
  const results: CheckResult[] = [];
  const record = (result: CheckResult) => {
    results.push(result);
    options.onResult?.(result);
  };
  for (const check of run) {
    const signal = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const ctx = new CheckContext(options, signal, fixtures);
    const begun = performance.now();
    const base = { id: check.id, title: check.title, titleVi: check.titleVi, cites: check.cites };
    const exercised = () => Object.fromEntries(ctx.operations);
    try {
      await check.run(ctx);
      record({
        ...base,
        status: 'pass',
        durationMs: performance.now() - begun,
        requests: ctx.requests,
        operations: exercised(),
      });
    } catch (error) {
      const durationMs = performance.now() - begun;
      if (isCheckSkipped(error)) {
        record({
          ...base,
          status: 'skip',
          rule: error.message,
          durationMs,
          requests: ctx.requests,
          operations: exercised(),
        });
      } else if (isCheckFailure(error)) {
        record({
          ...base,
          status: 'fail',
          rule: error.rule,
          message: error.message,
          exchange: error.exchange,
          durationMs,
          requests: ctx.requests,
          operations: exercised(),
        });
      } else {
        record({
          ...base,
          status: 'fail',
          rule: signal.aborted ? 'A check finishes within --timeout' : 'The check ran to its end',
          message: signal.aborted
            ? `no result within ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`
            : `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          durationMs,
          requests: ctx.requests,
        });
      }
    }
  }
  for (const check of skipped) {
    results.push({
      id: check.id,
      title: check.title,
      titleVi: check.titleVi,
      cites: check.cites,
      status: 'skip',
      rule: 'not selected (--only / --skip)',
      durationMs: 0,
      requests: 0,
    });
  }
  const cleanup = await deleteDrafts(options, fixtures);
  const order = new Map(checks.map((c, i) => [c.id, i]));
  results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return {
    baseUrl: options.baseUrl,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    results,
    summary: {
      passed: results.filter((r) => r.status === 'pass').length,
      failed: results.filter((r) => r.status === 'fail').length,
      skipped: results.filter((r) => r.status === 'skip').length,
    },
    cleanup,
  };
}

/**
 * Deletes what the run leaves behind through the contract itself: each draft it created that is
 * still a draft (`deleteDossier`, with its current ETag). Submitted dossiers stay — the contract
 * keeps them, as it should. Nothing here fails the run; what could not be deleted is counted.
 */
async function deleteDrafts(
  options: ConformanceOptions,
  fixtures: Fixtures,
): Promise<{ draftsDeleted: number; draftsLeft: number }> {
  let draftsDeleted = 0;
  let draftsLeft = 0;
  for (const [id, as] of fixtures.drafts) {
    const ctx = new CheckContext(options, AbortSignal.timeout(DEFAULT_TIMEOUT_MS), fixtures);
    try {
      const got = await ctx.call('getDossier', { as, params: { id } });
      if (got.status !== 200 || got.body?.status !== 'draft') continue;
      const gone = await ctx.call('deleteDossier', {
        as,
        params: { id },
        headers: { 'if-match': got.headers.get('etag') ?? '', 'idempotency-key': newKey() },
      });
      if (gone.status === 204) draftsDeleted++;
      else draftsLeft++;
    } catch {
      draftsLeft++;
    }
  }
  return { draftsDeleted, draftsLeft };
}
