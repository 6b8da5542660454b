/**
 * Every message of the elements, in Vietnamese and English, follows docs/wording.md: the
 * national portal's spelling of Xóa, Hủy, Thủy, Hòa; straight double quotes only; no "?.",
 * "..", or a space before a full stop; and the retired names of the online levels never used.
 * Messages with parameters are read with sample values.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { messageIds, translate } from '../src/base/localization.js';

const src = fileURLToPath(new URL('../src/', import.meta.url));

function messageFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return messageFiles(path);
    return name.endsWith('.messages.ts') ? [path] : [];
  });
}

const SAMPLES = [
  ['Nguyễn Văn An', 'HS-261126-000001', 'Giấy khai sinh'],
  [2, 3, 4],
  [{ vi: 'Giấy khai sinh', en: 'Birth certificate' }, 2, 'A'],
];

/** Each message's text in a language, read with each set of samples that it accepts. */
function texts(id: string, locale: string): string[] {
  const out = new Set<string>();
  for (const args of SAMPLES) {
    try {
      out.add(translate({ id, args }, locale).normalize('NFC'));
    } catch {
      // this message wants other arguments: another sample reads it
    }
  }
  return [...out];
}

const RULES: Array<[string, RegExp]> = [
  [
    'the tone mark where the national portal puts it (Xóa, Hủy, Thủy, Hòa)',
    /(?<!\p{L})(xoá|huỷ|thuỷ|hoà|khoẻ|toà)(?!\p{L})/iu,
  ],
  ['straight double quotes only', /[«»“”„]/u],
  ['no "?." at the end of a question', /\?\./u],
  ['no ".." (an ellipsis is "…")', /(?<!\.)\.\.(?!\.)/u],
  ['no space before a full stop, comma or colon', /\p{L} [.,:](?=\s|$)/u],
  ['no retired "Mức độ" names of the online levels', /mức độ [1-4]/iu],
];

describe('the elements follow docs/wording.md', () => {
  let ids: string[] = [];
  beforeAll(async () => {
    for (const file of messageFiles(src)) await import(file);
    ids = messageIds();
  });

  it('finds the messages of every element', () => {
    expect(messageFiles(src).length).toBeGreaterThan(20);
    expect(ids.length).toBeGreaterThan(300);
  });

  for (const [rule, pattern] of RULES) {
    it(rule, () => {
      const breaking = ids.flatMap((id) =>
        ['vi', 'en'].flatMap((locale) =>
          texts(id, locale)
            .filter((text) => pattern.test(text))
            .map((text) => `${id} (${locale}): ${text}`),
        ),
      );
      expect(breaking).toEqual([]);
    });
  }
});
