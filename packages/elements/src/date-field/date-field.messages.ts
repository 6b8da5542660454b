import type { LocalizedText } from '@egov-kit/schema';
import { defineMessages } from '../base/localization.js';
import { lowerFirst } from '../internal/lower-first.js';

export const dateMessages = /* @__PURE__ */ defineMessages('date-field', {
  day: { vi: 'Ngày', en: 'Day' },
  month: { vi: 'Tháng', en: 'Month' },
  year: { vi: 'Năm', en: 'Year' },
  example: { vi: 'Ví dụ: 27 3 1990', en: 'For example, 27 3 1990' },
  incomplete: (label: string): LocalizedText => ({
    vi: `${label} phải có đủ ngày, tháng và năm.`,
    en: `${label} must include a day, a month and a year.`,
  }),
  yearDigits: (label: string): LocalizedText => ({
    vi: `Năm của ${lowerFirst(label)} phải có 4 chữ số.`,
    en: `The year of ${lowerFirst(label)} must have 4 digits.`,
  }),
  // From here on validateFormData's wording.
  notReal: (label: string): LocalizedText => ({
    vi: `${label} phải là một ngày có thật.`,
    en: `${label} must be a real date.`,
  }),
  notBefore: (label: string, date: string): LocalizedText => ({
    vi: `${label} phải từ ngày ${date} trở đi.`,
    en: `${label} must be on or after ${date}.`,
  }),
  notAfter: (label: string, date: string): LocalizedText => ({
    vi: `${label} không được sau ngày ${date}.`,
    en: `${label} must be on or before ${date}.`,
  }),
  notAfterToday: (label: string): LocalizedText => ({
    vi: `${label} không được sau ngày hôm nay.`,
    en: `${label} must be today or in the past.`,
  }),
});
