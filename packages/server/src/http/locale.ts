import { type Locale, resolveLocale } from '@egov-kit/schema';

/**
 * The language to answer in, from `Accept-Language` (its first preference that we speak;
 * Vietnamese otherwise).
 */
export function localeFrom(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return 'vi';
  const tags = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'vi' || primary === 'en') return resolveLocale(primary);
  }
  return 'vi';
}
