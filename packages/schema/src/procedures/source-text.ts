/**
 * Text helpers shared by the national-record parsers. The exports are consumed inside
 * `procedures/` only; `index.ts` does not re-export them.
 */

/**
 * Puts every string in a JSON value, keys included, in Unicode NFC. About half of the national
 * records mix decomposed (NFD) and precomposed Vietnamese, so `Không quy định` can arrive in
 * two byte forms that look the same; every comparison below assumes NFC.
 */
export function toNfcDeep(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(toNfcDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key.normalize('NFC')] = toNfcDeep(item);
    return out;
  }
  return value;
}

/**
 * Puts text in NFC, collapses runs of spaces and tabs (not newlines), and trims each line and
 * the whole. Every parser starts from it, so each also reads decomposed input.
 */
export function tidy(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/**
 * The placeholders the national database prints for an empty field. "Không có thông tin" is the
 * database's own; a bare "Không" ("none") appears in the conditions field.
 */
const NO_INFORMATION = /^(không có thông tin|không có|không|không quy định|chưa có thông tin)\.?$/i;

/** True when a field is empty or one of the database's "no information" placeholders. */
export function isNoInformation(text: string | undefined): boolean {
  if (text === undefined) return true;
  const cleaned = tidy(text);
  return cleaned === '' || NO_INFORMATION.test(cleaned);
}

/** The tidied text, or `undefined` for an empty field or a "no information" placeholder. */
export function optionalText(text: string | undefined): string | undefined {
  return text === undefined || isNoInformation(text) ? undefined : tidy(text);
}

/**
 * Strips the list decoration a transcribed item carries: a leading bullet (`-`, `+`, `•`, `*`),
 * a leading `a)`, `1.` or `1.2.` marker, and trailing `;` or `,`. The words themselves stay as published.
 */
export function stripListMarks(text: string): string {
  let out = tidy(text).replace(/\s+/g, ' ');
  // Repeat: "- a) Đơn …" carries two markers.
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out
      .replace(/^[-+•*–—]\s*/, '')
      .replace(/^[a-zđ]\)\s+/i, '')
      .replace(/^\d{1,2}(?:\.\d{1,2})*[.)]\s+/, '')
      .trim();
  }
  return out.replace(/[\s;,]+$/, '').trim();
}
