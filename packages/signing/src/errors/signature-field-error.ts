import type { LocalizedText } from '@egov-kit/schema';

const NAME = 'SignatureFieldError';

/** Why the signature cannot go into the field that was named. */
export type SignatureFieldProblem = 'already-signed' | 'not-a-signature-field' | 'not-found';

const MESSAGES: Readonly<Record<SignatureFieldProblem, LocalizedText>> = {
  'already-signed': {
    vi: 'Ô chữ ký này trong tệp PDF đã được ký. Hãy ký vào ô khác hoặc để trống tên ô.',
    en: 'This signature field of the PDF is already signed. Sign another field, or name none.',
  },
  'not-a-signature-field': {
    vi: 'Ô được chọn trong tệp PDF không phải là ô chữ ký.',
    en: 'The field chosen in the PDF is not a signature field.',
  },
  'not-found': {
    vi: 'Tệp PDF không có ô chữ ký với tên đã chọn.',
    en: 'The PDF has no signature field of the chosen name.',
  },
};

/**
 * `fieldName` names a field the signature cannot go into: one already signed, one that is not
 * a signature field, or a qualified name (`parent.child`) no field has.
 */
export class SignatureFieldError extends Error {
  override name = NAME;
  readonly problem: SignatureFieldProblem;
  /** The field's name as given. */
  readonly fieldName: string;
  /** What a person reads. */
  readonly localizedMessage: LocalizedText;

  constructor(problem: SignatureFieldProblem, fieldName: string) {
    const localizedMessage = MESSAGES[problem];
    super(`${localizedMessage.vi} / ${localizedMessage.en} ("${fieldName}")`);
    this.problem = problem;
    this.fieldName = fieldName;
    this.localizedMessage = localizedMessage;
  }
}

/** True for a {@link SignatureFieldError}, also one from another realm or bundle copy. */
export function isSignatureFieldError(value: unknown): value is SignatureFieldError {
  return (
    value instanceof SignatureFieldError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === NAME &&
      typeof (value as { problem?: unknown }).problem === 'string')
  );
}
