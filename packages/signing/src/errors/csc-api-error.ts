import type { LocalizedText } from '@egov-kit/schema';

const NAME = 'CscApiError';

/**
 * The remote signing service refused a request (CSC API v2 error body `{ error,
 * error_description }`, or an HTTP failure without one). `error` is the service's code, such
 * as `invalid_request`, `invalid_token` or `access_denied`.
 */
export class CscApiError extends Error {
  override name = NAME;
  /** The endpoint that failed, e.g. `signatures/signHash`. */
  readonly endpoint: string;
  /** HTTP status of the answer. */
  readonly status: number;
  /** The service's error code, or `http_<status>` when it sent none. */
  readonly error: string;
  /** The service's own explanation, when it gave one. */
  readonly errorDescription: string | undefined;
  /** What a person reads. */
  readonly localizedMessage: LocalizedText;

  constructor(endpoint: string, status: number, error: string, errorDescription?: string) {
    const localizedMessage = {
      vi: `Dịch vụ ký số từ xa từ chối yêu cầu ${endpoint} (${error}).`,
      en: `The remote signing service refused ${endpoint} (${error}).`,
    };
    super(
      `${localizedMessage.vi} / ${localizedMessage.en}${errorDescription ? ` ${errorDescription}` : ''}`,
    );
    this.endpoint = endpoint;
    this.status = status;
    this.error = error;
    this.errorDescription = errorDescription;
    this.localizedMessage = localizedMessage;
  }
}

/** True for a {@link CscApiError}, also one from another realm or bundle copy. */
export function isCscApiError(value: unknown): value is CscApiError {
  return (
    value instanceof CscApiError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === NAME &&
      typeof (value as { endpoint?: unknown }).endpoint === 'string')
  );
}
