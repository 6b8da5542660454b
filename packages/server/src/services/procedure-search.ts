import { type Procedure, searchWords, TYPO_MIN_LENGTH, withinOneEdit } from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';

/**
 * Search over procedures that forgives how people type — and how records were typed.
 *
 * Every procedure keeps its words (`searchWords`: folded, `ký`/`kí` one way) in arrays with a
 * GIN index: the name's, the keywords', and all of its text. A query word is looked up as a
 * set of words the procedure must contain one of:
 *
 * - the word itself, and the vocabulary's words it begins (`khai si` finds `khai sinh`);
 * - for a word of five letters or more, the vocabulary's words one typo away (`ngaoi` finds
 *   `ngoai`, `ngiep` finds `nghiep`);
 *
 * and every query word must be matched. Typos in the records themselves are forgiven when the
 * index is built: a word found in only one or two procedures that is one edit from a word found
 * in many is taken for a misspelling of it, and the procedure is indexed under both (the
 * official record "Giấp phép …" is found by "giấy phép"). Ranking: a word in the name counts
 * more than in the keywords, and there more than elsewhere; an exact word more than a
 * corrected one; the query's words as a phrase in the name most.
 *
 * The vocabulary (each word and how many procedures have it) is a table, read into memory per
 * database and kept a minute, so a query's expansion costs no round trip. Plain SQL that PGlite
 * and PostgreSQL run alike.
 */

/** The search columns of one procedure. */
export interface ProcedureSearchColumns {
  /** Every distinct word of its text: name, field, keywords, description, code, agencies. */
  readonly words: string[];
  readonly nameWords: string[];
  readonly keywordWords: string[];
  /** The name's words joined by single spaces, for the phrase bonus. */
  readonly nameFolded: string;
  /** All its text's words joined by single spaces, for the agency filter. */
  readonly searchText: string;
}

/** What a procedure is searched by. */
export function procedureSearchColumns(procedure: Procedure): ProcedureSearchColumns {
  const nameWords = searchWords(procedure.name);
  const keywordWords = searchWords(procedure.keywords.join(' '));
  const agencyWords = searchWords(Object.values(procedure.agencies).flat().join(' '));
  const all = [
    ...nameWords,
    ...searchWords(procedure.field),
    ...keywordWords,
    ...searchWords(procedure.description ?? ''),
    ...searchWords(procedure.code),
    ...agencyWords,
  ];
  return {
    words: [...new Set(all)],
    nameWords: [...new Set(nameWords)],
    keywordWords: [...new Set(keywordWords)],
    nameFolded: nameWords.join(' '),
    searchText: all.join(' '),
  };
}

// A record's word is taken for a misspelling when it is this rare and its neighbour this common.
const RARE_AT_MOST = 2;
const COMMON_AT_LEAST = 10;
const CORRECTED_MIN_LENGTH = 4;

/**
 * Rebuilds the vocabulary from the procedures' words and indexes each procedure under the
 * corrections of its misspelt words. Run after procedures are imported or changed (the seed
 * does); reindexes procedures stored before the search columns existed first.
 */
export async function rebuildSearchIndex(
  db: Queryable,
): Promise<{ words: number; corrected: number }> {
  const stale = await db.query<{ code: string; body: Procedure }>(
    "select code, body from procedures where words = '{}'",
  );
  for (const { code, body } of stale) {
    const columns = procedureSearchColumns(body);
    await db.query(
      `update procedures set words = $2, name_words = $3, keyword_words = $4,
         search_words = $2, name_folded = $5, search_text = $6 where code = $1`,
      [
        code,
        columns.words,
        columns.nameWords,
        columns.keywordWords,
        columns.nameFolded,
        columns.searchText,
      ],
    );
  }
  await db.query('delete from search_vocabulary');
  await db.query(
    `insert into search_vocabulary (word, frequency)
     select word, count(*)::int from procedures, unnest(words) as word group by word`,
  );
  const vocabulary = Vocabulary.from(
    await db.query<{ word: string; frequency: number }>(
      'select word, frequency from search_vocabulary',
    ),
  );
  const corrections = vocabulary.corrections();
  // Every procedure back to its own words, then the ones with a misspelt word get its correction.
  await db.query('update procedures set search_words = words where search_words <> words');
  if (corrections.size) {
    const rare = [...corrections.keys()];
    const rows = await db.query<{ code: string; words: string[] }>(
      'select code, words from procedures where words && $1',
      [rare],
    );
    for (const row of rows) {
      const extra = row.words.flatMap((word) => corrections.get(word) ?? []);
      await db.query('update procedures set search_words = $2 where code = $1', [
        row.code,
        [...new Set([...row.words, ...extra])],
      ]);
    }
  }
  forgetVocabulary(db);
  return { words: vocabulary.size, corrected: corrections.size };
}

