import type { OnlineLevel, Procedure, ProcedureLevel, ProcedureSummary } from '@egov-kit/schema';
import { foldVietnamese } from '@egov-kit/schema';

/**
 * A procedure as the search needs it: a `ProcedureSummary` (what `GET /procedures` lists), or a
 * full `Procedure`, whose field, agencies, target groups and results are searched as well.
 */
export type SearchableProcedure = ProcedureSummary &
  Partial<Pick<Procedure, 'agencies' | 'targetGroups' | 'results' | 'type'>>;

/** What narrows a search besides the words. */
export interface ProcedureFilter {
  level?: ProcedureLevel | '';
  onlineLevel?: OnlineLevel | '';
}

interface Entry {
  procedure: SearchableProcedure;
  position: number;
  /** Folded words, one list per field, strongest field first: name, keywords, other text. */
  fields: [string[], string[], string[]];
  name: string;
}

// A name match outweighs any number of keyword matches of the same words, and a keyword match
// any number of matches in the rest of the text.
const FIELD_WEIGHT = [100, 10, 1] as const;
// One edit per query word of 5 letters or more: "nghla" finds "nghia", "vu" never finds "vi".
const FUZZY_MIN_LENGTH = 5;

const words = (text: string): string[] =>
  foldVietnamese(text.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' '))
    .split(' ')
    .filter(Boolean);

/** Whether `a` and `b` are at most one insertion, deletion or substitution apart. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** How well one query word matches one indexed word: 1 exact, 0.6 prefix, 0.5 one edit, 0. */
function wordMatch(query: string, word: string, prefix: boolean): number {
  if (query === word) return 1;
  if (prefix && word.startsWith(query)) return 0.6;
  if (query.length >= FUZZY_MIN_LENGTH && withinOneEdit(query, word)) return 0.5;
  return 0;
}

/**
 * A client-side index over a list of procedures: diacritics- and case-insensitive (both sides
 * folded by `foldVietnamese`), word order free, one typo per long word tolerated, every query
 * word required, ranked by where the words are found (name, then keywords, then other text).
 */
export class ProcedureIndex {
  readonly #entries: Entry[];

  constructor(procedures: readonly SearchableProcedure[]) {
    this.#entries = procedures.map((procedure, position) => ({
      procedure,
      position,
      name: words(procedure.name).join(' '),
      fields: [
        words(procedure.name),
        words(procedure.keywords.join(' ')),
        words(
          [
            procedure.code,
            procedure.field,
            procedure.type ?? '',
            ...(procedure.targetGroups ?? []),
            ...(procedure.agencies?.implementing ?? []),
            ...(procedure.agencies?.competent ?? []),
            ...(procedure.results ?? []),
          ].join(' '),
        ),
      ],
    }));
  }

  /** The procedures matching `query` and `filter`, best first; all of them, in order, for no query. */
  search(query: string, filter: ProcedureFilter = {}): SearchableProcedure[] {
    const terms = words(query);
    // The last word may still be being typed: let it match as a prefix.
    const open = /[\p{L}\p{N}]$/u.test(query);
    const phrase = terms.join(' ');
    const hits: { entry: Entry; score: number }[] = [];
    for (const entry of this.#entries) {
      const { procedure } = entry;
      if (filter.level && !procedure.levels.includes(filter.level)) continue;
      if (filter.onlineLevel && procedure.onlineLevel !== filter.onlineLevel) continue;
      let score = 0;
      for (const [t, term] of terms.entries()) {
        const prefix = open && t === terms.length - 1;
        let best = 0;
        for (const [f, fieldWords] of entry.fields.entries()) {
          for (const word of fieldWords) {
            const match = wordMatch(term, word, prefix) * FIELD_WEIGHT[f as 0 | 1 | 2];
            if (match > best) best = match;
          }
          // A weaker field cannot beat an exact match in a stronger one.
          if (best >= FIELD_WEIGHT[f as 0 | 1 | 2]) break;
        }
        if (!best) {
          score = 0;
          break;
        }
        score += best;
      }
      if (terms.length && !score) continue;
      // The words together, in the order typed, in the name: above the same words scattered.
      if (phrase && entry.name.includes(phrase)) score += 50;
      hits.push({ entry, score });
    }
    // Among equals, shorter names first (the general procedure before its special cases),
    // then the list's own order.
    return hits
      .sort(
        (a, b) =>
          b.score - a.score ||
          (terms.length ? a.entry.name.length - b.entry.name.length : 0) ||
          a.entry.position - b.entry.position,
      )
      .map((hit) => hit.entry.procedure);
  }
}
