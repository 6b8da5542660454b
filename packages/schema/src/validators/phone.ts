import { refuse, type ValidationResult } from './result.js';

/** The mobile networks that hold Vietnamese mobile prefixes. */
export const MOBILE_CARRIERS = [
  'Viettel',
  'MobiFone',
  'VinaPhone',
  'Vietnamobile',
  'Gmobile',
  'iTel',
  'Reddi',
] as const;

/** One of {@link MOBILE_CARRIERS}. */
export type MobileCarrier = (typeof MOBILE_CARRIERS)[number];

/**
 * Mobile prefixes (0 + network code) and the network each was allocated to, after the move of
 * 11-digit numbers to 10 digits (15/9/2018 to 30/6/2019; Decision 798/QĐ-BTTTT of 25/5/2018,
 * which gives the 03x, 056, 058, 059, 07x and 081–085 conversions). The prefixes that existed
 * before (086, 088, 089, 09x) and the later ones (052 Vietnamobile, 055 Reddi from 2020, 087 iTel)
 * follow the carrier data of Google's libphonenumber (resources/carrier/en/84.txt), which lists
 * 087 under VinaPhone because iTel runs on its network. Not accepted yet: 030, 031 and 051, which
 * that data lists for MobiFone but for which we found no allocation; add them here, with a
 * source, once one is published.
 *
 * The carrier is the network a number started on: since mobile number portability (2018) a
 * subscriber may have moved to another network keeping the number.
 */
const MOBILE_PREFIXES: ReadonlyMap<string, MobileCarrier> = new Map(
  (
    [
      [
        'Viettel',
        ['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098'],
      ],
      ['MobiFone', ['070', '076', '077', '078', '079', '089', '090', '093']],
      ['VinaPhone', ['081', '082', '083', '084', '085', '088', '091', '094']],
      ['Vietnamobile', ['052', '056', '058', '092']],
      ['Gmobile', ['059', '099']],
      ['iTel', ['087']],
      ['Reddi', ['055']],
    ] as const
  ).flatMap(([carrier, prefixes]) => prefixes.map((prefix) => [prefix, carrier] as const)),
);

/**
 * The 11-digit mobile prefixes retired in 2018 and what each became, so that an old number in a
 * record can be pointed to its new form (Decision 798/QĐ-BTTTT: the last seven digits are kept).
 */
const RETIRED_MOBILE_PREFIXES: ReadonlyMap<string, string> = new Map([
  // MobiFone
  ['0120', '070'],
  ['0121', '079'],
  ['0122', '077'],
  ['0126', '076'],
  ['0128', '078'],
  // VinaPhone
  ['0123', '083'],
  ['0124', '084'],
  ['0125', '085'],
  ['0127', '081'],
  ['0129', '082'],
  // Viettel
  ['0162', '032'],
  ['0163', '033'],
  ['0164', '034'],
  ['0165', '035'],
  ['0166', '036'],
  ['0167', '037'],
  ['0168', '038'],
  ['0169', '039'],
  // Vietnamobile
  ['0186', '056'],
  ['0188', '058'],
  // Gmobile
  ['0199', '059'],
]);

/**
 * Landline area codes (0 + 2XX) since the 2017 renumbering (Decision 2036/QĐ-BTTTT, carried out
 * from 11/2/2017 to 31/8/2017): every landline is 11 digits, 0 + area code + subscriber number.
 * Hà Nội (024) and TP Hồ Chí Minh (028) have two-digit area codes and 8-digit subscriber numbers;
 * every other province a three-digit code and a 7-digit number. The codes are those of the 63
 * provinces before the 2025 merger, still the codes in use.
 */
