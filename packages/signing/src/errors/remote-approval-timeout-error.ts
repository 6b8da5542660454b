import type { LocalizedText } from '@egov-kit/schema';

const NAME = 'RemoteApprovalTimeoutError';

/**
 * The person did not approve the signature on their phone in time (remote signing in
 * asynchronous mode). Nothing was signed; asking again is safe.
 */
export class RemoteApprovalTimeoutError extends Error {
  override name = NAME;
  /** How long the signer waited, in milliseconds. */
  readonly timeoutMs: number;
  /** The service's identifier of the pending request (CSC `responseID`). */
  readonly responseId: string;
  /** What a person reads. */
  readonly localizedMessage: LocalizedText;

  constructor(timeoutMs: number, responseId: string) {
    const seconds = Math.round(timeoutMs / 1000);
    const localizedMessage = {
      vi: `Hết thời gian chờ xác nhận ký trên điện thoại (${seconds} giây). Vui lòng thử lại.`,
      en: `The signature was not approved on the phone in time (${seconds} s). Please try again.`,
    };
    super(`${localizedMessage.vi} / ${localizedMessage.en}`);
    this.timeoutMs = timeoutMs;
    this.responseId = responseId;
    this.localizedMessage = localizedMessage;
  }
}

/** True for a {@link RemoteApprovalTimeoutError}, also one from another realm or bundle copy. */
export function isRemoteApprovalTimeoutError(value: unknown): value is RemoteApprovalTimeoutError {
  return (
    value instanceof RemoteApprovalTimeoutError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === NAME &&
      typeof (value as { timeoutMs?: unknown }).timeoutMs === 'number')
  );
}
