import type { ProcessingTime } from '@egov-kit/schema';
import { intlLocale, translate } from '../base/localization.js';
import { detailMessages, UNIT_NAMES } from './procedure-detail.messages.js';

/** "15 ngày làm việc", "5–7 working days", "Trong ngày". */
export function formatProcessingTime(time: ProcessingTime, locale: string): string {
  const upper = time.maxValue ?? time.value;
  if (upper === 0) return translate(detailMessages.sameDay, locale);
  const count =
    time.maxValue !== undefined && time.maxValue !== time.value
      ? `${time.value}–${time.maxValue}`
      : `${time.value}`;
  return `${count} ${translate(UNIT_NAMES[time.unit](upper), locale)}`;
}

const money = new Map<string, Intl.NumberFormat>();

/** An amount of Vietnamese đồng as the reader writes money: "50.000 ₫", "₫50,000". */
export function formatVnd(amount: number, locale: string): string {
  let format = money.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), {
      style: 'currency',
      currency: 'VND',
      maximumFractionDigits: 0,
    });
    money.set(locale, format);
  }
  return format.format(amount);
}

/**
 * Whether a published fee text says nothing is charged: empty, or only zero amounts
 * ("Phí : 0 Đồng", "Lệ phí : 0 đồng"), as the national database writes a free procedure.
 */
export function isFreeText(text: string | undefined): boolean {
  if (!text?.trim()) return true;
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .every((line) => /^\s*(?:lệ\s*phí|phí)?\s*:?\s*0\s*(?:đồng|vnđ|vnd|đ)?\s*$/iu.test(line));
}