const WIDE_AREA_CODES: ReadonlySet<string> = new Set(['024', '028']);
const AREA_CODES: ReadonlySet<string> = new Set([
  // Quảng Ninh, Bắc Giang, Lạng Sơn, Cao Bằng, Tuyên Quang, Thái Nguyên, Bắc Kạn
  ...['0203', '0204', '0205', '0206', '0207', '0208', '0209'],
  // Phú Thọ, Vĩnh Phúc, Sơn La, Lai Châu, Lào Cai, Điện Biên, Yên Bái, Hòa Bình, Hà Giang
  ...['0210', '0211', '0212', '0213', '0214', '0215', '0216', '0218', '0219'],
  // Hải Dương, Hưng Yên, Bắc Ninh, Hải Phòng, Hà Nam, Thái Bình, Nam Định, Ninh Bình
  ...['0220', '0221', '0222', '0225', '0226', '0227', '0228', '0229'],
  // Quảng Bình, Quảng Trị, Thừa Thiên Huế, Quảng Nam, Đà Nẵng, Thanh Hóa, Nghệ An, Hà Tĩnh
  ...['0232', '0233', '0234', '0235', '0236', '0237', '0238', '0239'],
  // Đồng Nai, Bình Thuận, Bà Rịa - Vũng Tàu, Quảng Ngãi, Bình Định, Phú Yên, Khánh Hòa, Ninh Thuận
  ...['0251', '0252', '0254', '0255', '0256', '0257', '0258', '0259'],
  // Kon Tum, Đắk Nông, Đắk Lắk, Lâm Đồng, Gia Lai
  ...['0260', '0261', '0262', '0263', '0269'],
  // Vĩnh Long, Bình Phước, Long An, Tiền Giang, Bình Dương, Bến Tre, Tây Ninh, Đồng Tháp
  ...['0270', '0271', '0272', '0273', '0274', '0275', '0276', '0277'],
  // Cà Mau, Bạc Liêu, Cần Thơ, Hậu Giang, Trà Vinh, An Giang, Kiên Giang, Sóc Trăng
  ...['0290', '0291', '0292', '0293', '0294', '0296', '0297', '0299'],
]);

/** The kinds of Vietnamese telephone number {@link validatePhone} accepts. */
export const PHONE_KINDS = ['mobile', 'landline'] as const;

/** One of {@link PHONE_KINDS}. */
export type PhoneKind = (typeof PHONE_KINDS)[number];

/** A valid Vietnamese telephone number in its two written forms. */
export interface Phone {
  /** National form, digits only: `0912345678`, `02438251234`. */
  readonly national: string;
  /** International form (E.164): `+84912345678`. */
  readonly e164: string;
  readonly kind: PhoneKind;
  /** For a mobile number, the network its prefix was allocated to. */
  readonly carrier?: MobileCarrier;
  /** For a landline, its area code with the leading 0, e.g. `024` (Hà Nội), `0236` (Đà Nẵng). */
  readonly areaCode?: string;
}

/** Why a telephone number was refused. */
export type PhoneErrorCode = 'required' | 'format' | 'prefix' | 'kind';

/** Options of {@link validatePhone}. */
export interface PhoneOptions {
  /** Which kind of number the field takes; `any` by default. */
  readonly kind?: PhoneKind | 'any';
}

/**
 * Reads a Vietnamese telephone number as people write it and returns its national form (digits,
 * leading 0), or `undefined` if it is not written as one. Accepts the national form
 * (`0912 345 678`) and the international forms `+84 912 345 678`, `84912345678` and
 * `0084 912 345 678`, with spaces, dots, dashes and parentheses, full-width digits, and the
 * common `+84 (0) 912…` that repeats the trunk 0.
 *
 * Only the written form is read here: {@link validatePhone} checks the length and the prefix.
 */
export function normalizePhone(input: string): string | undefined {
  const compact = compactPhone(input);
  if (!/^\+?\d+$/.test(compact)) return undefined;
  const digits = compact.replace('+', '');
  let national: string | undefined;
  if (compact.startsWith('+') || digits.startsWith('00')) {
    // International form: "+" or the international call prefix 00, then the country code.
    const afterPrefix = compact.startsWith('+') ? digits : digits.slice(2);
    national = afterPrefix.startsWith('84') ? fromCountryCode(afterPrefix.slice(2)) : undefined;
  } else if (digits.startsWith('0')) {
    national = digits;
  } else if (digits.startsWith('84') && digits.length >= 11) {
    // Without "+" or "00", a leading 84 is the country code only when the rest is a whole number:
    // 84 + 9 digits (mobile) or 84 + 10 (landline). A national number always starts with 0.
    national = fromCountryCode(digits.slice(2));
  }
  return national !== undefined && national.length > 1 ? national : undefined;
}

/**
 * Checks a Vietnamese telephone number: a 10-digit mobile number with an allocated network
 * prefix, or an 11-digit landline with a province area code (see {@link normalizePhone} for the
 * forms accepted). With `kind`, refuses the other kind of number.
 *
 * The prefixes are those in use after the 2017 area-code and 2018 mobile renumbering; an old
 * 11-digit mobile number (e.g. `0169…`) is refused with its new form in the message.
 */
