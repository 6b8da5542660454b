import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './support/harness.js';

type Summary = { code: string; levels: string[]; onlineLevel: string; field: string };

/** Issue #18: the home page's list, before anyone types, opened with oil-spill plans. */
describe('the procedure list before a search', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const page = async (query = '') => {
    const response = await h.request('GET', `/api/v1/procedures?limit=10${query}`);
    expect(response.status).toBe(200);
    return response.body as { items: Summary[]; nextCursor: string | null };
  };

  it("opens with commune-level procedures that can be done online, not ministries' plans", async () => {
    const { items } = await page();
    expect(items).toHaveLength(10);
    expect(items[0]?.levels).toContain('commune');
    expect(items[0]?.onlineLevel).not.toBe('none');
    expect(items.some((item) => /tràn dầu/i.test(item.field))).toBe(false);
  });

  it('pages through every procedure once, in the same order', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const next = await page(cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');
      seen.push(...next.items.map((item) => item.code));
      cursor = next.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(100);
  });
});
