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
import {
  defineMessages,
  type MessageDefinitions,
  messageIds,
  translate,
} from '../src/base/localization.js';

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

/**
 * Definitions a module exports for a lazy module to register when it arrives (the signature
 * pad's panels, which are handed `defineMessages`): a `*Messages` export with `{ vi, en }` leaves,
 * where a registered table has `{ id, args }` ones.
 */
function isDefinitions(name: string, value: unknown): value is MessageDefinitions {
  return (
    name.endsWith('Messages') &&
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).some(
      (leaf) => typeof leaf === 'object' && leaf !== null && typeof leaf.vi === 'string',
    )
  );
}

describe('the elements follow docs/wording.md', () => {
  let ids: string[] = [];
  const registered: string[] = [];
  beforeAll(async () => {
    for (const file of messageFiles(src)) {
      for (const [name, value] of Object.entries(await import(file))) {
        if (isDefinitions(name, value)) {
          defineMessages(`wording.${name}`, value);
          registered.push(name);
        }
      }
    }
    ids = messageIds();
  });

  it('reads the definitions that lazy modules register when they arrive', () => {
    expect(registered.sort()).toEqual(['drawMessages', 'panelMessages']);
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
