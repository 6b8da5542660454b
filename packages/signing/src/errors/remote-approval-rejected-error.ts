import type { LocalizedText } from '@egov-kit/schema';

const NAME = 'RemoteApprovalRejectedError';

/** The person declined the signature request on their phone (remote signing). */
export class RemoteApprovalRejectedError extends Error {
  override name = NAME;
  /** The service's identifier of the declined request (CSC `responseID`). */
  readonly responseId: string;
  /** What a person reads. */
  readonly localizedMessage: LocalizedText;

  constructor(responseId: string) {
    const localizedMessage = {
      vi: 'Yêu cầu ký đã bị từ chối trên điện thoại.',
      en: 'The signature request was declined on the phone.',
    };
    super(`${localizedMessage.vi} / ${localizedMessage.en}`);
    this.responseId = responseId;
    this.localizedMessage = localizedMessage;
  }
}

/** True for a {@link RemoteApprovalRejectedError}, also one from another realm or bundle copy. */
export function isRemoteApprovalRejectedError(
  value: unknown,
): value is RemoteApprovalRejectedError {
  return (
    value instanceof RemoteApprovalRejectedError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === NAME &&
      typeof (value as { responseId?: unknown }).responseId === 'string' &&
      !('timeoutMs' in value))
  );
}
