import type { ProcessingTime, ProcessingTimeUnit } from '../entities/procedure.js';
import { tidy } from './source-text.js';

/**
 * What {@link parseProcessingTime} made of a time-limit text (thời hạn giải quyết):
 *
 * - `parsed` — a duration: `value` (and `maxValue` for a range) in working days, days or hours;
 * - `not-set` — the source says no limit is set ("Không quy định");
 * - `empty` — the source cell is blank;
 * - `unparsed` — text that is not a duration, with the reason.
 */
export type ProcessingTimeReading =
  | { readonly kind: 'parsed'; readonly value: ProcessingTime }
  | { readonly kind: 'not-set' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'unparsed'; readonly reason: string };

/** A number as the database writes it: "07", "1,5", "0.5" — never with thousands separators. */
const NUMBER = String.raw`\d+(?:[.,]\d{1,2})?`;

/** An optional number in words after the figure, as in "05 (năm) ngày". */
const IN_WORDS = String.raw`(?:\s*\([^)]*\))?`;

/** Words before the figure that do not change the limit: "không quá 05 ngày" is 05 days. */
const LEAD = String.raw`(?:(?:trong thời hạn|trong vòng|trong|tối đa|không quá|chậm nhất(?: là)?|thời hạn)\s*:?\s*)*`;

const UNIT = 'ngày làm việc|ngày|giờ làm việc|giờ|phút|tuần|tháng|năm';

/** `LEAD` [từ] A [đến|-|–] [B] UNIT [, kể từ …] — the whole text, lower-cased. */
const DURATION = new RegExp(
  String.raw`^${LEAD}(?:từ\s+)?(${NUMBER})${IN_WORDS}` +
    String.raw`(?:\s*(?:-|–|đến|tới)\s*(${NUMBER})${IN_WORDS})?` +
    String.raw`\s*(${UNIT})?` +
    String.raw`(?:\s*,?\s*kể từ(?:\s.*)?)?$`,
  'su',
);

/** "Trong ngày" / "Ngay trong ngày": the same working day. */
const SAME_DAY = /^(?:ngay\s+)?trong\s+(?:ngày|ngày làm việc)$/u;

/** "Không quy định" / "Không quy định thời hạn": no limit is set. */
const NOT_SET = /^không (?:quy định|có quy định|giới hạn)/u;

/**
 * Reads a time limit of the national procedure database into `{ value, unit, maxValue? }`.
 *
 * - "07 Ngày" → 7 `days` (calendar days); "05 Ngày làm việc" → 5 `working_days`;
 *   "03 Giờ" → 3 `hours`; "0.5 Giờ" and "1,5 ngày" keep the fraction.
 * - "30 phút" → 0.5 `hours`, "02 tuần" → 14 `days`: exact conversions into the schema's units.
 *   Months and years are not converted (a month is not a fixed number of days) and stay
 *   `unparsed`.
 * - Ranges — "Từ 05 đến 07 ngày làm việc", "10-25 ngày" — give `value` 5 and `maxValue` 7.
 * - "Trong ngày" (within the day) → 0 `working_days`: the schema reads 0 as "the same day", and
 *   the day meant is a working day, since nobody receives dossiers on a day off.
 * - Leading "Không quá", "Trong thời hạn", "Chậm nhất" and a trailing ", kể từ …" (counted
 *   from …) do not change the limit and are accepted.
 * - A bare figure such as "10-25" takes its unit from `hint` — the row's description — when
 *   the description writes the same figure with a unit ("10-25 ngày kể từ …").
 */
