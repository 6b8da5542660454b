import type { LocalizedText } from '@egov-kit/schema';

const NAME = 'SignatureTooLargeError';

/**
 * The CMS signature came out larger than the room reserved for it in the PDF. Sign again with
 * a larger `placeholderSize` (a signer whose certificate chain is unusually long needs one).
 */
export class SignatureTooLargeError extends Error {
  override name = NAME;
  /** Size of the signature, in bytes. */
  readonly size: number;
  /** Room that was reserved, in bytes. */
  readonly reserved: number;
  /** What a person reads. */
  readonly localizedMessage: LocalizedText;

  constructor(size: number, reserved: number) {
    const localizedMessage = {
      vi: `Chữ ký (${size} byte) lớn hơn chỗ dành sẵn trong tệp PDF (${reserved} byte).`,
      en: `The signature (${size} bytes) is larger than the room reserved in the PDF (${reserved} bytes).`,
    };
    super(`${localizedMessage.vi} / ${localizedMessage.en}`);
    this.size = size;
    this.reserved = reserved;
    this.localizedMessage = localizedMessage;
  }
}

/** True for a {@link SignatureTooLargeError}, also one from another realm or bundle copy. */
export function isSignatureTooLargeError(value: unknown): value is SignatureTooLargeError {
  return (
    value instanceof SignatureTooLargeError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === NAME &&
      typeof (value as { reserved?: unknown }).reserved === 'number')
  );
}
