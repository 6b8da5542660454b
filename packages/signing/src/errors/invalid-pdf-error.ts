import type { LocalizedText } from '@egov-kit/schema';

const NAME = 'InvalidPdfError';

/**
 * The file cannot be signed or checked as a PDF: it does not parse, it is encrypted, or its
 * structure (trailer, cross-reference) is not one the signer can append a revision to.
 */
export class InvalidPdfError extends Error {
  override name = NAME;
  /** What was wrong, for a developer (English). */
  readonly reason: string;
  /** What a person reads. */
  readonly localizedMessage: LocalizedText;

  constructor(reason: string, options?: { cause?: unknown }) {
    const localizedMessage = {
      vi: 'Tệp không phải là tệp PDF hợp lệ hoặc đã được mã hoá, nên không thể ký.',
      en: 'The file is not a valid PDF, or it is encrypted, so it cannot be signed.',
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
