import type { Locale, LocalizedText } from '@egov-kit/schema';
import type * as z from 'zod/mini';
import { brand, isKind } from '../internal/brand.js';
import { MESSAGES } from '../internal/messages.js';

/**
 * A successful answer did not match the contract's schema (or was not JSON): the server, or
 * something between, does not speak the version of the contract this client was built for.
 * Not an HTTP error — the request itself succeeded, and may have changed something. `issues`
 * are zod's, with the path of each mismatch.
 *
 * Switch validation off with `createClient({ validate: false })` to take answers as they come.
 */
export class ResponseValidationError extends Error {
  override readonly name: string = 'ResponseValidationError';
  /** The message in Vietnamese and English; `message` is the one in the client's locale. */
  readonly localizedMessage: LocalizedText = MESSAGES.invalidResponse;
  /** zod's issues: what did not match, and where. */
  readonly issues: readonly z.core.$ZodIssue[];
  /** The contract's operation whose answer did not match. */
  readonly operation: string;
  /** The HTTP status of the answer. */
  readonly status: number;

  constructor(init: {
    operation: string;
    status: number;
    locale: Locale;
    issues: readonly z.core.$ZodIssue[];
  }) {
    super(MESSAGES.invalidResponse[init.locale]);
    brand(this, 'ResponseValidationError');
    this.issues = init.issues;
    this.operation = init.operation;
    this.status = init.status;
  }
}

/** Whether `error` is a {@link ResponseValidationError}, from any realm. */
export function isResponseValidationError(error: unknown): error is ResponseValidationError {
  return isKind(error, 'ResponseValidationError');
}
