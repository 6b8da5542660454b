import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The demo portal's words follow docs/wording.md (issue #18, item 10): one spelling of Xóa/Hủy,
 * one style of quotation marks, the national portal's skip link, no "?." or ".." ending a
 * message, and dates as "06:00 ngày 05/12/2026".
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const portal = join(root, 'packages/server/portal');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(?:js|html)$/.test(entry.name) && !entry.name.startsWith('api-docs') ? [path] : [];
  });
}

/** Every quoted string of the file: '…', "…" and `…` (without `${}` parts), with its line. */
function strings(text: string): { value: string; line: number }[] {
  const found: { value: string; line: number }[] = [];
  const pattern = /'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`|>([^<>]+)</g;
  for (const match of text.matchAll(pattern)) {
    const value = match[1] ?? match[2] ?? match[3] ?? '';
    const line = text.slice(0, match.index).split('\n').length;
    found.push({ value: value.replace(/\$\{[^}]*\}/g, 'X'), line });
  }
  return found;
}

const files = filesUnder(portal);
const texts = files.map((file) => ({
  name: relative(root, file),
  text: readFileSync(file, 'utf8'),
}));

describe('the portal follows docs/wording.md', () => {
  it('finds the portal', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('spells Xóa, Hủy, Hòa, Thủy, Hóa with the tone on the main vowel', () => {
    const old =
      /(?<![\p{L}])(?:[XxTt]oá|[HhTt]uỷ|[Hh]oà|[Tt]oà|[HhKk]hoá|[Hh]oá|[Tt]huỷ|[Qq]uỷ)(?![\p{L}])/u;
    const found = texts.flatMap(({ name, text }) =>
      strings(text)
        .filter(({ value }) => old.test(value))
        .map(({ value, line }) => `${name}:${line}: ${value}`),
    );
    expect(found).toEqual([]);
  });

  it('quotes with straight double quotes only', () => {
    const found = texts.flatMap(({ name, text }) =>
      strings(text)
        .filter(({ value }) => /[«»“”„]/u.test(value))
        .map(({ value, line }) => `${name}:${line}: ${value}`),
    );
    expect(found).toEqual([]);
  });

  it('ends no message in "?." or ".."', () => {
    const found = texts.flatMap(({ name, text }) =>
      strings(text)
        .filter(({ value }) => /\p{L}/u.test(value) && /(?:\?\.|[^.]\.\.)\s*$/u.test(value))
        .map(({ value, line }) => `${name}:${line}: ${value}`),
    );
    expect(found).toEqual([]);
  });

  it('offers "Chuyển đến nội dung chính" first on every page', () => {
    const pages = texts.filter(({ name }) => name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const { name, text } of pages) {
      const body = text.slice(text.indexOf('<body>'));
      expect(body, name).toMatch(
        /^<body>\s*<a class="skip-link" href="#main">Chuyển đến nội dung chính<\/a>/,
      );
    }
  });

  it('draws the header and navigation in the HTML, not only by script', () => {
    for (const { name, text } of texts.filter((t) => t.name.endsWith('.html'))) {
      if (name.endsWith('api-docs.html')) continue;
      expect(text, name).toMatch(/<nav class="site-nav" aria-label="Điều hướng chính">/);
      expect(text, name).toMatch(/aria-current="page"/);
      expect(text, name).toMatch(/<main id="main"/);
    }
  });
});
