/**
 * Vietnamese validators: pure functions that normalise what a person typed and say, in Vietnamese
 * and English, what is wrong with it.
 */
export {
  type CitizenId,
  type CitizenIdErrorCode,
  type CitizenIdOptions,
  type CitizenIdSex,
  validateCitizenId,
} from './citizen-id.js';
export {
  type LegacyId,
  type LegacyIdErrorCode,
  type PersonalId,
  type PersonalIdErrorCode,
  type PersonalIdKind,
  validateLegacyId,
  validatePersonalId,
} from './legacy-id.js';
export {
  MOBILE_CARRIERS,
  type MobileCarrier,
  normalizePhone,
  PHONE_KINDS,
  type Phone,
  type PhoneErrorCode,
  type PhoneKind,
  type PhoneOptions,
  validatePhone,
} from './phone.js';
export type { ValidationResult } from './result.js';
export {
  TAX_CODE_KINDS,
  type TaxCode,
  type TaxCodeErrorCode,
  type TaxCodeKind,
  taxCodeCheckDigit,
  validateTaxCode,
} from './tax-code.js';
