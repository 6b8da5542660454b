import type { OnlineLevel, Procedure, ProcedureLevel, ProcedureSummary } from '@egov-kit/schema';
import {
  foldVietnamese,
  spellOneWay,
  TYPO_MIN_LENGTH,
  withinOneEdit,
} from '@egov-kit/schema/rules';

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
  /** The field (lĩnh vực), exactly as published. */
  field?: string;
  /** An agency it involves: part of its name, diacritics and case ignored (as the server does). */
  agency?: string;
}

// A name match outweighs any number of keyword matches of the same words, and a keyword match
// any number of matches in the rest of the text.
const FIELD_WEIGHT = [100, 10, 1] as const;
const SPLIT = /[^\p{L}\p{M}\p{N}]+/u;
/** The largest score kept apart in the sort, in tenths; far above any real query's. */
const SCORE_CAP = 2 ** 17 - 1;
/** Positions the packed sort key can hold (16.7 million procedures). */
const MAX_ENTRIES = 2 ** 24;

/**
 * Splits and folds a text into words, `ký/kí` spelt one way; `cache` remembers each raw token's
 * folded form. One edit per query word of 5 letters or more: "nghla" finds "nghia", "ngaoi"
 * finds "ngoai", "vu" never finds "vi".
 */
function words(text: string, cache?: Map<string, string>): string[] {
  const out: string[] = [];
  for (const token of text.split(SPLIT)) {
    if (!token) continue;
    let folded = cache?.get(token);
    if (folded === undefined) {
      // `ký` and `kí` are one word to search (as on the server: `searchWords`).
      folded = spellOneWay(foldVietnamese(token));
      cache?.set(token, folded);
    }
    if (folded) out.push(folded);
  }
  return out;
}

interface Entry {
  procedure: SearchableProcedure;
  /** The folded name's words, space-joined: for the phrase bonus and the length tie-break. */
  name: string;
  /** Every agency's name, folded, for the agency filter. */
  agencies: string;
}

/** Where one word occurs: the entries (ascending) per field, strongest field first. */
type Postings = [number[], number[], number[]];

/**
 * A client-side index over a list of procedures: diacritics- and case-insensitive (both sides
 * folded by `foldVietnamese`), word order free, one typo per long word tolerated, every query
 * word required, ranked by where the words are found (name, then keywords, then other text).
 *
 * An inverted index: each distinct word points to the procedures that contain it, per field, so
 * that a query touches only the procedures that have its words (or words one typo away), not
 * every word of every procedure. Words are grouped by length for the typo search and kept sorted
 * for the prefix search of the word being typed. With 6,000 procedures a query's p95 is a few
 * milliseconds (see `bench/search.mjs`).
 */
export class ProcedureIndex {
  readonly #entries: Entry[];
  readonly #postings = new Map<string, Postings>();
  /** The vocabulary, sorted, for prefixes. */
  readonly #sorted: string[];
  /** The vocabulary by word length, for typos. */
  readonly #byLength: string[][] = [];

