/**
 * The portal's two languages. Vietnamese is the default; the English switch sets
 * `<html lang="en">` — which the egov elements follow, as they read the nearest `lang` — and
 * is remembered in localStorage for the next page.
 *
 * Strings are `{ vi, en }` pairs kept beside the code that shows them. Static text in a page
 * carries `data-i18n="key"`; `applyStrings()` fills it from the page's strings.
 */

const STORAGE_KEY = 'egov-portal-lang';
const listeners = new Set();

/** The language shown now: `vi` or `en`. */
export function locale() {
  return document.documentElement.lang === 'en' ? 'en' : 'vi';
}

/** The text of a `{ vi, en }` pair (or a plain string) in the current language. */
export function t(text) {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[locale()] ?? text.vi;
}

/** Calls `listener(locale)` after every switch of language. */
export function onLocaleChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The language remembered from a previous visit (run before the page renders). */
export function restoreLocale() {
  let saved = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage blocked (private mode, policy): stay in Vietnamese.
  }
  document.documentElement.lang = saved === 'en' ? 'en' : 'vi';
}

/**
 * Switches the language and remembers it. The egov elements follow `<html lang>` by themselves;
 * the page's own text follows through `onLocaleChange`.
 */
export function setLocale(next) {
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered, but the page still switches.
  }
  for (const listener of listeners) listener(next);
}

/**
 * Fills every `[data-i18n]` element under `root` from `strings` (its text), and every
 * `[data-i18n-label]` element's aria-label.
 */
export function applyStrings(strings, root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    const text = strings[element.dataset.i18n];
    if (text) element.textContent = t(text);
  }
  for (const element of root.querySelectorAll('[data-i18n-label]')) {
    const text = strings[element.dataset.i18nLabel];
    if (text) element.setAttribute('aria-label', t(text));
  }
}

/** Dates as people read them: `26/11/2026` or `26 Nov 2026`, with the time when asked. */
export function formatDate(value, { time = false } = {}) {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  const options = {
    day: '2-digit',
    month: locale() === 'en' ? 'short' : '2-digit',
    year: 'numeric',
  };
  if (time) Object.assign(options, { hour: '2-digit', minute: '2-digit' });
  return new Intl.DateTimeFormat(locale() === 'en' ? 'en-GB' : 'vi-VN', {
    ...options,
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(date);
}

/** A byte count as `1,2 MB` / `1.2 MB`. */
export function formatSize(bytes) {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(locale() === 'en' ? 'en-GB' : 'vi-VN', {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${number} ${units[unit]}`;
}
