import type { Locale, LocalizedText } from '@egov-kit/schema';
import { brand, isKind } from '../internal/brand.js';
import { MESSAGES } from '../internal/messages.js';

/**
 * No answer came within `timeout` milliseconds (on the last attempt; requests that may be
 * repeated safely were retried first). As with a {@link NetworkError}, a creating request may
 * have been done: repeat it with the same `idempotencyKey`.
 */
export class TimeoutError extends Error {
  override readonly name: string = 'TimeoutError';
  /** The message in Vietnamese and English; `message` is the one in the client's locale. */
  readonly localizedMessage: LocalizedText = MESSAGES.timeout;
  /** The contract's operation that failed. */
  readonly operation: string;
  /** The time limit of one attempt, in milliseconds. */
  readonly timeout: number;

  constructor(init: { operation: string; locale: Locale; timeout: number; cause?: unknown }) {
    super(MESSAGES.timeout[init.locale], { cause: init.cause });
    brand(this, 'TimeoutError');
    this.operation = init.operation;
    this.timeout = init.timeout;
  }
}

/** Whether `error` is a {@link TimeoutError}, from any realm. */
export function isTimeoutError(error: unknown): error is TimeoutError {
  return isKind(error, 'TimeoutError');
}
