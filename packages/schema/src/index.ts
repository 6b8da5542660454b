/**
 * @egov-kit/schema — the contract every other egov-kit package speaks.
 *
 * @packageDocumentation
 */
export { LOCALES, type Locale, type LocalizedText, resolveLocale } from './i18n/localized-text.js';
export {
  type CitizenId,
  type CitizenIdErrorCode,
  type CitizenIdOptions,
  type CitizenIdSex,
  validateCitizenId,
} from './validators/citizen-id.js';
export type { ValidationResult } from './validators/result.js';
