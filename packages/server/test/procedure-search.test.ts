import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryTerms, Vocabulary } from '../src/services/procedure-search.js';
import { type Harness, startHarness } from './support/harness.js';

/** The codes and names a search answers, best first. */
async function search(h: Harness, q: string, limit = 20) {
  const page = await h.request(
    'GET',
    `/api/v1/procedures?q=${encodeURIComponent(q)}&limit=${limit}`,
  );
  expect(page.status).toBe(200);
  return page.body.items as Array<{ code: string; name: string }>;
}

const codes = (items: Array<{ code: string }>) => items.map((item) => item.code);

describe('procedure search on the server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('treats ký and kí, and any diacritics and case, as the same', async () => {
    const withY = codes(await search(h, 'đăng ký nghĩa vụ quân sự'));
    expect(withY[0]).toBe('1.013133');
    expect(codes(await search(h, 'dang ki nghia vu quan su'))).toEqual(withY);
    expect(codes(await search(h, 'DANG KÍ NGHĨA VỤ QUÂN SỰ'))).toEqual(withY);
    expect(codes(await search(h, 'quân sự nghĩa vụ đăng kí'))).toEqual(
      codes(await search(h, 'quân sự nghĩa vụ đăng ký')),
    );
  });

  it('forgives one typo in a word of five letters or more', async () => {
    // "ngaoi" (two letters swapped) for "ngoài", "ngiep" (a letter missing) for "nghiệp".
    const swapped = await search(h, 'tau thuyen nuoc ngaoi', 50);
    expect(swapped.length).toBeGreaterThan(5);
    expect(swapped.every((p) => /ngoài/i.test(p.name) || /tàu|thuyền/i.test(p.name))).toBe(true);
    // The same procedures as the right spelling finds (ranked a little lower: a corrected word).
    expect(codes(swapped).sort()).toEqual(
      codes(await search(h, 'tau thuyen nuoc ngoai', 50)).sort(),
    );
    const missing = await search(h, 'vat lieu no cong ngiep');
    expect(codes(missing)).toContain('1.013539');
    expect(missing[0]?.name.normalize('NFC')).toMatch(/vật liệu nổ công nghiệp/i);
  });

  it('does not guess on short words: "vu" never finds "vi"', async () => {
    const terms = queryTerms(
      'vu',
      Vocabulary.from([
        { word: 'vu', frequency: 3 },
        { word: 'vi', frequency: 30 },
      ]),
    );
    expect(terms).toEqual([{ word: 'vu', completions: [], corrected: [] }]);
  });

  it('finds records with a typo of their own ("Giấp phép") under the right word', async () => {
    const found = codes(await search(h, 'giấy phép mật mã dân sự'));
    expect(found).toContain('1.013202');
    expect(found).toContain('1.013203');
    // The record's own spelling still finds it, first.
    expect(
      codes(await search(h, 'giấp phép mật mã'))
        .slice(0, 2)
        .sort(),
    ).toEqual(['1.013202', '1.013203']);
  });

  it('ranks a match in the name above one in the keywords or elsewhere, exact above corrected', async () => {
    const items = await search(h, 'vat lieu no', 50);
    const inName = items.map((p) => /vật liệu nổ/i.test(p.name.normalize('NFC')));
    // Every name match comes before every other match.
    expect(inName.indexOf(false) === -1 || inName.lastIndexOf(true) < inName.indexOf(false)).toBe(
      true,
    );
    expect(inName[0]).toBe(true);
  });

  it('completes the word being typed', async () => {
    const typing = codes(await search(h, 'nghia vu quan s'));
    expect(typing[0]).toBe(codes(await search(h, 'nghia vu quan su'))[0]);
  });

  it('never lets one stray word empty an answer the rest would give', async () => {
    const stray = codes(await search(h, 'đăng ký nghĩa vụ quân sự qwxzk'));
    expect(stray[0]).toBe('1.013133');
    expect(await search(h, 'qwxzk')).toEqual([]);
  });

  it('answers worst-case queries quickly and safely', async () => {
    for (const q of [
      "'; drop table procedures; --",
      '%_\\',
      'a'.repeat(200),
      'ạ '.repeat(100),
      '\u0000',
      '🙂🙂',
    ]) {
      const page = await h.request('GET', `/api/v1/procedures?q=${encodeURIComponent(q)}`);
      expect([200, 400]).toContain(page.status);
    }
    expect((await search(h, 'nghia vu')).length).toBeGreaterThan(0);
  });

  it('pages through ranked results without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await h.request(
        'GET',
        `/api/v1/procedures?q=${encodeURIComponent('giay phep')}&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...codes(page.body.items));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(codes(await search(h, 'giay phep', 100)));
  });
});
