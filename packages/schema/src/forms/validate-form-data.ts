import type { FieldDefinition, FormDefinition } from '../entities/form-definition.js';
import type { FieldError } from '../entities/problem.js';
import type { Locale, LocalizedText } from '../i18n/localized-text.js';
import { validateCitizenId } from '../validators/citizen-id.js';
import { validatePhone } from '../validators/phone.js';
import { isEmptyValue, isVisible } from './conditions.js';
import { isAddress } from './is-address.js';

/** Options of {@link validateFormData}. */
export interface FormValidationOptions {
  /** The language of the messages; Vietnamese by default. */
  readonly locale?: Locale;
  /** "Today" for `minDate`/`maxDate: 'today'`, `YYYY-MM-DD`; today in Vietnam by default. */
  readonly today?: string;
}

/** The answers of a form, checked: the clean values, or every problem found. */
export type FormValidationResult =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly errors: FieldError[]; readonly value: Record<string, unknown> };

// Deliberately loose, as in the text field: one "@", a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Checks answers against a FormDefinition — the same function in the browser and on the
 * server, so the two never disagree. Hidden fields (their `visibleWhen` is false) are neither
 * required nor kept; unknown keys are dropped. Values are normalised: numbers from numeric
 * text, phone numbers and citizen IDs to their canonical form, text trimmed.
 */
export function validateFormData(
  definition: FormDefinition,
  data: Readonly<Record<string, unknown>>,
  options: FormValidationOptions = {},
): FormValidationResult {
  const locale = options.locale ?? 'vi';
  const today = options.today ?? todayInVietnam();
  const value: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const owners = fieldOwners(definition);
  for (const section of definition.sections) {
    if (!isVisible(section.visibleWhen, data)) continue;
    for (const field of section.fields) {
      if (!isVisible(field.visibleWhen, data)) continue;
      const raw = data[field.name];
      if (isEmptyValue(raw)) {
        if (field.required)
          errors.push(
            problem(field, 'required', requiredMessage(field, owners.get(field.name)), locale),
          );
        continue;
      }
      const checked = checkField(field, raw, today);
      if ('error' in checked) errors.push(problem(field, checked.error, checked.message, locale));
      else value[field.name] = checked.value;
    }
  }
  return errors.length ? { ok: false, errors, value } : { ok: true, value };
}

type Checked = { value: unknown } | { error: string; message: LocalizedText };

function checkField(field: FieldDefinition, raw: unknown, today: string): Checked {
  const label = field.label;
  switch (field.type) {
    case 'text':
    case 'textarea':
      return typeof raw === 'string' ? checkText(field, raw.trim()) : invalid(label);
    case 'email':
      if (typeof raw !== 'string') return invalid(label);
      return EMAIL.test(raw.trim())
        ? checkText(field, raw.trim())
        : {
            error: 'format',
            message: {
              vi: 'Nhập địa chỉ email đúng dạng, ví dụ ten@example.vn.',
              en: 'Enter an email address in the correct format, like name@example.com.',
            },
          };
    case 'phone': {
      if (typeof raw !== 'string') return invalid(label);
      const result = validatePhone(raw);
      return result.ok
        ? { value: result.value.national }
        : { error: result.code, message: result.message };
    }
    case 'citizen-id': {
      if (typeof raw !== 'string') return invalid(label);
      const result = validateCitizenId(raw);
      return result.ok
        ? { value: result.value.number }
        : { error: result.code, message: result.message };
    }
    case 'number':
      return checkNumber(field, raw);
    case 'date':
      return checkDate(field, raw, today);
    case 'select':
    case 'radio':
      return typeof raw === 'string' && field.options?.some((option) => option.value === raw)
        ? { value: raw }
        : notAnOption(label);
    case 'checkbox':
      return checkCheckbox(field, raw);
    case 'address':
      return isAddress(raw)
        ? { value: pickAddress(raw as Record<string, unknown>) }
        : {
            error: 'address',
            message: {
              vi: `Chọn tỉnh/thành phố, xã/phường và nhập số nhà, đường cho ${lowerFirst(label.vi)}.`,
              en: `Choose the province, the commune and enter the street for ${lowerFirst(label.en)}.`,
            },
          };
    case 'file':
      return checkFiles(field, raw);
  }
}

