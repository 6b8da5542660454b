/**
 * `@egov-kit/schema/rules` — the contract's rules that run without zod: the dossier status
 * machine, the route table without its schemas (`OPERATIONS`), the Vietnamese validators, form
 * conditions, text folding and search words, and locale resolution. The main entry has all of
 * them too, beside the zod schemas; this entry is for browsers, components and API clients, so
 * that a bundler that splits code never finds zod (or the calendar) reachable from a page's
 * first load and puts it in a chunk loaded at once. The working-day calendar is
 * `@egov-kit/schema/calendar`.
 *
 * @packageDocumentation
 */
export { OPERATIONS, type OperationId } from './api/operations.js';
export { isEmptyValue, isVisible } from './forms/conditions.js';
export { LOCALES, type Locale, type LocalizedText, resolveLocale } from './i18n/localized-text.js';
// The status machine: everything of status/ but the zod schema of a status.
export * from './status/actions.js';
export * from './status/statuses.js';
export * from './status/transition.js';
export { foldVietnamese } from './text/fold.js';
export { searchWords, spellOneWay, TYPO_MIN_LENGTH, withinOneEdit } from './text/search-words.js';
export * from './validators/index.js';
