import { type CitizenId, type CitizenIdErrorCode, validateCitizenId } from './citizen-id.js';
import { refuse, type ValidationResult } from './result.js';

/**
 * Weights of the first nine digits in the check-digit sum, as the tax authority has used them
 * since the 1998 numbering (commonly attributed to Decision 75/1998/QĐ-TCT, whose text we could
 * not consult). Circular 105/2020/TT-BTC, Art. 5, names N10 the check digit without restating the
 * formula, so the formula was verified on published codes instead: Viettel's 0100109106 and
 * dozens of others all pass, while the variant "11 − remainder" some sites give fails them all.
 */
const CHECK_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The kinds of tax code (mã số thuế, MST) a taxpayer may give. */
export const TAX_CODE_KINDS = ['enterprise', 'branch', 'personal-id'] as const;

/**
 * One of {@link TAX_CODE_KINDS}: `enterprise` is a 10-digit code (issued to enterprises and other
 * organisations, and before 1 July 2025 also to individuals and households), `branch` a 13-digit
 * code of a dependent unit, `personal-id` a 12-digit personal identification number used as the
 * tax code.
 */
export type TaxCodeKind = (typeof TAX_CODE_KINDS)[number];

/** A valid tax code, normalised, and what its structure tells. */
export type TaxCode =
  | {
      readonly kind: 'enterprise';
      /** 10 ASCII digits, e.g. `0100109106`. */
      readonly taxCode: string;
    }
  | {
      readonly kind: 'branch';
      /** 10 digits, a dash and 3 digits, e.g. `0100109106-001`. */
      readonly taxCode: string;
      /** The 10-digit code of the unit the branch depends on. */
      readonly parentTaxCode: string;
      /** The branch's sequence number, `001` to `999`. */
      readonly branchNumber: string;
    }
  | {
      readonly kind: 'personal-id';
      /** The 12-digit personal identification number. */
      readonly taxCode: string;
      readonly citizenId: CitizenId;
    };

/**
 * Why a tax code was refused. A 12-digit code is checked as a citizen ID, so it can also be
 * refused with that check's `province` or `birth-year`.
 */
export type TaxCodeErrorCode =
  | 'required'
  | 'format'
  | 'serial'
  | 'check-digit'
  | 'branch'
  | Exclude<CitizenIdErrorCode, 'required' | 'format'>;

/**
 * Computes the check digit (N10) of a tax code from its first nine digits: 10 − (Σ dᵢ·wᵢ mod 11)
 * with the weights 31, 29, 23, 19, 17, 13, 7, 5, 3. Returns `undefined` when the remainder is 0,
 * since the result 10 is not a digit: no valid tax code starts with those nine digits.
 *
 * Exported for tests and tools that generate examples; {@link validateTaxCode} is what forms use.
 */
export function taxCodeCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) {
    throw new RangeError(`Expected 9 digits, got "${firstNine}".`);
  }
  let sum = 0;
  for (const [index, weight] of CHECK_WEIGHTS.entries()) {
    sum += Number(firstNine[index]) * weight;
  }
  const check = 10 - (sum % 11);
  return check === 10 ? undefined : check;
}

/**
 * Checks a Vietnamese tax code (mã số thuế, MST) for structure, not only length.
 *
 * Layout (Circular 105/2020/TT-BTC, Art. 5): N1N2N3N4N5N6N7N8N9N10 - N11N12N13, where N1N2 is the
 * range, N3–N9 a serial from 0000001 to 9999999, N10 the check digit (see
 * {@link taxCodeCheckDigit}) and N11–N13 a dependent unit's number from 001 to 999. The dash may
 * be left out; a branch code comes back as `0123456789-001`.
 *
 * From 1 July 2025 an individual's, household's or household business's tax code is the
 * representative's 12-digit personal identification number (Circular 86/2024/TT-BTC, Art. 5), so
 * a 12-digit value is accepted and checked by {@link validateCitizenId}.
 *
 * The check digit catches every single wrong digit and every swap of two neighbouring digits in
 * the first ten; the branch number has no check digit. A valid code is well formed, not
 * necessarily registered: ask the tax authority for that.
 *
 * Spaces, dots and dashes are ignored, and full-width digits are read as ASCII.
 */
export function validateTaxCode(input: string): ValidationResult<TaxCode, TaxCodeErrorCode> {
  const digits = input.normalize('NFKC').replace(/[\s.-]/g, '');
  if (digits === '') {
    return refuse('required', {
      vi: 'Nhập mã số thuế.',
      en: 'Enter the tax code.',
    });
  }
  if (/^\d{12}$/.test(digits)) {
    const result = validateCitizenId(digits);
    if (!result.ok) return result;
    return { ok: true, value: { kind: 'personal-id', taxCode: digits, citizenId: result.value } };
  }
  if (!/^\d{10}(?:\d{3})?$/.test(digits)) {
    const given = /^\d+$/.test(digits)
      ? { vi: `${digits.length} chữ số`, en: `${digits.length} digits` }
      : { vi: 'có ký tự không phải chữ số', en: 'not all digits' };
    return refuse('format', {
      vi: `Mã số thuế gồm 10 chữ số, 13 chữ số cho đơn vị phụ thuộc (0123456789-001), hoặc 12 chữ số định danh cá nhân; đã nhập ${given.vi}.`,
      en: `A tax code is 10 digits, 13 for a dependent unit (0123456789-001), or a 12-digit personal identification number; this is ${given.en}.`,
    });
  }
  const base = digits.slice(0, 10);
  if (base.slice(2, 9) === '0000000') {
    return refuse('serial', {
      vi: 'Chữ số thứ 3 đến 9 của mã số thuế là số thứ tự từ 0000001 đến 9999999, không thể toàn số 0.',
      en: 'Digits 3 to 9 of a tax code are a serial from 0000001 to 9999999 and cannot all be zero.',
    });
  }
  const expected = taxCodeCheckDigit(base.slice(0, 9));
  if (expected === undefined) {
    return refuse('check-digit', {
      vi: `Không có mã số thuế hợp lệ nào bắt đầu bằng ${base.slice(0, 9)}: kiểm tra lại 9 chữ số đầu.`,
      en: `No valid tax code starts with ${base.slice(0, 9)}: check the first nine digits.`,
    });
  }
  if (Number(base[9]) !== expected) {
    return refuse('check-digit', {
      vi: 'Chữ số thứ 10 (chữ số kiểm tra) không khớp với 9 chữ số đầu: có chữ số bị gõ nhầm hoặc đảo chỗ.',
      en: 'The 10th digit (the check digit) does not match the first nine: a digit is mistyped or two are swapped.',
    });
  }
  if (digits.length === 10) {
    return { ok: true, value: { kind: 'enterprise', taxCode: base } };
  }
  const branchNumber = digits.slice(10);
  if (branchNumber === '000') {
    return refuse('branch', {
      vi: 'Ba chữ số cuối là số thứ tự đơn vị phụ thuộc, từ 001 đến 999, không thể là 000.',
      en: 'The last three digits number a dependent unit from 001 to 999 and cannot be 000.',
    });
  }
  return {
    ok: true,
    value: {
      kind: 'branch',
      taxCode: `${base}-${branchNumber}`,
      parentTaxCode: base,
      branchNumber,
    },
  };
}
