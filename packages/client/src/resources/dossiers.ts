import type {
  CreateDossierRequest,
  Dossier,
  DossierEvent,
  DossierStatus,
  LookupQuery,
  LookupResult,
  Page,
  SupplementRequest,
  UpdateDossierRequest,
  WithdrawRequest,
} from '@egov-kit/schema';
import type { Core, Result } from '../internal/core.js';
import { newIdempotencyKey } from '../internal/idempotency-key.js';
import { lazy } from '../internal/lazy.js';
import { OPERATIONS } from '../internal/operations.js';
import { paginate } from '../internal/paginate.js';
import type { ConditionalRequestOptions, KeyedRequestOptions, RequestOptions } from '../options.js';

const schemas = lazy(() => import('../validators/dossiers.js'));

/** Filters and page of a dossier list. */
export interface DossierListQuery {
  readonly status?: DossierStatus;
  /** From `nextCursor` of the previous page. */
  readonly cursor?: string;
  /** Page size, 1–100; 20 by default. */
  readonly limit?: number;
}

/** A dossier's events, oldest first. */
export interface EventList {
  items: DossierEvent[];
}

/**
 * The signed-in citizen's dossiers (hồ sơ): drafts, submission, withdrawal, supplements, and
 * the public lookup by receipt.
 *
 * Creating calls (`create`, `submit`, `withdraw`, `supplement`, and `delete`) carry an Idempotency-Key, made
 * once per call and repeated on every retry: a submit retried after a lost answer is done
 * once. Changes to a draft (`update`, `submit`) carry If-Match with the newest ETag this client
 * has seen for the dossier; a change made elsewhere in between rejects them with a
 * {@link ConflictError} rather than being overwritten.
 */
export interface DossiersResource {
  /** Creates a draft (`POST /dossiers`); answers, applicant and channel may come later. */
  create(draft: CreateDossierRequest, options?: KeyedRequestOptions): Promise<Dossier>;
  /** A dossier of the signed-in user (citizen: theirs; officer: their agency's). */
  get(id: string, options?: RequestOptions): Promise<Dossier>;
  /** Changes a draft: applicant, answers (`formData`), documents. Sent once, never retried. */
  update(
    id: string,
    changes: UpdateDossierRequest,
    options?: ConditionalRequestOptions,
  ): Promise<Dossier>;
  /**
   * Deletes a draft (`DELETE /dossiers/{id}`) with its attachments, with If-Match as `update`.
   * Carries an Idempotency-Key, so a retry after a lost answer succeeds rather than meeting 404.
   * A submitted dossier is not deleted (409 `not_a_draft`): it is withdrawn.
   */
  delete(id: string, options?: KeyedRequestOptions & ConditionalRequestOptions): Promise<void>;
  /** One page of the citizen's dossiers, newest first. */
  list(query?: DossierListQuery, options?: RequestOptions): Promise<Page<Dossier>>;
  /** Every dossier of the citizen matching `query`, page after page. */
  all(
    query?: Omit<DossierListQuery, 'cursor'>,
    options?: RequestOptions,
  ): AsyncGenerator<Dossier, void, undefined>;
  /**
   * Submits a draft. The server checks the answers and documents: a 422 {@link ApiError}
   * lists every problem in `fieldErrors` (`formData.fullName`, `documents.doc-1`, `applicant`).
   */
  submit(id: string, options?: KeyedRequestOptions & ConditionalRequestOptions): Promise<Dossier>;
  /** Withdraws a submitted dossier (rút hồ sơ), with the reason. */
  withdraw(id: string, request: WithdrawRequest, options?: KeyedRequestOptions): Promise<Dossier>;
  /** Supplies the documents the agency asked for (bổ sung hồ sơ). */
  supplement(
    id: string,
    request: SupplementRequest,
    options?: KeyedRequestOptions,
  ): Promise<Dossier>;
  /** The dossier's history, oldest first. */
  events(id: string, options?: RequestOptions): Promise<EventList>;
  /** Anyone holding the receipt: status and dates by dossier code and verifier, no personal data. */
  lookup(query: LookupQuery, options?: RequestOptions): Promise<LookupResult>;
  /** The newest ETag this client has seen for the dossier (what `update` and `submit` send). */
  etag(id: string): string | undefined;
}

/** Remembers the ETag (and version) an answer carried for its dossier, and returns the dossier. */
export function tracked(core: Core, { data, response }: Result<Dossier>): Dossier {
  if (typeof data?.id === 'string' && typeof data.version === 'number') {
    core.etags.remember(data.id, response.headers.get('etag'), data.version);
  }
  return data;
}

/** The dossiers resource on a client's request core. */
export function dossiers(core: Core): DossiersResource {
  const dossier = async () => (await schemas()).Dossier;
  const list: DossiersResource['list'] = async (query, options) =>
    (
      await core.send({
        op: OPERATIONS.listMyDossiers,
        query,
        options,
        schema: async () => (await schemas()).DossierPage,
      })
    ).data;
  return {
    create: async (draft, options) =>
      tracked(
        core,
        await core.send({
          op: OPERATIONS.createDossier,
          json: draft,
          options,
          idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
          schema: dossier,
        }),
      ),
    get: async (id, options) =>
      tracked(
        core,
        await core.send({ op: OPERATIONS.getDossier, params: { id }, options, schema: dossier }),
      ),
    update: async (id, changes, options) =>
      tracked(
        core,
        await core.send({
          op: OPERATIONS.updateDossier,
          params: { id },
          json: changes,
          options,
          ifMatch: options?.ifMatch ?? core.etags.get(id),
          schema: dossier,
        }),
      ),
    delete: async (id, options) => {
      await core.send({
        op: OPERATIONS.deleteDossier,
        params: { id },
        options,
        idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
        ifMatch: options?.ifMatch ?? core.etags.get(id),
      });
      core.etags.forget(id);
    },
    list,
    all: (query, options) => paginate((cursor) => list({ ...query, cursor }, options)),
    submit: async (id, options) =>
      tracked(
        core,
        await core.send({
          op: OPERATIONS.submitDossier,
          params: { id },
          options,
          idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
          ifMatch: options?.ifMatch ?? core.etags.get(id),
          schema: dossier,
        }),
      ),
    withdraw: async (id, request, options) =>
      tracked(
        core,
        await core.send({
          op: OPERATIONS.withdrawDossier,
          params: { id },
          json: request,
          options,
          idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
          schema: dossier,
        }),
      ),
    supplement: async (id, request, options) =>
      tracked(
        core,
        await core.send({
          op: OPERATIONS.supplementDossier,
          params: { id },
          json: request,
          options,
          idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
          schema: dossier,
        }),
      ),
    events: async (id, options) =>
      (
        await core.send({
          op: OPERATIONS.listDossierEvents,
          params: { id },
          options,
          schema: async () => (await schemas()).EventList,
        })
      ).data,
    lookup: async (query, options) =>
      (
        await core.send({
          op: OPERATIONS.lookupDossier,
          query,
          options,
          schema: async () => (await schemas()).LookupResult,
        })
      ).data,
    etag: (id) => core.etags.get(id),
  };
}
