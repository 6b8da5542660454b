import { isNoInformation, tidy } from './source-text.js';

/** "Bước 1:", "Bước 2.", at the start of the text or after white space or punctuation. */
const STEP_LABEL = /(?<=^|[\s.;:,])Bước\s*(\d+)\s*[:.]?\s+/gu;

/** "1. " before a capital, at the start or after white space: an inline numbered item. */
const NUMBER_LABEL = /(?<=^|\s)(\d{1,2})\.\s+(?=\p{Lu})/gu;

/**
 * Where a transcription lost a line break: a capitalised "Trong thời hạn" (within …) or
 * "Trường hợp" (where …) right after a lower-case word or a closing parenthesis, with no
 * punctuation between. Inside a sentence these words are lower case, so the capital marks the
 * start of the next step: "… xem xét tính hợp lệ của hồ sơ Trong thời hạn 05 ngày làm việc …".
 */
const LOST_BREAK = /(?<=[\p{Ll}\d)])\s+(?=(?:Trong thời hạn|Trường hợp|Đối với trường hợp)\s)/u;

/**
 * Splits the published procedure (trình tự thực hiện) into steps.
 *
 * The text comes in several shapes, tried in this order: "Bước 1: … Bước 2: …" labels (two thirds
 * of the records, often run together on one line); one step per line, where `+` lines are
 * sub-points that stay with the line above; "1. … 2. …" numbering inside one paragraph; and
 * "…; - …" inline bullets; failing those, the places where the transcription lost a line break
 * (see `LOST_BREAK`). A text with none of these is one step. The labels are dropped when
 * they simply count 1, 2, 3 (the list order says the same), and kept when they restart —
 * some records describe two sub-procedures, each from "Bước 1". Text before the first label
 * stays as a step of its own, minus a "Trình tự thực hiện" heading.
 */
export function parseSteps(text: string | undefined): string[] {
  if (text === undefined || isNoInformation(text)) return [];
  const source = tidy(text).replace(/^trình tự thực hiện\s*:?\s*/i, '');

  const byLabel = splitAtLabels(source, STEP_LABEL);
  if (byLabel) return byLabel;

  const lines = source.split('\n').filter((line) => line.trim() !== '');
  if (lines.length > 1) {
    const items: string[] = [];
    for (const line of lines) {
      const last = items.length - 1;
      if (last >= 0 && /^\+/.test(line)) items[last] = `${items[last]}\n${line}`;
      else items.push(line.replace(/^[-•*–]\s*/, ''));
    }
    return finish(items);
  }

  const byNumber = splitAtLabels(source, NUMBER_LABEL);
  if (byNumber) return byNumber;

  const bullets = source.split(/;\s+-\s+/);
  if (bullets.length > 1) return finish(bullets.map((item) => item.replace(/^[-•]\s*/, '')));

  return finish(source.split(LOST_BREAK));
}

/**
 * Splits `source` before each match of `label` (a global regex whose group 1 is the number).
 * Returns `undefined` when there are fewer than two labels, or — for the loose inline "1."
 * numbering — when they do not count up from 1.
 */
function splitAtLabels(source: string, label: RegExp): string[] | undefined {
  const matches = [...source.matchAll(label)];
  if (matches.length === 0 || (label === NUMBER_LABEL && matches.length < 2)) return undefined;
  const numbers = matches.map((match) => Number(match[1]));
  const counts = numbers.every((n, i) => n === i + 1);
  if (label === NUMBER_LABEL && !counts) return undefined;

  const items: string[] = [];
  const preamble = source.slice(0, matches[0]?.index ?? 0).trim();
  if (preamble !== '') items.push(preamble);
  matches.forEach((match, i) => {
    const start = match.index ?? 0;
    const end = matches[i + 1]?.index ?? source.length;
    const body = source.slice(counts ? start + match[0].length : start, end);
    items.push(body);
  });
  return finish(items);
}

/** Trims each step, drops empty ones, a leading bullet and a trailing `;`. */
function finish(items: string[]): string[] {
  return items
    .map((item) =>
      item
        .trim()
        .replace(/^[-•*–]\s+/, '')
        .replace(/\s*;$/, '')
        .trim(),
    )
    .filter((item) => item !== '');
}