export function validatePhone(
  input: string,
  options: PhoneOptions = {},
): ValidationResult<Phone, PhoneErrorCode> {
  const wanted = options.kind ?? 'any';
  if (compactPhone(input) === '') {
    return refuse('required', {
      vi: 'Nhập số điện thoại.',
      en: 'Enter the phone number.',
    });
  }
  const national = normalizePhone(input);
  if (national === undefined && isForeign(input)) {
    return refuse('format', {
      vi: 'Chỉ nhận số điện thoại Việt Nam (mã quốc gia +84).',
      en: 'Only Vietnamese phone numbers (country code +84) are accepted.',
    });
  }
  if (national === undefined) {
    return refuse('format', {
      vi: 'Số điện thoại Việt Nam viết dạng 0912 345 678 hoặc +84 912 345 678, chỉ gồm chữ số.',
      en: 'Write a Vietnamese phone number as 0912 345 678 or +84 912 345 678, digits only.',
    });
  }

  const retired = RETIRED_MOBILE_PREFIXES.get(national.slice(0, 4));
  if (retired !== undefined && national.length === 11) {
    const renumbered = retired + national.slice(4);
    return refuse('prefix', {
      vi: `Đầu số ${national.slice(0, 4)} đã chuyển sang ${retired} từ năm 2018: số tương ứng là ${renumbered}.`,
      en: `The prefix ${national.slice(0, 4)} became ${retired} in 2018: the number's new form is ${renumbered}.`,
    });
  }
  if (/^04\d{8}$/.test(national)) {
    // Before 2017 Hà Nội was 04 + 8 digits. (TP HCM's old 08 cannot be told apart: 08x is mobile.)
    return refuse('prefix', {
      vi: `Mã vùng 04 của Hà Nội đã đổi thành 024 từ năm 2017: số tương ứng là 024${national.slice(2)}.`,
      en: `Hà Nội's area code 04 became 024 in 2017: the number's new form is 024${national.slice(2)}.`,
    });
  }

  const kind: PhoneKind = national.startsWith('02') ? 'landline' : 'mobile';
  if (kind === 'landline') {
    if (national.length !== 11) {
      return refuse('format', {
        vi: `Số cố định có 11 chữ số (0 + mã vùng + số thuê bao), ví dụ 024 3825 1234; số này có ${national.length}.`,
        en: `A landline number has 11 digits (0 + area code + subscriber), e.g. 024 3825 1234; this has ${national.length}.`,
      });
    }
    const areaCode = WIDE_AREA_CODES.has(national.slice(0, 3))
      ? national.slice(0, 3)
      : national.slice(0, 4);
    if (!WIDE_AREA_CODES.has(areaCode) && !AREA_CODES.has(areaCode)) {
      return refuse('prefix', {
        vi: `${areaCode} không phải mã vùng điện thoại cố định nào của Việt Nam.`,
        en: `${areaCode} is not a Vietnamese landline area code.`,
      });
    }
    if (wanted === 'mobile') {
      return refuse('kind', {
        vi: `Cần số di động (10 chữ số, ví dụ 0912 345 678); đây là số cố định mã vùng ${areaCode}.`,
        en: `A mobile number is needed (10 digits, e.g. 0912 345 678); this is a landline with area code ${areaCode}.`,
      });
    }
    return { ok: true, value: { national, e164: toE164(national), kind, areaCode } };
  }

  if (national.length !== 10) {
    return refuse('format', {
      vi: `Số di động có 10 chữ số kể cả số 0 đầu, ví dụ 0912 345 678; số này có ${national.length}.`,
      en: `A mobile number has 10 digits including the leading 0, e.g. 0912 345 678; this has ${national.length}.`,
    });
  }
  const prefix = national.slice(0, 3);
  const carrier = MOBILE_PREFIXES.get(prefix);
  if (carrier === undefined) {
    return refuse('prefix', {
      vi: `Đầu số ${prefix} không phải đầu số di động đang dùng ở Việt Nam.`,
      en: `${prefix} is not a mobile prefix in use in Viet Nam.`,
    });
  }
  if (wanted === 'landline') {
    return refuse('kind', {
      vi: `Cần số cố định (11 chữ số, bắt đầu bằng 02, ví dụ 024 3825 1234); đây là số di động ${carrier}.`,
      en: `A landline number is needed (11 digits starting with 02, e.g. 024 3825 1234); this is a ${carrier} mobile number.`,
    });
  }
  return { ok: true, value: { national, e164: toE164(national), kind, carrier } };
}

/** The national form of the digits after the country code 84, tolerating a repeated trunk 0. */
function fromCountryCode(rest: string): string {
  return rest.startsWith('0') ? rest : `0${rest}`;
}

/** Whether the input is written with a country code other than Viet Nam's. */
function isForeign(input: string): boolean {
  const compact = compactPhone(input);
  return /^(?:\+|00)(?!84)\d/.test(compact);
}

/** The input without the spaces, dots, dashes and parentheses people group digits with. */
function compactPhone(input: string): string {
  return input.normalize('NFKC').replace(/[\s.()-]/g, '');
}

function toE164(national: string): string {
  return `+84${national.slice(1)}`;
}
