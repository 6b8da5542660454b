import { brand, isKind } from '../internal/brand.js';
import { ApiError, type ApiErrorInit } from './api-error.js';

/**
 * An edit conflict (412 Precondition Failed): the dossier changed — in another tab, on another
 * device — since the version this change was based on, so the server refused to overwrite it.
 * Nothing was changed. Reload (`dossiers.get`), show the person what differs, and apply the
 * change again; or, to overwrite on purpose, repeat it with `ifMatch: error.currentEtag`.
 *
 * The client never retries a conflict and does not adopt `currentEtag` by itself: that would
 * be exactly the lost update If-Match exists to prevent.
 */
export class ConflictError extends ApiError {
  override readonly name: string = 'ConflictError';
  /** The ETag of the version the server has now, when it said. */
  readonly currentEtag: string | undefined;
  /** The id of the resource (dossier) that changed. */
  readonly resourceId: string | undefined;

  constructor(init: ApiErrorInit & { readonly resourceId?: string | undefined }) {
    super(init);
    brand(this, 'ConflictError');
    this.currentEtag = init.headers?.get('etag') ?? undefined;
    this.resourceId = init.resourceId;
  }
}

/** Whether `error` is a {@link ConflictError}, from any realm. */
export function isConflictError(error: unknown): error is ConflictError {
  return isKind(error, 'ConflictError');
}
