import type { FieldError, Problem } from '@egov-kit/schema';
import { brand, isKind } from '../internal/brand.js';

/** What an {@link ApiError} is made of. */
export interface ApiErrorInit {
  readonly status: number;
  /** The problem+json body, when the answer had one. */
  readonly problem?: Problem | undefined;
  /** Used as title and message when there is no problem body. */
  readonly fallbackMessage: string;
  /** The contract's `operationId`, e.g. `submitDossier`. */
  readonly operation: string;
  readonly retryAfter?: number | undefined;
  readonly headers?: Headers | undefined;
}

/**
 * The server refused a request: an HTTP error answered as `application/problem+json`
 * (RFC 9457). `message`, `title`, `detail` and the field errors are in the language the client
 * asked for (`locale`).
 *
 * ```ts
 * catch (error) {
 *   if (isApiError(error) && error.status === 422) showErrors(error.fieldErrors);
 * }
 * ```
 */
export class ApiError extends Error {
  override readonly name: string = 'ApiError';
  /** The HTTP status. */
  readonly status: number;
  /** A URI naming the kind of problem, e.g. `urn:egov-kit:problem:wrong_status`. */
  readonly type: string;
  /** A stable code for programs, e.g. `validation`, `wrong_status`, `precondition_failed`. */
  readonly code: string;
  /** A short summary of the kind of problem. */
  readonly title: string;
  /** What happened this time. */
  readonly detail: string | undefined;
  /** Every field error as sent: `{ path, code, message }`. */
  readonly errors: readonly FieldError[];
  /**
   * The field errors as a map from field path (`formData.fullName`, `applicant.phone`,
   * `documents.doc-1`) to its message — the first one when a field has several.
   */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** Seconds to wait before trying again, from `Retry-After` (429, 503). */
  readonly retryAfter: number | undefined;
  /** The contract's operation that failed, e.g. `submitDossier`. */
  readonly operation: string;
  /** The problem body as received, when there was one. */
  readonly problem: Problem | undefined;
  /** The answer's headers. */
  readonly headers: Headers;

  constructor(init: ApiErrorInit) {
    const problem = init.problem;
    super(problem?.detail ?? problem?.title ?? init.fallbackMessage);
    brand(this, 'ApiError');
    this.status = init.status;
    this.type = problem?.type ?? 'about:blank';
    this.code = problem?.code ?? codeOf(this.type, init.status);
    this.title = problem?.title ?? init.fallbackMessage;
    this.detail = problem?.detail;
    this.errors = problem?.errors ?? [];
    const fieldErrors: Record<string, string> = {};
    for (const error of this.errors) fieldErrors[error.path] ??= error.message;
    this.fieldErrors = fieldErrors;
    this.retryAfter = init.retryAfter;
    this.operation = init.operation;
    this.problem = problem;
    this.headers = init.headers ?? new Headers();
  }

  /**
   * True for a 412: the resource changed since the version this request named (If-Match).
   * Such errors are {@link ConflictError}s, which carry the current ETag.
   */
  get isConflict(): boolean {
    return this.status === 412;
  }
}

/** `urn:egov-kit:problem:not_found` → `not_found`; `about:blank` → `http_404`. */
function codeOf(type: string, status: number): string {
  const last = /[:/]([\w-]+)$/.exec(type)?.[1];
  return type === 'about:blank' || !last ? `http_${status}` : last;
}

/** Whether `error` is an {@link ApiError} (a {@link ConflictError} too), from any realm. */
export function isApiError(error: unknown): error is ApiError {
  return isKind(error, 'ApiError');
}