function checkText(field: FieldDefinition, text: string): Checked {
  if (field.minLength !== undefined && text.length < field.minLength) {
    return {
      error: 'too_short',
      message: {
        vi: `${field.label.vi} cần ít nhất ${field.minLength} ký tự.`,
        en: `${field.label.en} must be at least ${field.minLength} characters.`,
      },
    };
  }
  if (field.maxLength !== undefined && text.length > field.maxLength) {
    return {
      error: 'too_long',
      message: {
        vi: `${field.label.vi} không được quá ${field.maxLength} ký tự.`,
        en: `${field.label.en} must be ${field.maxLength} characters or fewer.`,
      },
    };
  }
  if (field.pattern && !wholeMatch(field.pattern, text)) {
    return {
      error: 'pattern',
      message: field.patternMessage ?? {
        vi: `${field.label.vi} không đúng định dạng.`,
        en: `${field.label.en} is not in the right format.`,
      },
    };
  }
  return { value: text };
}

function checkNumber(field: FieldDefinition, raw: unknown): Checked {
  // Canonical numbers only ("1500000", "2.5"), as a number input submits them: "1.500" means
  // 1500 to a Vietnamese reader and 1.5 to a program, so grouped text is refused, not guessed.
  const number =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && NUMBER.test(raw.trim())
        ? Number(raw.trim())
        : Number.NaN;
  if (!Number.isFinite(number)) {
    return {
      error: 'number',
      message: {
        vi: `${field.label.vi} phải là một số.`,
        en: `${field.label.en} must be a number.`,
      },
    };
  }
  if (field.min !== undefined && number < field.min) {
    return {
      error: 'min',
      message: {
        vi: `${field.label.vi} phải từ ${formatNumber(field.min, 'vi')} trở lên.`,
        en: `${field.label.en} must be ${formatNumber(field.min, 'en')} or more.`,
      },
    };
  }
  if (field.max !== undefined && number > field.max) {
    return {
      error: 'max',
      message: {
        vi: `${field.label.vi} không được lớn hơn ${formatNumber(field.max, 'vi')}.`,
        en: `${field.label.en} must be ${formatNumber(field.max, 'en')} or less.`,
      },
    };
  }
  return { value: number };
}

function checkDate(field: FieldDefinition, raw: unknown, today: string): Checked {
  if (typeof raw !== 'string' || !isRealDate(raw)) {
    return {
      error: 'date',
      message: {
        vi: `${field.label.vi} phải là một ngày có thật.`,
        en: `${field.label.en} must be a real date.`,
      },
    };
  }
  const min = field.minDate === 'today' ? today : field.minDate;
  const max = field.maxDate === 'today' ? today : field.maxDate;
  if (min && raw < min) {
    return {
      error: 'min_date',
      message: {
        vi: `${field.label.vi} phải từ ngày ${formatDate(min)} trở đi.`,
        en: `${field.label.en} must be on or after ${formatDate(min)}.`,
      },
    };
  }
  if (max && raw > max) {
    return {
      error: 'max_date',
      message:
        field.maxDate === 'today'
          ? {
              vi: `${field.label.vi} không được sau ngày hôm nay.`,
              en: `${field.label.en} must be today or in the past.`,
            }
          : {
              vi: `${field.label.vi} không được sau ngày ${formatDate(max)}.`,
              en: `${field.label.en} must be on or before ${formatDate(max)}.`,
            },
    };
  }
  return { value: raw };
}

function checkCheckbox(field: FieldDefinition, raw: unknown): Checked {
  if (!field.multiple) {
    if (raw === true || raw === 'true' || raw === 'on') return { value: true };
    return invalid(field.label);
  }
  const values = Array.isArray(raw) ? raw : [raw];
  const allowed = new Set(field.options?.map((option) => option.value));
  return values.every((item) => typeof item === 'string' && allowed.has(item))
    ? { value: [...new Set(values)] }
    : notAnOption(field.label);
}

function checkFiles(field: FieldDefinition, raw: unknown): Checked {
  const ids = Array.isArray(raw) ? raw : [raw];
  if (!ids.every((id) => typeof id === 'string' && id !== '')) return invalid(field.label);
  if (field.maxFiles !== undefined && ids.length > field.maxFiles) {
    return {
      error: 'too_many_files',
      message: {
        vi: `${field.label.vi}: tải lên tối đa ${field.maxFiles} tệp.`,
        en: `${field.label.en}: upload ${field.maxFiles} files or fewer.`,
      },
    };
  }
  return { value: ids };
}

