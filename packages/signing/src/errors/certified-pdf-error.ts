import type { LocalizedText } from '@egov-kit/schema';

const NAME = 'CertifiedPdfError';

/**
 * The PDF carries a certifying signature whose DocMDP permissions (ISO 32000-1 §12.8.2.2)
 * forbid what was asked: with `P = 1` no change at all (not even another signature), and a
 * document can be certified only once, before any other signature.
 */
export class CertifiedPdfError extends Error {
  override name = NAME;
  /** The certification's `/P` (1, 2 or 3). */
  readonly permission: number;
  /** What a person reads. */
  readonly localizedMessage: LocalizedText;

  constructor(permission: number, reason: 'locked' | 'already-signed') {
    const localizedMessage =
      reason === 'locked'
        ? {
            vi: 'Tệp PDF đã được chứng thực và không cho phép thay đổi nào, kể cả ký thêm.',
            en: 'The PDF is certified and its certification allows no change, not even another signature.',
          }
        : {
            vi: 'Chỉ chứng thực được tệp PDF chưa có chữ ký nào; tệp này đã có chữ ký hoặc đã được chứng thực.',
            en: 'Only a PDF without signatures can be certified; this one is already signed or certified.',
          };
    super(`${localizedMessage.vi} / ${localizedMessage.en}`);
    this.permission = permission;
    this.localizedMessage = localizedMessage;
  }
}

/** True for a {@link CertifiedPdfError}, also one from another realm or bundle copy. */
export function isCertifiedPdfError(value: unknown): value is CertifiedPdfError {
  return (
    value instanceof CertifiedPdfError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === NAME &&
      typeof (value as { permission?: unknown }).permission === 'number')
  );
}
