import type {
  CreateDossierRequest,
  Dossier,
  DossierDocument,
  FieldDefinition,
  UpdateDossierRequest,
} from '@egov-kit/schema';
import type { Translatable } from '../base/localization.js';
import { syncMessages } from './sync.messages.js';

/**
 * What `<egov-dossier-form>` needs of an API client: the part of `@egov-kit/client`'s
 * `createClient()` that drafts, uploads and submits a dossier. Declared here, by shape, so that
 * the elements never load the client themselves — pass the page's own client, or anything that
 * answers the same way (a test double, an offline queue).
 *
 * Errors are recognised by shape too, as `@egov-kit/client` throws them: `name` is
 * `ConflictError` (or `status` 412) for an edit conflict, `NetworkError` / `TimeoutError` when
 * no answer came, and an `ApiError` carries `status` and `errors: [{ path, message }]`.
 */
export interface DossierFormClient {
  readonly dossiers: {
    /** `POST /dossiers`; the same `idempotencyKey` again returns the same draft. */
    create(
      draft: CreateDossierRequest,
      options?: { readonly idempotencyKey?: string; readonly signal?: AbortSignal },
    ): Promise<Dossier>;
    get(id: string, options?: { readonly signal?: AbortSignal }): Promise<Dossier>;
    /** `PATCH /dossiers/{id}` with If-Match; rejects with a conflict when it is stale. */
    update(
      id: string,
      changes: UpdateDossierRequest,
      options?: { readonly ifMatch?: string; readonly signal?: AbortSignal },
    ): Promise<Dossier>;
    /** `POST /dossiers/{id}/submit`; the same `idempotencyKey` again is done once. */
    submit(
      id: string,
      options?: { readonly idempotencyKey?: string; readonly ifMatch?: string },
    ): Promise<Dossier>;
    /** The newest ETag the client has seen for the dossier. */
    etag(id: string): string | undefined;
  };
  readonly attachments: {
    upload(
      dossierId: string,
      requirementCode: string,
      file: Blob,
      options?: {
        readonly onProgress?: (fraction: number) => void;
        readonly signal?: AbortSignal;
      },
    ): Promise<{ readonly id: string }>;
  };
}

/**
 * Where the form's server draft is, kept in the local draft so that a reload goes on with the
 * same dossier: its id and ETag once created, and the Idempotency-Keys of the create and of a
 * submit whose answer never came — so that neither can happen twice.
 */
export interface ServerDraftState {
  readonly createKey: string;
  readonly id?: string;
  readonly etag?: string;
  /** Answers changed on this device that the server has not got yet. */
  readonly dirty: boolean;
  readonly submitKey?: string;
}

/**
 * The server draft's state as the local draft keeps it (the `DraftController`), seen by the
 * `SyncController`: what it reads and updates, and how it makes the change stick on the device.
 */
export interface ServerDraftStore {
  /** Replaced, never mutated: a new object for every change. */
  server: ServerDraftState;
  /** Whether the local draft has been read: nothing is sent before, or it could go twice. */
  readonly loaded: boolean;
  /** Writes the local draft now; resolves once it is on the device (or could not be). */
  saveNow(): Promise<void>;
  /** Deletes the local draft: the dossier is submitted. */
  forget(): Promise<void>;
}

/** Wait after the last change before the answers go to the server draft. */
export const SYNC_DELAY = 1500;

/** How the sync with the server stands, as the form shows it. */
export type SyncStatus = 'idle' | 'saving' | 'saved' | 'offline' | 'conflict' | 'error';

type ErrorShape = {
  readonly name?: unknown;
  readonly status?: unknown;
  readonly code?: unknown;
  readonly errors?: unknown;
};

const shape = (error: unknown): ErrorShape =>
  typeof error === 'object' && error !== null ? (error as ErrorShape) : {};

/** The draft changed elsewhere since the version this device last saw (412). */
export function isConflict(error: unknown): boolean {
  const { name, status } = shape(error);
  return name === 'ConflictError' || status === 412;
}

/** No answer came: offline, a dropped connection, a timeout. The work may be retried. */
export function isOffline(error: unknown): boolean {
  const { name } = shape(error);
  // A TypeError is what a bare fetch throws when the network fails.
  return name === 'NetworkError' || name === 'TimeoutError' || error instanceof TypeError;
}

/** The draft is gone on the server (deleted, or another account's): start a new one. */
export function isGone(error: unknown): boolean {
  const { status } = shape(error);
  return status === 404 || status === 410;
}

/** The field errors of an RFC 9457 problem, as `ServerFieldError`s, when it has any. */
export function fieldErrorsOf(
  error: unknown,
): { readonly path: string; readonly message: string }[] | null {
  const { errors } = shape(error);
  if (!Array.isArray(errors) || !errors.length) return null;
  return errors.flatMap((item: unknown) => {
    const { path, message } = (item ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

/** The words a person sees for a failed save or submit that is not a conflict or a drop. */
export function failureMessage(error: unknown): Translatable {
  const { status } = shape(error);
  if (status === 401 || status === 403) return syncMessages.signInAgain;
  if (status === 409) return syncMessages.notADraft;
  if (typeof status === 'number' && status >= 500) return syncMessages.serverDown;
  return syncMessages.serverRefused(typeof status === 'number' ? String(status) : '—');
}

/**
 * The dossier's `documents` from the upload fields shown: each field tied to a required
 * document (`documentCode`) supplies the ids uploaded under it.
 */
export function documentsOf(
  fields: readonly FieldDefinition[],
  data: Record<string, unknown>,
): DossierDocument[] {
  const byCode = new Map<string, string[]>();
  for (const field of fields) {
    if (field.type !== 'file' || !field.documentCode) continue;
    const value = data[field.name];
    const ids = Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : [];
    byCode.set(field.documentCode, [...(byCode.get(field.documentCode) ?? []), ...ids]);
  }
  return [...byCode].map(([requirementCode, attachmentIds]) => ({
    requirementCode,
    attachmentIds,
  }));
}
