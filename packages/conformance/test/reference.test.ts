import { ROUTES } from '@egov-kit/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS, formatSummary, runConformance, toJUnit } from '../src/index.js';
import { DATABASE_KIND, type Reference, startReference } from './support/reference.js';

let reference: Reference;
beforeAll(async () => {
  reference = await startReference();
}, 120_000);
afterAll(() => reference?.close());

describe(`the reference server on ${DATABASE_KIND}`, () => {
  it('passes every check of the kit, none skipped', async () => {
    const report = await runConformance({
      baseUrl: reference.baseUrl,
      citizenToken: reference.tokens.citizen,
      officerToken: reference.tokens.officer,
      otherCitizenToken: reference.tokens.citizen2,
      adminToken: reference.tokens.admin,
      expiredToken: reference.tokens.expired,
      filesPerDossier: reference.filesPerDossier,
    });
    const summary = formatSummary(report);
    expect(report.summary, summary).toEqual({ passed: CHECKS.length, failed: 0, skipped: 0 });
    expect(report.results.map((r) => r.id)).toEqual(CHECKS.map((c) => c.id));
    // Every check sent requests: none passes by doing nothing.
    for (const result of report.results) expect(result.requests, result.id).toBeGreaterThan(0);
    // Every operation of the contract was called, and answered something other than 401 at
    // least once (the missing-token check calls each one without a token).
    const answered = new Map<string, Set<number>>();
    for (const result of report.results) {
      for (const [operation, statuses] of Object.entries(result.operations ?? {})) {
        for (const status of statuses)
          answered.set(operation, (answered.get(operation) ?? new Set()).add(status));
      }
    }
    const beyondAuth = ROUTES.filter(
      (route) =>
        ![...(answered.get(route.operationId) ?? [])].some(
          (status) => route.auth === 'public' || status !== 401,
        ),
    ).map((route) => route.operationId);
    expect(beyondAuth, 'operations exercised only as far as authentication').toEqual([]);
    // The drafts the run made are deleted again; none is left behind.
    expect(report.cleanup?.draftsDeleted).toBeGreaterThanOrEqual(10);
    expect(report.cleanup?.draftsLeft).toBe(0);
    expect(summary).toMatch(/Cleanup: \d+ drafts deleted/);
    expect(toJUnit(report)).toContain(`tests="${CHECKS.length}" failures="0"`);
  }, 300_000);

  it('skips, never fails, the checks whose tokens were not given', async () => {
    const report = await runConformance({
      baseUrl: reference.baseUrl,
      citizenToken: reference.tokens.citizen,
      only: ['auth.*'],
    });
    const byId = Object.fromEntries(report.results.map((r) => [r.id, r]));
    expect(byId['auth.expired-token']).toMatchObject({
      status: 'skip',
      rule: 'needs --expired-token',
    });
    expect(byId['auth.wrong-role']).toMatchObject({
      status: 'skip',
      rule: 'needs --officer-token',
    });
    expect(byId['auth.missing-token']?.status).toBe('pass');
    expect(byId['system.health']).toMatchObject({
      status: 'skip',
      rule: 'not selected (--only / --skip)',
    });
    expect(report.summary.failed).toBe(0);
  }, 120_000);
});
