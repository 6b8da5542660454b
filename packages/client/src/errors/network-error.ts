import type { Locale, LocalizedText } from '@egov-kit/schema';
import { brand, isKind } from '../internal/brand.js';
import { MESSAGES } from '../internal/messages.js';

/**
 * The server could not be reached, or the connection broke before an answer came (offline, DNS,
 * a reset, a CORS refusal). Requests that may be repeated safely were retried first.
 *
 * For a creating request (`dossiers.create`, `submit`, `upload`…) the server may or may not
 * have done the work: repeat the same call with the same `idempotencyKey` and it is done once.
 */
export class NetworkError extends Error {
  override readonly name: string = 'NetworkError';
  /** The message in Vietnamese and English; `message` is the one in the client's locale. */
  readonly localizedMessage: LocalizedText = MESSAGES.network;
  /** The contract's operation that failed. */
  readonly operation: string;

  constructor(init: { operation: string; locale: Locale; cause?: unknown }) {
    super(MESSAGES.network[init.locale], { cause: init.cause });
    brand(this, 'NetworkError');
    this.operation = init.operation;
  }
}

/** Whether `error` is a {@link NetworkError}, from any realm. */
export function isNetworkError(error: unknown): error is NetworkError {
  return isKind(error, 'NetworkError');
}