/** The words of all procedures, with how many procedures have each. */
export class Vocabulary {
  readonly #frequency: Map<string, number>;
  /** All words, sorted, for the prefix look-up. */
  readonly #sorted: string[];
  /** Words by length, for the typo look-up. */
  readonly #byLength = new Map<number, string[]>();

  private constructor(frequency: Map<string, number>) {
    this.#frequency = frequency;
    this.#sorted = [...frequency.keys()].sort();
    for (const word of this.#sorted) {
      const list = this.#byLength.get(word.length);
      if (list) list.push(word);
      else this.#byLength.set(word.length, [word]);
    }
  }

  static from(rows: ReadonlyArray<{ word: string; frequency: number }>): Vocabulary {
    return new Vocabulary(new Map(rows.map((row) => [row.word, Number(row.frequency)])));
  }

  get size(): number {
    return this.#frequency.size;
  }

  has(word: string): boolean {
    return this.#frequency.has(word);
  }

  /** Words that begin with `prefix` (itself excluded), the most common first. */
  completions(prefix: string, limit: number): string[] {
    let low = 0;
    let high = this.#sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.#sorted[middle] as string) < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < this.#sorted.length; i++) {
      const word = this.#sorted[i] as string;
      if (!word.startsWith(prefix)) break;
      if (word !== prefix) found.push(word);
    }
    return found
      .sort((a, b) => (this.#frequency.get(b) ?? 0) - (this.#frequency.get(a) ?? 0))
      .slice(0, limit);
  }

  /** Words one edit from `word` (itself excluded). */
  neighbours(word: string): string[] {
    const found: string[] = [];
    for (let length = word.length - 1; length <= word.length + 1; length++) {
      for (const candidate of this.#byLength.get(length) ?? []) {
        if (candidate !== word && withinOneEdit(word, candidate)) found.push(candidate);
      }
    }
    return found;
  }

  /** Rare words taken for misspellings of common ones: rare word → its likely corrections. */
  corrections(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [word, frequency] of this.#frequency) {
      if (frequency > RARE_AT_MOST || word.length < CORRECTED_MIN_LENGTH || /\d/.test(word))
        continue;
      const common = this.neighbours(word).filter(
        (other) =>
          (this.#frequency.get(other) ?? 0) >= Math.max(COMMON_AT_LEAST, frequency * 10) &&
          !/\d/.test(other),
      );
      if (common.length) out.set(word, common);
    }
    return out;
  }
}

const VOCABULARY_TTL_MS = 60_000;
const vocabularies = new WeakMap<object, { loaded: number; vocabulary: Promise<Vocabulary> }>();

/**
 * The vocabulary of a database, read once a minute at most. `key` is the object that stands
 * for the database across requests (the `Database`, not a request's transaction).
 */
export function vocabularyOf(key: object, db: Queryable, now = Date.now()): Promise<Vocabulary> {
  const cached = vocabularies.get(key);
  if (cached && now - cached.loaded < VOCABULARY_TTL_MS) return cached.vocabulary;
  const vocabulary = db
    .query<{ word: string; frequency: number }>('select word, frequency from search_vocabulary')
    .then(Vocabulary.from);
  vocabularies.set(key, { loaded: now, vocabulary });
  vocabulary.catch(() => vocabularies.delete(key));
  return vocabulary;
}

/** Drops a database's cached vocabulary (after the index is rebuilt). */
export function forgetVocabulary(key: object): void {
  vocabularies.delete(key);
}

/** How a query word is matched: the words that count as it, best first. */
export interface QueryTerm {
  readonly word: string;
  /** Words it begins, when it is the last word (the one being typed). */
  readonly completions: string[];
  /** Words one typo away. */
  readonly corrected: string[];
}

const COMPLETIONS = 40;
const MAX_QUERY_WORDS = 12;

/**
 * The terms of a query: each word, the words the last one begins (people search as they type)
 * and, for a word long enough, its one-typo neighbours in the vocabulary. A word that matches
 * nothing in the vocabulary in any way is dropped when another word does match, so that one
 * stray word never empties an answer the rest of the query would give.
 */
export function queryTerms(q: string, vocabulary: Vocabulary): QueryTerm[] {
  const words = [...new Set(searchWords(q))].slice(0, MAX_QUERY_WORDS);
  const terms = words.map((word, index) => ({
    word,
    completions: index === words.length - 1 ? vocabulary.completions(word, COMPLETIONS) : [],
    corrected: word.length >= TYPO_MIN_LENGTH ? vocabulary.neighbours(word) : [],
  }));
  const matchable = terms.filter(
    (term) => vocabulary.has(term.word) || term.completions.length || term.corrected.length,
  );
  return matchable.length ? matchable : terms;
}
