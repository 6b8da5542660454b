/**
 * Folds Vietnamese text to the form people type when they cannot or do not bother with
 * diacritics, so that `Đà Nẵng`, `da nang` and `DA  NANG` compare equal: canonical
 * decomposition (NFD), combining marks removed (tones, and the breve, circumflex and horn of
 * ă â ê ô ơ ư), `đ` to `d`, lower case, runs of white space collapsed to one space and trimmed.
 *
 * Use it on both sides of a comparison; it is lossy (`Hòa`, `Hoà` and `Hoa` all give `hoa`),
 * which is the point for search and never right for display or storage.
 */
export function foldVietnamese(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // `đ` has no decomposition. `ð` (eth) looks the same and is what some keyboards and
      // PDF copies give for it, so it folds the same way.
      .replace(/[đð]/g, 'd')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
