import type { AdministrativeLevel, AdministrativeUnit } from '../entities/administrative-unit.js';
import { byDiacritics, searchKey, stripKind } from './search-key.js';
import { unitTables } from './units.js';

/** Options of {@link searchUnits}. */
export interface SearchUnitsOptions {
  /** Only provinces or only communes; both by default. */
  readonly level?: AdministrativeLevel;
  /** Only the province with this code and its communes. */
  readonly provinceCode?: string;
  /** The most results to return; 10 by default. */
  readonly limit?: number;
}

interface Entry {
  readonly unit: AdministrativeUnit;
  /** The whole name as a search key, e.g. `phuong hai chau`. */
  readonly full: string;
  /** The name without its kind word, e.g. `hai chau`. */
  readonly core: string;
  /** `core` with a space in front, so that a word start is a plain substring search. */
  readonly spaced: string;
}

/** A form of the query, prepared once rather than for each of the 3,355 units. */
interface Variant {
  readonly key: string;
  readonly spaced: string;
  /** Its words, each with a space in front; empty for a one-word query. */
  readonly words: readonly string[];
  /** 1 for the query without its kind word, a weaker match than as typed. */
  readonly weaker: 0 | 1;
}

let index: readonly Entry[] | undefined;

function searchIndex(): readonly Entry[] {
  index ??= [...unitTables().provinces, ...unitTables().communes].map((unit) => {
    const full = searchKey(unit.name);
    const core = stripKind(full);
    return { unit, full, core, spaced: ` ${core}` };
  });
  return index;
}

/**
 * Finds provinces and communes by name the way people type them: without diacritics or with
 * them, in any case (`da nang`, `Đà Nẵng` and `DA NANG` find Thành phố Đà Nẵng), with or without
 * the kind word (`Thành phố`, `TP`, `Tỉnh`, `Phường`, `Xã`, `Đặc khu`), or only its first letters.
 *
 * Results are ranked, best first, and the order is the same on every run and platform: the whole
 * name typed exactly, then the name without its kind word, then names starting with the query,
 * then a word of the name starting with it, then the query anywhere in the name, then all of
 * its words in any order. Within a rank, a match that agrees with the kind word typed comes
 * first, then one that has the query's tone marks as typed (`Tam Thành` is not `Tam Thạnh`),
 * then provinces before communes, shorter names, the folded name and the code.
 */
export function searchUnits(query: string, options: SearchUnitsOptions = {}): AdministrativeUnit[] {
  const limit = Math.floor(options.limit ?? 10);
  const typed = searchKey(query);
  if (typed === '' || !(limit > 0)) return [];
  const stripped = stripKind(typed);
  const variants = [variant(typed, 0)];
  if (stripped !== typed) variants.push(variant(stripped, 1));
  const faithful = byDiacritics(query);
  const hits: { entry: Entry; score: number; faithful: number }[] = [];
  for (const entry of searchIndex()) {
    const { unit } = entry;
    if (options.level && unit.level !== options.level) continue;
    if (
      options.provinceCode !== undefined &&
      unit.code !== options.provinceCode &&
      unit.parentCode !== options.provinceCode
    ) {
      continue;
    }
    // A query with a kind word is also tried without it, as a weaker match (+1), so that `Xã
    // Hải Châu` still finds Phường Hải Châu while `Tĩnh Gia` (folded: `tinh gia`) keeps its
    // first word.
    let score = entry.full === typed ? 0 : entry.full.startsWith(typed) ? 4 : NO_MATCH;
    for (const variant of variants) score = Math.min(score, rank(variant, entry) + variant.weaker);
    if (score < NO_MATCH) hits.push({ entry, score, faithful: faithful(unit) });
  }
  hits.sort(
    (a, b) => a.score - b.score || b.faithful - a.faithful || compareEntries(a.entry, b.entry),
  );
  return hits.slice(0, limit).map((hit) => hit.entry.unit);
}

const NO_MATCH = 100;

/**
 * How well `query` matches a unit's name without its kind word, as an even number (lower is
 * better) so that a weaker variant of the query can add 1 and stay between two ranks; 0 is kept
 * for the whole name typed exactly.
 */
function rank(query: Variant, entry: Entry): number {
  if (entry.core === query.key) return 2;
  if (entry.core.startsWith(query.key)) return 4;
  if (entry.spaced.includes(query.spaced)) return 6;
  if (entry.core.includes(query.key)) return 8;
  if (query.words.length > 0 && query.words.every((word) => entry.spaced.includes(word))) {
    return 10;
  }
  return NO_MATCH;
}

function variant(key: string, weaker: 0 | 1): Variant {
  const words = key.includes(' ') ? key.split(' ').map((word) => ` ${word}`) : [];
  return { key, spaced: ` ${key}`, words, weaker };
}

function compareEntries(a: Entry, b: Entry): number {
  return (
    levelOrder(a.unit) - levelOrder(b.unit) ||
    a.core.length - b.core.length ||
    compareStrings(a.core, b.core) ||
    compareStrings(a.unit.code, b.unit.code)
  );
}

function levelOrder(unit: AdministrativeUnit): number {
  return unit.level === 'province' ? 0 : 1;
}

/** Code-unit order: unlike `localeCompare`, the same in every runtime and locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
