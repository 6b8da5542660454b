import type { LocalizedText } from '@egov-kit/schema';

const NAME = 'SignatureValueError';

/**
 * The signature value a signer returned does not verify with the public key of the certificate
 * it described: a remote service signed with another key, answered for another request, or
 * returned garbage. Nothing is embedded; a signature that could never verify is not written.
 */
export class SignatureValueError extends Error {
  override name = NAME;
  /** What was wrong, for a developer (English). */
  readonly reason: string;
  /** What a person reads. */
  readonly localizedMessage: LocalizedText;

  constructor(reason: string, options?: { cause?: unknown }) {
    const localizedMessage = {
      vi: 'Giá trị chữ ký do dịch vụ ký trả về không khớp với chứng thư số của người ký, nên không được dùng.',
      en: "The signature value the signing service returned does not match the signer's certificate, so it was not used.",
    };
    super(`${localizedMessage.vi} / ${localizedMessage.en} (${reason})`, options);
    this.reason = reason;
    this.localizedMessage = localizedMessage;
  }
}

/** True for a {@link SignatureValueError}, also one from another realm or bundle copy. */
export function isSignatureValueError(value: unknown): value is SignatureValueError {
  return (
    value instanceof SignatureValueError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === NAME &&
      typeof (value as { reason?: unknown }).reason === 'string' &&
      typeof (value as { localizedMessage?: unknown }).localizedMessage === 'object')
  );
}