export function parseProcessingTime(text: string, hint?: string): ProcessingTimeReading {
  const source = tidy(text).replace(/\s+/g, ' ').replace(/[.;]$/, '').toLowerCase();
  if (source === '') return { kind: 'empty' };
  if (NOT_SET.test(source)) return { kind: 'not-set' };
  if (SAME_DAY.test(source)) return { kind: 'parsed', value: { value: 0, unit: 'working_days' } };

  const match = DURATION.exec(source);
  if (!match) {
    return {
      kind: 'unparsed',
      reason: /\d/.test(source)
        ? 'Not a duration the importer reads: the figure comes with words that change its meaning.'
        : 'No duration: the limit is tied to an event or a condition, not to a number of days or hours.',
    };
  }
  const [, low = '', high, unitWord] = match;
  const unit = unitWord ?? unitFromHint(low, high, hint);
  if (unit === undefined) {
    return { kind: 'unparsed', reason: 'A figure without a unit (days, working days or hours).' };
  }
  return toProcessingTime(toNumber(low), high === undefined ? undefined : toNumber(high), unit);
}

/** Looks in `hint` for the same figure followed by a unit. */
function unitFromHint(low: string, high: string | undefined, hint: string | undefined) {
  if (!hint) return undefined;
  const literal = (figure: string) => figure.replace(/[.]/g, '\\.');
  const figure =
    high === undefined ? literal(low) : `${literal(low)}\\s*(?:-|–|đến)\\s*${literal(high)}`;
  const found = new RegExp(`(?:^|[^\\d.,])${figure}${IN_WORDS}\\s*(${UNIT})`, 'u').exec(
    tidy(hint).toLowerCase(),
  );
  return found?.[1];
}

function toNumber(figure: string): number {
  return Number(figure.replace(',', '.'));
}

function toProcessingTime(
  low: number,
  high: number | undefined,
  unitWord: string,
): ProcessingTimeReading {
  const units: Record<string, { unit: ProcessingTimeUnit; factor: number }> = {
    'ngày làm việc': { unit: 'working_days', factor: 1 },
    ngày: { unit: 'days', factor: 1 },
    'giờ làm việc': { unit: 'hours', factor: 1 },
    giờ: { unit: 'hours', factor: 1 },
    phút: { unit: 'hours', factor: 1 / 60 },
    tuần: { unit: 'days', factor: 7 },
  };
  const target = units[unitWord];
  if (!target) {
    return {
      kind: 'unparsed',
      reason: `"${unitWord}" is not a fixed number of days; the schema counts working days, days or hours.`,
    };
  }
  const scale = (n: number) => Math.round(n * target.factor * 10_000) / 10_000;
  const value: ProcessingTime = { value: scale(low), unit: target.unit };
  if (high !== undefined) {
    if (high < low) {
      return { kind: 'unparsed', reason: 'A range whose upper end is below its lower end.' };
    }
    if (high > low) value.maxValue = scale(high);
  }
  return { kind: 'parsed', value };
}

/** The schema unit of each unit word a description may use. */
const UNIT_OF: Readonly<Record<string, ProcessingTimeUnit>> = {
  'ngày làm việc': 'working_days',
  ngày: 'days',
  'giờ làm việc': 'hours',
  giờ: 'hours',
};

/** A figure and its unit word in running text: "14 ngày", "05 (năm) ngày làm việc". */
const MENTION = new RegExp(
  String.raw`(?<![\d.,])(${NUMBER})${IN_WORDS}\s*(ngày làm việc|ngày|giờ làm việc|giờ)`,
  'gu',
);

/**
 * Cross-checks a parsed limit against its row's description. Returns the description's
 * wording — "14 ngày" — when the description gives the same figure, but only ever in another
 * unit: 1.013131 publishes "14 Giờ" for the case its description limits to "14 ngày", and
 * 1.013540 "5 Ngày" where the description says "05 (năm) ngày làm việc". `undefined` when
 * they agree or the description does not give the figure.
 */
export function findUnitConflict(
  time: ProcessingTime,
  description: string | undefined,
): string | undefined {
  if (!description) return undefined;
  const mentions = [...tidy(description).toLowerCase().matchAll(MENTION)].filter(
    (mention) => toNumber(mention[1] ?? '') === time.value,
  );
  if (mentions.some((mention) => UNIT_OF[mention[2] ?? ''] === time.unit)) return undefined;
  return mentions[0]?.[0];
}
