import { foldVietnamese } from '../text/fold.js';

/**
 * The words a unit's name starts with that say what kind of unit it is, folded. People leave
 * them out ("Đà Nẵng") or use another ("Xã" for a ward), so matching looks past them. `tp` is
 * the usual abbreviation of `Thành phố` (TP. Hồ Chí Minh); the pre-2025 kinds are here for old
 * names.
 */
const KIND_PREFIX = /^(thanh pho|tp|tinh|dac khu|phuong|xa|thi tran|thi xa|quan|huyen) (?=\S)/;

/** A text as search compares it: folded, punctuation read as a space. */
export function searchKey(text: string): string {
  return foldVietnamese(text.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' '));
}

/** A search key without its leading kind word, if it has one and something follows it. */
export function stripKind(key: string): string {
  return key.replace(KIND_PREFIX, '');
}

/**
 * 1 for a name that contains the query as typed, tone marks included (but not case), else 0:
 * `Tam Thanh`, `Tam Thành` and `Tam Thạnh` are three places, and whoever typed the marks meant
 * one of them. A query without marks says nothing (people leave them all out), so it gives 0.
 */
export function byDiacritics(query: string): (unit: { readonly name: string }) => number {
  const typed = query.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (typed === foldVietnamese(typed)) return () => 0;
  return (unit) => (unit.name.toLowerCase().includes(typed) ? 1 : 0);
}
