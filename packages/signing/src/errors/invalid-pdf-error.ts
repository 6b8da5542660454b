import type { LocalizedText } from '@egov-kit/schema';

const NAME = 'InvalidPdfError';

/**
 * The file cannot be signed or checked as a PDF: it does not parse, or its structure (trailer,
 * cross-reference) is too broken to append a revision to. Small faults other tools accept (a
 * `startxref` a few bytes off, a damaged last cross-reference section) are repaired, not
 * refused. An encrypted PDF is an `EncryptedPdfError` instead.
 */
export class InvalidPdfError extends Error {
  override name = NAME;
  /** What was wrong, for a developer (English). */
  readonly reason: string;
  /** What a person reads. */
  readonly localizedMessage: LocalizedText;

  constructor(reason: string, options?: { cause?: unknown }) {
    const localizedMessage = {
      vi: 'Tệp không phải là tệp PDF hợp lệ (hoặc bị hỏng), nên không thể ký hay kiểm tra chữ ký.',
      en: 'The file is not a valid PDF (or it is damaged), so it cannot be signed or checked.',
    };
    super(`${localizedMessage.vi} / ${localizedMessage.en} (${reason})`, options);
    this.reason = reason;
    this.localizedMessage = localizedMessage;
  }
}

/** True for an {@link InvalidPdfError}, also one from another realm or bundle copy. */
export function isInvalidPdfError(value: unknown): value is InvalidPdfError {
  return (
    value instanceof InvalidPdfError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === NAME &&
      typeof (value as { reason?: unknown }).reason === 'string')
  );
}
