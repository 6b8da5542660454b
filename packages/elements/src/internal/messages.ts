import type { LocalizedText } from '@egov-kit/schema';

/**
 * The elements' own words, for the checks a browser would otherwise phrase in its UI language.
 * Domain rules (citizen ID, phone, tax code) bring their messages from `@egov-kit/schema`.
 */
export const messages = {
  errorPrefix: { vi: 'Lỗi:', en: 'Error:' },
  required: { vi: 'Trường này là bắt buộc.', en: 'This field is required.' },
  requiredNamed: (label: string): LocalizedText => ({
    vi: `Nhập ${lowerFirst(label)}.`,
    en: `Enter ${lowerFirst(label)}.`,
  }),
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
} as const;

function lowerFirst(text: string): string {
  // Keep acronyms such as "CCCD" or "Email" intact only when the second letter is upper case.
  return /^.\p{Lu}/u.test(text) ? text : text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}
