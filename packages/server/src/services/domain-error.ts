import type { LocalizedText } from '@egov-kit/schema';

/**
 * What went wrong, in the domain's words. The services know nothing of HTTP; the one place that
 * turns these into status codes and problem+json is `problemFromError` in `http/problem.ts`.
 */
export type DomainErrorKind =
  /** The request breaks a rule of its input (a field, an unknown document code). */
  | 'invalid'
  /** The caller may not do this, whatever the state. */
  | 'forbidden'
  /** No such thing — or one the caller may not know exists. */
  | 'not_found'
  /** Not possible in the current state (status machine, a survey answered twice). */
  | 'conflict'
  /** The caller changes a version that is no longer the current one. */
  | 'stale'
  /** Too large a file, or over a limit of a dossier or a citizen. */
  | 'too_large'
  /** A file whose content is not of an accepted type. */
  | 'unsupported_type'
  /** The dossier lacks what it needs to go on (answers, documents). */
  | 'incomplete';

/** An error about one field of the request, before its message is put in a language. */
export interface DomainFieldError {
  readonly path: string;
  readonly code: string;
  readonly message: LocalizedText | string;
}

/** A refusal by a service, with a message a person reads in Vietnamese and English. */
export class DomainError extends Error {
  override name = 'DomainError';
  readonly kind: DomainErrorKind;
  readonly detail: LocalizedText | undefined;
  readonly errors: readonly DomainFieldError[] | undefined;
  /** A more specific code for programs than the kind, e.g. `wrong_status`. */
  readonly subcode: string | undefined;
  /** For `stale`: the current version's ETag, so that the caller can reload it. */
  readonly currentVersion: string | undefined;

  constructor(
    kind: DomainErrorKind,
    detail?: LocalizedText,
    options: {
      errors?: readonly DomainFieldError[];
      subcode?: string;
      currentVersion?: string;
    } = {},
  ) {
    super(detail?.en ?? kind);
    this.kind = kind;
    this.detail = detail;
    this.errors = options.errors;
    this.subcode = options.subcode;
    this.currentVersion = options.currentVersion;
  }
}

/** Whether `error` is a DomainError, also across realms and bundled copies. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError || (error instanceof Error && error.name === 'DomainError');
}
