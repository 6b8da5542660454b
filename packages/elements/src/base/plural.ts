import { intlLocale } from './localization.js';

// Apart from localization.ts, which every element loads at once: a bundler puts a module whole
// into one chunk, and plural forms are mostly needed by words that load later.

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
    rules = new Intl.PluralRules(intlLocale(locale));
    pluralRules.set(locale, rules);
  }
  return forms[rules.select(count)] ?? forms.other;
}
