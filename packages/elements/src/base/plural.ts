// Apart from localization.ts, which every element loads at once: a bundler puts a module whole
// into one chunk, and plural forms are mostly needed by words that load later. Nor does it import
// localization.ts: the signature pad's draw mode uses it, and imports nothing its first load does
// (see `PanelKit` in signature-pad.ts). Plural rules follow the language, not the region, so the
// locale is given to `Intl` as it is (`intlLocale()` would only add the region).

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Picks the form for `count` by the plural rules of `locale` (`Intl.PluralRules`): Vietnamese
 * has one form (`other`), English two (`one`, `other`), other languages up to six. `other` is
 * required; a missing category falls back to it.
 */
export function plural(
  locale: string,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string },
): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return forms[rules.select(count)] ?? forms.other;
}
