import { fromLatin1, toHex } from '../internal/bytes.js';

/**
 * A PDF text string (ISO 32000-1 §7.9.2.2): printable ASCII as a literal string, anything else
 * (Vietnamese has many letters outside ASCII) as UTF-16BE with a byte-order mark, in hex.
 */
export function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/([\\()])/g, '\\$1')})`;
  const bytes = [0xfe, 0xff];
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    bytes.push(unit >> 8, unit & 0xff);
  }
  return `<${toHex(Uint8Array.from(bytes)).toUpperCase()}>`;
}

/** A PDF date (ISO 32000-1 §7.9.4) in UTC: `(D:20261126093000Z)`. */
export function pdfDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `(D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(
    date.getUTCHours(),
  )}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z)`;
}

/** Bytes of PDF syntax written as text (all of it is ASCII here). */
export const pdfBytes = fromLatin1;