  constructor(procedures: readonly SearchableProcedure[]) {
    if (procedures.length > MAX_ENTRIES)
      throw new RangeError('ProcedureIndex: too many procedures');
    const cache = new Map<string, string>();
    this.#entries = procedures.map((procedure, position) => {
      const fields = [
        words(procedure.name, cache),
        words(procedure.keywords.join(' '), cache),
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
          cache,
        ),
      ];
      for (let f = 0; f < 3; f++) {
        for (const word of fields[f] as string[]) {
          let postings = this.#postings.get(word);
          if (!postings) {
            postings = [[], [], []];
            this.#postings.set(word, postings);
          }
          const list = postings[f as 0 | 1 | 2];
          // Entries arrive in order: a repeat of the word in the same field is the last one.
          if (list[list.length - 1] !== position) list.push(position);
        }
      }
      return {
        procedure,
        name: (fields[0] as string[]).join(' '),
        agencies: procedure.agencies
          ? foldVietnamese(Object.values(procedure.agencies).flat().join(' | '))
          : '',
      };
    });
    this.#sorted = [...this.#postings.keys()].sort();
    for (const word of this.#sorted) {
      const bucket = this.#byLength[word.length];
      if (bucket) bucket.push(word);
      else this.#byLength[word.length] = [word];
    }
  }

  /** The indexed words a query word matches, with how well: 1 exact, 0.6 prefix, 0.5 one edit. */
  #matches(term: string, prefix: boolean): [string, number][] {
    const found = new Map<string, number>();
    if (this.#postings.has(term)) found.set(term, 1);
    if (prefix) {
      // Binary search for the first word ≥ term; the prefixed words follow it.
      let low = 0;
      let high = this.#sorted.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((this.#sorted[mid] as string) < term) low = mid + 1;
        else high = mid;
      }
      for (let i = low; i < this.#sorted.length; i++) {
        const word = this.#sorted[i] as string;
        if (!word.startsWith(term)) break;
        if (!found.has(word)) found.set(word, 0.6);
      }
    }
    if (term.length >= TYPO_MIN_LENGTH) {
      for (let length = term.length - 1; length <= term.length + 1; length++) {
        for (const word of this.#byLength[length] ?? []) {
          if (!found.has(word) && withinOneEdit(term, word)) found.set(word, 0.5);
        }
      }
    }
    return [...found];
  }

  /** The procedures matching `query` and `filter`, best first; all of them, in order, for no query. */
  search(query: string, filter: ProcedureFilter = {}): SearchableProcedure[] {
    const terms = words(query);
    // The last word may still be being typed: let it match as a prefix.
    const open = /[\p{L}\p{N}]$/u.test(query);
    const agency = filter.agency ? foldVietnamese(filter.agency) : '';
    const keep = (entry: Entry) => {
      const { procedure } = entry;
      return (
        (!filter.level || procedure.levels.includes(filter.level)) &&
        (!filter.onlineLevel || procedure.onlineLevel === filter.onlineLevel) &&
        (!filter.field || procedure.field === filter.field) &&
        (!agency || entry.agencies.includes(agency))
      );
    };
    const entries = this.#entries;
    if (!terms.length) return entries.filter(keep).map((entry) => entry.procedure);

    // Typed arrays and index loops: a common word touches thousands of procedures, and a
    // query must stay within a frame's budget (bench/search.mjs).
    const count = entries.length;
    const total = new Float32Array(count);
    const best = new Float32Array(count);
    for (const [t, term] of terms.entries()) {
      best.fill(0);
      for (const [word, quality] of this.#matches(term, open && t === terms.length - 1)) {
        const postings = this.#postings.get(word) as Postings;
        for (let f = 0; f < 3; f++) {
          const score = quality * (FIELD_WEIGHT[f as 0 | 1 | 2] as number);
          const list = postings[f as 0 | 1 | 2];
          for (let i = 0; i < list.length; i++) {
            const entry = list[i] as number;
            if (score > (best[entry] as number)) best[entry] = score;
          }
        }
      }
      // Every word is required: an entry missing this one drops out (−1 marks it).
      let any = false;
      for (let e = 0; e < count; e++) {
        const score = best[e] as number;
        const sum = total[e] as number;
        if (sum < 0) continue;
        if (!score) total[e] = -1;
        else {
          total[e] = sum + score;
          any = true;
        }
      }
      if (!any) return [];
    }
    // The words together, in the order typed, in the name: above the same words scattered.
    // (One word is "together" wherever it is: its name match already ranks it.)
    const phrase = terms.length > 1 ? terms.join(' ') : '';
    const filtered = !!(filter.level || filter.onlineLevel || filter.field || agency);
    const hits: number[] = [];
    for (let e = 0; e < count; e++) {
      if ((total[e] as number) <= 0) continue;
      const entry = entries[e] as Entry;
      if (filtered && !keep(entry)) continue;
      if (phrase && entry.name.includes(phrase)) total[e] = (total[e] as number) + 50;
      hits.push(e);
    }
    // Best first; among equals, shorter names first (the general procedure before its special
    // cases), then the list's own order. The three packed into one number per hit, so that the
    // sort is the typed array's own numeric sort, without a comparator: score (in tenths, from
    // the top) · 2^34 + name length (capped) · 2^24 + position — 51 bits, exact in a double.
    const keys = new Float64Array(hits.length);
    for (let h = 0; h < hits.length; h++) {
      const e = hits[h] as number;
      const score = Math.min(Math.round((total[e] as number) * 10), SCORE_CAP);
      const length = Math.min((entries[e] as Entry).name.length, 1023);
      keys[h] = (SCORE_CAP - score) * 2 ** 34 + length * 2 ** 24 + e;
    }
    keys.sort();
    const out: SearchableProcedure[] = new Array(keys.length);
    for (let h = 0; h < keys.length; h++) {
      out[h] = (entries[(keys[h] as number) % 2 ** 24] as Entry).procedure;
    }
    return out;
  }
}
