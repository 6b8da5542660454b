import type { LocalizedText } from '@egov-kit/schema';

const NAME = 'EncryptedPdfError';

/**
 * The PDF is encrypted (it has an `/Encrypt` dictionary, with or without an open password).
 * Signing it would need its decryption key, and a signature appended without it would not be
 * readable; ask for the document without protection. Distinct from {@link InvalidPdfError}:
 * the file itself is fine.
 */
export class EncryptedPdfError extends Error {
  override name = NAME;
  /** What a person reads. */
  readonly localizedMessage: LocalizedText;

  constructor() {
    const localizedMessage = {
      vi: 'Tệp PDF đã được mã hoá (đặt mật khẩu hoặc giới hạn quyền) nên không thể ký. Hãy dùng bản không mã hoá.',
      en: 'The PDF is encrypted (password or permission protection), so it cannot be signed. Use an unencrypted copy.',
    };
    super(`${localizedMessage.vi} / ${localizedMessage.en}`);
    this.localizedMessage = localizedMessage;
  }
}

/** True for an {@link EncryptedPdfError}, also one from another realm or bundle copy. */
export function isEncryptedPdfError(value: unknown): value is EncryptedPdfError {
  return (
    value instanceof EncryptedPdfError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === NAME &&
      typeof (value as { localizedMessage?: unknown }).localizedMessage === 'object')
  );
}
