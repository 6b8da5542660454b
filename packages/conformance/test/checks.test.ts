import { ROUTES } from '@egov-kit/schema';
import { describe, expect, it } from 'vitest';
import { TITLES_VI } from '../src/checks/titles-vi.js';
import { CHECKS, matchesPattern, selectChecks } from '../src/index.js';

describe('the checks', () => {
  it('have unique ids of the form group.name', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\.[a-z-]+$/);
  });

  it('each state their rule in Vietnamese and English, and no Vietnamese title is left over', () => {
    for (const check of CHECKS) {
      expect(check.titleVi, check.id).toMatch(/\S/);
      expect(check.title, check.id).toMatch(/\S/);
    }
    expect(Object.keys(TITLES_VI).sort()).toEqual(CHECKS.map((c) => c.id).sort());
  });

  it('each cite the contract: a DESIGN.md section or RFC, and only routes that exist', () => {
    const routes = new Set(
      ROUTES.map((r) => `${r.method.toUpperCase()} /api/v1${r.path} (${r.operationId})`),
    );
    for (const check of CHECKS) {
      expect(
        check.cites.some((c) => /DESIGN\.md|RFC/.test(c)),
        check.id,
      ).toBe(true);
      for (const cite of check.cites.filter((c) =>
        /^(GET|POST|PATCH|PUT|DELETE) \/api\/v1\/.+\(\w+\)$/.test(c),
      )) {
        expect(routes.has(cite), `${check.id} cites ${cite}`).toBe(true);
      }
    }
  });

  it('are chosen by id and glob', () => {
    expect(matchesPattern('uploads.size', 'uploads.*')).toBe(true);
    expect(matchesPattern('uploads.size', 'upload*')).toBe(true);
    expect(matchesPattern('uploads.size', 'uploads.siz')).toBe(false);
    expect(matchesPattern('uploadsXsize', 'uploads.size')).toBe(false);
    const { run, skipped } = selectChecks({ only: ['uploads.*'], skip: ['uploads.count'] });
    expect(run.map((c) => c.id)).toEqual([
      'uploads.accept',
      'uploads.content-type',
      'uploads.size',
      'uploads.idempotent',
    ]);
    expect(run.length + skipped.length).toBe(CHECKS.length);
  });
});
