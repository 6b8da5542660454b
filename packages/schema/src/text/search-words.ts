import { foldVietnamese } from './fold.js';

/**
 * The words of a text as search compares them, the same on the server and in the browser:
 * folded by `foldVietnamese` (diacritics, `đ` and case ignored), split on anything that is not
 * a letter or digit, and spelt one way where Vietnamese spelling has two (`spellOneWay`).
 *
 * `"Đăng ký kết hôn (có yếu tố nước ngoài)"` → `["dang", "ki", "ket", "hon", "co", "yeu",
 * "to", "nuoc", "ngoai"]`.
 */
export function searchWords(text: string): string[] {
  const out: string[] = [];
  for (const token of foldVietnamese(text).split(WORD_SEPARATOR)) {
    if (token) out.push(spellOneWay(token));
  }
  return out;
}

const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

// A syllable that is an initial consonant and a final `y`/`i` alone: `ký/kí`, `lý/lí`,
// `mỹ/mĩ`, `tỷ/tỉ`, `sỹ/sĩ`, `hy/hi`, `quy/qui`. Both spellings are in use (the 2018
// textbook rule prefers `i`; official records keep `y` in many names), so search treats them
// as one. Syllables where `y` is part of a vowel cluster (`huy`, `tuy`, `uy`) or stands alone
// (`ý kiến`) are left as they are.
const Y_OR_I_AFTER_CONSONANT =
  /^(?:b|c|ch|d|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)y$/;

/**
 * One spelling for a folded word where Vietnamese has two in use: a final `y` after an initial
 * consonant becomes `i` (`ky` → `ki`, `quy` → `qui`). `đ`/`d` are already one letter after
 * folding.
 */
export function spellOneWay(word: string): string {
  return Y_OR_I_AFTER_CONSONANT.test(word) ? `${word.slice(0, -1)}i` : word;
}

/**
 * Whether `a` and `b` are at most one edit apart, counting as one edit an insertion, a
 * deletion, a substitution or two neighbouring letters swapped (`ngaoi` ↔ `ngoai`,
 * `ngiep` ↔ `nghiep`, `giap` ↔ `giay`). Equal words are zero edits apart.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const lengthDifference = a.length - b.length;
  if (lengthDifference > 1 || lengthDifference < -1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  if (lengthDifference === 1) return a.slice(i + 1) === b.slice(i);
  if (lengthDifference === -1) return a.slice(i) === b.slice(i + 1);
  if (a.slice(i + 1) === b.slice(i + 1)) return true;
  // A transposition: the two letters at i and i + 1 swapped, the rest equal.
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** The shortest word whose typos search forgives: shorter words have too many neighbours. */
export const TYPO_MIN_LENGTH = 5;
