/**
 * A message a person may read, in every language egov-kit ships.
 * Vietnamese is the default; English the second (see DESIGN.md).
 */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

/** The languages egov-kit ships messages in. */
export const LOCALES = ['vi', 'en'] as const;

/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/**
 * Picks the best supported locale for a BCP 47 language tag such as `en-GB` or `vi-VN`,
 * falling back to Vietnamese.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' ? 'en' : 'vi';
}
