import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';
import { lowerFirst } from './lower-first.js';

/**
 * The words every form control shares, for the checks a browser would otherwise phrase in its
 * UI language (ids `form-control.*`). Domain rules (citizen ID, phone) bring their messages from
 * `@egov-kit/schema`. Where `validateFormData` checks the same thing, the wording is the same,
 * so that a person sees one message whether the browser or the server found the problem.
 *
 * A component's own words live beside it (`<component>/<component>.messages.ts`), so that a
 * page that registers one element does not ship every other element's words.
 */
export const messages = /* @__PURE__ */ defineMessages('form-control', {
  errorPrefix: { vi: 'Lỗi:', en: 'Error:' },
  required: { vi: 'Trường này là bắt buộc.', en: 'This field is required.' },
  requiredNamed: (label: string): LocalizedText => ({
    vi: `Nhập ${lowerFirst(label)}.`,
    en: `Enter ${lowerFirst(label)}.`,
  }),
});

// The words only some controls use are groups of their own (the same `form-control.*` ids), so
// that a bundler leaves out of a control's first load the groups it does not import.

/** The choice controls' words: select, radio and checkbox groups, the address's lists. */
export const choiceMessages = /* @__PURE__ */ defineMessages('form-control', {
  chooseNamed: (label: string): LocalizedText => ({
    vi: `Chọn ${lowerFirst(label)}.`,
    en: `Select ${lowerFirst(label)}.`,
  }),
  choose: { vi: '— Chọn —', en: '— Select —' },
});

/** The typed-text controls' words: text field and textarea. */
export const textMessages = /* @__PURE__ */ defineMessages('form-control', {
  email: {
    vi: 'Nhập địa chỉ email đúng dạng, ví dụ ten@example.vn.',
    en: 'Enter an email address in the correct format, like name@example.com.',
  },
  tooShort: (min: number): LocalizedText => ({
    vi: `Nhập ít nhất ${min} ký tự.`,
    en: `Enter at least ${min} characters.`,
  }),
  tooLong: (max: number): LocalizedText => ({
    vi: `Nhập tối đa ${max} ký tự.`,
    en: `Enter ${max} characters or fewer.`,
  }),
  pattern: { vi: 'Giá trị không đúng định dạng.', en: 'Enter a value in the correct format.' },
  // The number messages are validateFormData's, with the label leading the sentence.
  notNumber: (label: string): LocalizedText => ({
    vi: `${label} phải là một số.`,
    en: `${label} must be a number.`,
  }),
  rangeUnderflow: (label: string, min: number): LocalizedText => ({
    vi: `${label} phải từ ${min.toLocaleString('vi-VN')} trở lên.`,
    en: `${label} must be ${min.toLocaleString('en-GB')} or more.`,
  }),
  rangeOverflow: (label: string, max: number): LocalizedText => ({
    vi: `${label} không được lớn hơn ${max.toLocaleString('vi-VN')}.`,
    en: `${label} must be ${max.toLocaleString('en-GB')} or less.`,
  }),
});
