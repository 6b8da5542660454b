import {
  type CitizenId,
  type CitizenIdErrorCode,
  type CitizenIdOptions,
  validateCitizenId,
} from './citizen-id.js';
import { refuse, type ValidationResult } from './result.js';

/**
 * The highest issuing-area prefix of the CMND numbering. The Ministry of Public Security gave each
 * province's police a range by its first two digits, from 01 (Hà Nội), 02 (TP Hồ Chí Minh),
 * 03 (Hải Phòng) to 38 (Bạc Liêu), with some areas sharing a prefix (19: Quảng Bình and Quảng
 * Trị; 36: Hậu Giang and Sóc Trăng) and some split by the third digit (230/231 Gia Lai, 280 Bình
 * Dương, 285 Bình Phước). That allocation was never published in a legal text: the list
 * used here is the public compilation (Vietnamese Wikipedia, "Chứng minh nhân dân"). Only its
 * bounds are enforced, not which province holds which prefix, because that part we could not
 * check against an official source and prefixes moved with old province mergers and splits.
 */
const MAX_AREA_PREFIX = 38;

/** What a valid 9-digit identity card number (CMND) tells. */
export interface LegacyId {
  /** The number as 9 ASCII digits, spaces and separators removed. */
  readonly number: string;
  /**
   * The two-digit prefix of the issuing province's police, `01` to `38`, e.g. `01` (Hà Nội),
   * `02` (TP Hồ Chí Minh). It tells where the card was issued, not where the holder was born.
   */
  readonly areaCode: string;
}

/** Why a legacy identity card number was refused. */
export type LegacyIdErrorCode = 'required' | 'format' | 'placeholder' | 'area';

/**
 * Checks the old 9-digit identity card number (số chứng minh nhân dân, CMND) of Decree
 * 05/1999/NĐ-CP for structure and plausibility: 9 digits, an issuing-area prefix from 01 to 38,
 * and not a placeholder such as `000000000`, `111111111` or `123456789`.
 *
 * CMND cards stopped being valid on 31/12/2024 (Law on Identification 2023, Art. 46(1)); papers
 * issued with a CMND number keep their value, so this check is for records and old documents,
 * not for proving who someone is today. Use {@link validatePersonalId} where either a citizen ID
 * or a CMND number may be given.
 *
 * Spaces, dots and dashes are ignored, and full-width digits are read as ASCII.
 */
export function validateLegacyId(input: string): ValidationResult<LegacyId, LegacyIdErrorCode> {
  const number = digitsOf(input);
  if (number === '') {
    return refuse('required', {
      vi: 'Nhập số chứng minh nhân dân (CMND).',
      en: 'Enter the identity card (CMND) number.',
    });
  }
  if (!/^\d{9}$/.test(number)) {
    return refuse('format', {
      vi: `Số chứng minh nhân dân (CMND) cũ gồm đúng 9 chữ số; đã nhập ${describeLength(number, 'vi')}.`,
      en: `An identity card (CMND) number is exactly 9 digits; this is ${describeLength(number, 'en')}.`,
    });
  }
  if (/^(\d)\1{8}$/.test(number) || number === '123456789' || number === '987654321') {
    return refuse('placeholder', {
      vi: `${number} là số mẫu, không phải số CMND đã cấp. Nhập số in trên thẻ.`,
      en: `${number} is a placeholder, not an issued CMND number. Enter the number printed on the card.`,
    });
  }
  const areaCode = number.slice(0, 2);
  const area = Number(areaCode);
  if (area < 1 || area > MAX_AREA_PREFIX) {
    return refuse('area', {
      vi: `Hai chữ số đầu (${areaCode}) không phải mã nơi cấp CMND; mã nơi cấp từ 01 đến ${MAX_AREA_PREFIX}.`,
      en: `The first two digits (${areaCode}) are not a CMND issuing-area code, which runs from 01 to ${MAX_AREA_PREFIX}.`,
    });
  }
  return { ok: true, value: { number, areaCode } };
}

/** A personal identification number of either generation, with which one it is. */
export type PersonalId =
  | ({ readonly kind: 'citizen-id' } & CitizenId)
  | ({ readonly kind: 'legacy-id' } & LegacyId);

/** The two generations of personal number a form may receive. */
export type PersonalIdKind = PersonalId['kind'];

/** Why a personal identification number was refused. */
export type PersonalIdErrorCode = CitizenIdErrorCode | LegacyIdErrorCode;

/**
 * Accepts the personal number a person still has on their papers: a 12-digit citizen ID (checked
 * by {@link validateCitizenId}) or an old 9-digit CMND (checked by {@link validateLegacyId}), and
 * says which it is.
 *
 * 12-digit CMND numbers (issued 2012–2016 under Decree 106/2013/NĐ-CP) carry the holder's personal
 * identification number, so they are read, and checked, as citizen IDs.
 */
export function validatePersonalId(
  input: string,
  options: CitizenIdOptions = {},
): ValidationResult<PersonalId, PersonalIdErrorCode> {
  const number = digitsOf(input);
  if (/^\d{12}$/.test(number)) {
    const result = validateCitizenId(number, options);
    return result.ok ? { ok: true, value: { kind: 'citizen-id', ...result.value } } : result;
  }
  if (/^\d{9}$/.test(number)) {
    const result = validateLegacyId(number);
    return result.ok ? { ok: true, value: { kind: 'legacy-id', ...result.value } } : result;
  }
  if (number === '') {
    return refuse('required', {
      vi: 'Nhập số định danh cá nhân (số căn cước) hoặc số CMND cũ.',
      en: 'Enter the personal identification number (citizen ID) or the old CMND number.',
    });
  }
  return refuse('format', {
    vi: `Nhập số căn cước 12 chữ số hoặc số CMND cũ 9 chữ số; đã nhập ${describeLength(number, 'vi')}.`,
    en: `Enter the 12-digit citizen ID or the old 9-digit CMND number; this is ${describeLength(number, 'en')}.`,
  });
}

/** The typed number without the spaces, dots and dashes people group digits with. */
function digitsOf(input: string): string {
  return input.normalize('NFKC').replace(/[\s.-]/g, '');
}

/** Says how long the input is, or that it is not all digits, for a refusal message. */
function describeLength(value: string, locale: 'vi' | 'en'): string {
  if (!/^\d+$/.test(value)) {
    return locale === 'vi' ? 'có ký tự không phải chữ số' : 'not all digits';
  }
  return locale === 'vi' ? `${value.length} chữ số` : `${value.length} digits`;
}