function pickAddress({ provinceCode, communeCode, street }: Record<string, unknown>) {
  return { provinceCode, communeCode, street };
}

/**
 * Whose field each field is, where its label alone does not say: for every field whose label
 * another field of the form shares ("Ngày, tháng, năm sinh" of the child, the mother and the
 * father), the title of its section ("Người mẹ"). Fields with a label of their own are absent.
 */
export function fieldOwners(definition: FormDefinition): Map<string, LocalizedText> {
  const count = new Map<string, number>();
  for (const section of definition.sections)
    for (const field of section.fields) {
      const key = bare(field.label.vi).toLocaleLowerCase('vi');
      count.set(key, (count.get(key) ?? 0) + 1);
    }
  const owners = new Map<string, LocalizedText>();
  for (const section of definition.sections)
    for (const field of section.fields)
      if ((count.get(bare(field.label.vi).toLocaleLowerCase('vi')) ?? 0) > 1)
        owners.set(field.name, section.title);
  return owners;
}

/**
 * The message for a required field left empty, as validateFormData words it: the action
 * ("Nhập", "Chọn", "Tải lên") and the label, and whose field it is when `owner` is given
 * ("Nhập ngày, tháng, năm sinh của người mẹ."). A label that is a question ("Khai thông tin
 * người cha?") is quoted as one rather than ended with a full stop after its question mark.
 */
export function requiredFieldMessage(field: FieldDefinition, owner?: LocalizedText): LocalizedText {
  const label = { vi: bare(field.label.vi), en: bare(field.label.en) };
  if (/\?\s*$/u.test(field.label.vi))
    return {
      vi: `Trả lời câu hỏi "${label.vi}?"${owner ? ` (${lowerFirst(bare(owner.vi))})` : ''}`,
      en: `Answer the question "${label.en}?"${owner ? ` (${lowerFirst(bare(owner.en))})` : ''}`,
    };
  const whose = {
    vi: owner ? ` của ${lowerFirst(bare(owner.vi))}` : '',
    en: owner ? ` (${lowerFirst(bare(owner.en))})` : '',
  };
  const vi = `${lowerFirst(label.vi)}${whose.vi}`;
  const en = `${lowerFirst(label.en)}${whose.en}`;
  switch (field.type) {
    case 'select':
    case 'radio':
    case 'checkbox':
      return field.type === 'checkbox' && !field.multiple
        ? { vi: `Đánh dấu ô "${label.vi}"${whose.vi}.`, en: `Tick "${label.en}"${whose.en}.` }
        : { vi: `Chọn ${vi}.`, en: `Select ${en}.` };
    case 'file':
      return { vi: `Tải lên ${vi}.`, en: `Upload ${en}.` };
    default:
      return { vi: `Nhập ${vi}.`, en: `Enter ${en}.` };
  }
}

const requiredMessage = requiredFieldMessage;

/** A label without the punctuation that would double a sentence's own: "Có con chung?" → "Có con chung". */
function bare(text: string): string {
  return text.trim().replace(/[\s.?:;,]+$/u, '');
}

function invalid(label: LocalizedText): Checked {
  return {
    error: 'invalid',
    message: {
      vi: `Giá trị của ${lowerFirst(label.vi)} không hợp lệ.`,
      en: `${label.en} has an invalid value.`,
    },
  };
}

function notAnOption(label: LocalizedText): Checked {
  return {
    error: 'option',
    message: {
      vi: `Chọn ${lowerFirst(label.vi)} trong danh sách.`,
      en: `Select ${lowerFirst(label.en)} from the list.`,
    },
  };
}

function problem(
  field: FieldDefinition,
  code: string,
  message: LocalizedText,
  locale: Locale,
): FieldError {
  return { path: field.name, code, message: message[locale] };
}

/** Lower-cases the first letter of a label for use mid-sentence, keeping acronyms (CCCD, VNeID). */
function lowerFirst(text: string): string {
  return /^.\p{Lu}/u.test(text) ? text : text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

function wholeMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'v').test(value);
  } catch {
    return true;
  }
}

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** dd/mm/yyyy, as Vietnamese forms write dates. */
function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB');
}

function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}
