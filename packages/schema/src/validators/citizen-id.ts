import { refuse, type ValidationResult } from './result.js';

/**
 * Codes of the provinces where a birth can be registered, as the first three digits of a
 * citizen ID. These are the 63 pre-2025 province codes of the General Statistics Office:
 * IDs already issued keep them after the 2025 merger, and the 34 new provinces reuse a subset.
 * Source: Circular 59/2021/TT-BCA, Annex (codes of provinces of birth registration).
 */
const BIRTH_PROVINCE_CODES: ReadonlySet<string> = new Set(
  [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37,
    38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77,
    79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
  ].map((code) => String(code).padStart(3, '0')),
);

/** Sex as encoded in a citizen ID's fourth digit. */
export type CitizenIdSex = 'male' | 'female';

/** What a valid 12-digit citizen ID (căn cước / CCCD) tells about its holder. */
export interface CitizenId {
  /** The ID as 12 ASCII digits, spaces and separators removed. */
  readonly number: string;
  /** Three-digit code of the province where the birth was registered, e.g. `001` (Hà Nội). */
  readonly birthProvinceCode: string;
  readonly sex: CitizenIdSex;
  readonly birthYear: number;
}

/** Why a citizen ID was refused. */
export type CitizenIdErrorCode = 'required' | 'format' | 'province' | 'birth-year';

/** Options of {@link validateCitizenId}. */
export interface CitizenIdOptions {
  /** The moment "now" for the birth-year check; the current time by default. */
  readonly now?: Date;
}

/**
 * Checks a 12-digit citizen ID (số định danh cá nhân, printed on the CCCD card) for structure and
 * plausibility, not only length: a known birth-province code, and a century/sex digit and birth
 * year that do not put the birth in the future.
 *
 * Layout (Circular 59/2021/TT-BCA, Art. 7): 3 digits birth province, 1 digit century and sex
 * (0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, …), 2 digits birth year, 6 digits serial.
 *
 * Spaces, dots and dashes that people type to group digits are ignored, and full-width digits
 * are read as ASCII.
 */
export function validateCitizenId(
  input: string,
  options: CitizenIdOptions = {},
): ValidationResult<CitizenId, CitizenIdErrorCode> {
  const number = input.normalize('NFKC').replace(/[\s.-]/g, '');
  if (number === '') {
    return refuse('required', {
      vi: 'Nhập số định danh cá nhân (số căn cước).',
      en: 'Enter the personal identification number (citizen ID).',
    });
  }
  if (!/^\d{12}$/.test(number)) {
    return refuse('format', {
      vi: 'Số định danh cá nhân gồm đúng 12 chữ số.',
      en: 'The personal identification number must be exactly 12 digits.',
    });
  }
  const birthProvinceCode = number.slice(0, 3);
  if (!BIRTH_PROVINCE_CODES.has(birthProvinceCode)) {
    return refuse('province', {
      vi: `Ba chữ số đầu (${birthProvinceCode}) không phải mã tỉnh nơi đăng ký khai sinh.`,
      en: `The first three digits (${birthProvinceCode}) are not a province code of birth registration.`,
    });
  }
  const centuryDigit = Number(number[3]);
  const birthYear = 1900 + Math.floor(centuryDigit / 2) * 100 + Number(number.slice(4, 6));
  const currentYear = (options.now ?? new Date()).getFullYear();
  if (birthYear > currentYear) {
    return refuse('birth-year', {
      vi: `Chữ số thứ 4 đến 6 cho năm sinh ${birthYear}, sau năm hiện tại.`,
      en: `Digits 4 to 6 give the birth year ${birthYear}, which is in the future.`,
    });
  }
  return {
    ok: true,
    value: {
      number,
      birthProvinceCode,
      sex: centuryDigit % 2 === 0 ? 'male' : 'female',
      birthYear,
    },
  };
}
