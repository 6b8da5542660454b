import type { Fee } from '../entities/procedure.js';
import { tidy } from './source-text.js';

/** A part of a fee text that could not be read, with the reason. */
export interface UnreadFee {
  readonly sourceText: string;
  readonly reason: string;
}

/**
 * What {@link parseFees} made of a fee text (phí, lệ phí). The text was fully read when
 * `unread` is empty and `empty` is false; `fees` then lists every fee, and an empty list means
 * free of charge.
 */
export interface FeeReading {
  readonly fees: Fee[];
  readonly unread: UnreadFee[];
  /** The source cell is blank: the database publishes no fee for this row. */
  readonly empty: boolean;
}

/** "Phí :" or "Lệ phí :" at the start of a line: each starts one fee. */
const LABEL = /(?<=^|\n)[ \t]*(lệ phí|phí)[ \t]*:/giu;

/** Whole-text and amount words that mean nothing to pay. */
const FREE = /^(?:0+|không|không thu(?: phí)?|miễn phí|miễn|o)\.?$/iu;

/** The currency word that ends the amount; "đ" only as a whole word. */
const CURRENCY = /^(.*?)\s*(đồng|vnđ|vnd|usd|đ)(?=$|[\s(/.,;])/iu;

/**
 * Reads the fee text of the national procedure database into {@link Fee}s.
 *
 * - Each "Phí : …" line is a `fee` (phí, pays for a service), each "Lệ phí : …" a `charge`
 *   (lệ phí, a state levy); a text may hold several, one per line.
 * - Amounts are whole đồng with `.` or `,` grouping: "2.000.000 Đồng" → 2000000. A
 *   parenthesised remark after the amount, and any line that follows it ("File đính kèm: …"),
 *   becomes the fee's `note`.
 * - Zero — "0 Đồng", "Không Đồng", "Miễn phí", and "o Đồng", a typo for 0 in one record — is
 *   free: the fee is left out, so a text of zeros gives an empty list, which the schema reads
 *   as free of charge. A zero fee that carries a note is kept with amount 0, so that the note
 *   (an exemption, a condition) is not lost.
 * - Unread, each with its reason: US-dollar amounts (`Fee.amount` is đồng), amounts written as
 *   a rule ("Mức thu bằng 50% mức thu phí …"), a label with no amount ("Phí :  Đồng"), and an
 *   amount with no phí/lệ phí label. The fees that were read are still returned.
 */
export function parseFees(text: string): FeeReading {
  const source = tidy(text);
  if (source === '') return { fees: [], unread: [], empty: true };
  if (FREE.test(source) || /^miễn phí\b/iu.test(source)) {
    return { fees: [], unread: [], empty: false };
  }

  const labels = [...source.matchAll(LABEL)];
  const fees: Fee[] = [];
  const unread: UnreadFee[] = [];
  const preamble = source.slice(0, labels[0]?.index ?? source.length).trim();
  if (preamble !== '' && !FREE.test(preamble)) {
    unread.push({
      sourceText: preamble,
      reason: 'An amount without a phí (fee) or lệ phí (charge) label.',
    });
  }
  labels.forEach((label, i) => {
    const start = label.index ?? 0;
    const end = labels[i + 1]?.index ?? source.length;
    const item = source.slice(start, end).trim();
    const kind = (label[1] ?? '').toLowerCase() === 'lệ phí' ? 'charge' : 'fee';
    const reading = readFee(kind, source.slice(start + label[0].length, end).trim());
    if ('reason' in reading) unread.push({ sourceText: item, reason: reading.reason });
    else if (reading.fee) fees.push(reading.fee);
  });
  return { fees, unread, empty: false };
}

/** One fee's body, after its label: amount, currency, then remarks. */
function readFee(
  kind: Fee['kind'],
  body: string,
): { readonly fee: Fee | undefined } | { readonly reason: string } {
  const currency = CURRENCY.exec(body);
  const amountText = (currency ? (currency[1] ?? '') : (body.split(/[(\n]/)[0] ?? '')).trim();
  const rest = body.slice(currency ? currency[0].length : amountText.length).trim();
  const note = noteFrom(rest);

  if ((currency?.[2] ?? '').toLowerCase() === 'usd') {
    return { reason: 'An amount in US dollars; Fee.amount holds đồng only.' };
  }
  let amount: number;
  if (amountText === '') return { reason: 'The label gives no amount.' };
  if (FREE.test(amountText)) amount = 0;
  else if (/^\d{1,3}(?:[.,]\d{3})+$|^\d+$/.test(amountText)) {
    amount = Number(amountText.replace(/[.,]/g, ''));
  } else if (/^\d+[.,]\d{1,2}$/.test(amountText)) {
    return { reason: 'A fraction of a đồng; amounts are whole đồng.' };
  } else {
    return { reason: 'The amount is a rule or a reference, not a figure.' };
  }
  if (amount === 0 && note === undefined) return { fee: undefined };
  return { fee: note === undefined ? { kind, amount } : { kind, amount, note } };
}

/** The remark after an amount: the outer parentheses dropped, following lines kept. */
function noteFrom(rest: string): string | undefined {
  if (rest === '') return undefined;
  if (!rest.startsWith('(')) return rest;
  let depth = 0;
  for (let i = 0; i < rest.length; i += 1) {
    const ch = rest.charAt(i);
    if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    if (depth === 0) {
      const inner = rest.slice(1, i).trim();
      const after = rest.slice(i + 1).trim();
      return [inner, after].filter((part) => part !== '').join('\n') || undefined;
    }
  }
  // Unbalanced: keep everything but the opening parenthesis.
  return rest.slice(1).trim() || undefined;
}
