import { intlLocale } from '../base/localization.js';

/** A file's size for people: `1,5 MB` in Vietnamese, `1.5 MB` in English. */
export function formatSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  const number = size.toLocaleString(intlLocale(locale), {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  });
  return `${number} ${units[unit]}`;
}
