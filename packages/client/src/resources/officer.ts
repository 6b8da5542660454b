import type {
  ACTIONS,
  Dossier,
  DossierOutcome,
  DossierStatus,
  Fee,
  OfficerAction,
  OfficerActionRequest,
  Page,
} from '@egov-kit/schema';
import type { Core } from '../internal/core.js';
import { newIdempotencyKey } from '../internal/idempotency-key.js';
import { lazy } from '../internal/lazy.js';
import { OPERATIONS } from '../internal/operations.js';
import { paginate } from '../internal/paginate.js';
import type { KeyedRequestOptions, RequestOptions } from '../options.js';
import { tracked } from './dossiers.js';

const schemas = lazy(() => import('../validators/dossiers.js'));

/** The actions whose rule in the status machine needs a note for the applicant. */
type NoteRequired = {
  [A in OfficerAction]: (typeof ACTIONS)[A] extends { readonly requiresNote: true } ? A : never;
}[OfficerAction];

/** `note` is required for the actions the status machine says need one, optional otherwise. */
type WithNote<A extends OfficerAction> = A extends NoteRequired
  ? { readonly note: string }
  : { readonly note?: string };

/** What each action carries besides its name and note: what the server needs to apply it. */
interface ActionPayloads {
  receive: object;
  reject: object;
  start_processing: object;
  /** To another agency, another step of processing, or both. */
  transfer:
    | { readonly agencyCode: string; readonly step?: string }
    | { readonly agencyCode?: string; readonly step: string };
  /** The RequiredDocument codes the applicant must supply. */
  request_supplement: { readonly requestedDocuments: string[] };
  /** What the applicant must pay. */
  request_payment: { readonly fees: Fee[] };
  confirm_payment: object;
  stop: object;
  resume: object;
  /** The decision, and the result documents uploaded under `result`. */
  resolve: { readonly outcome: DossierOutcome };
  return_result: object;
  /** The new due date, later than the current one (ISO 8601 with offset). */
  apologise: { readonly newDueAt: string };
}

/**
 * An officer's action, typed per action: `{ action: 'request_supplement',
 * requestedDocuments: ['doc-1'], note: '…' }`. An action without what it needs does not compile.
 */
export type OfficerActionInput = {
  [A in OfficerAction]: { readonly action: A } & WithNote<A> & ActionPayloads[A];
}[OfficerAction];

/** Filters and page of the officer's inbox. */
export interface InboxQuery {
  readonly status?: DossierStatus;
  /** From `nextCursor` of the previous page. */
  readonly cursor?: string;
  /** Page size, 1–100; 20 by default. */
  readonly limit?: number;
}

/** The officer's desk: their agency's dossiers, and the actions of the status machine. */
export interface OfficerResource {
  /** One page of the agency's dossiers (not drafts), overdue first, then by due date. */
  list(query?: InboxQuery, options?: RequestOptions): Promise<Page<Dossier>>;
  /** The whole inbox matching `query`, page after page. */
  all(
    query?: Omit<InboxQuery, 'cursor'>,
    options?: RequestOptions,
  ): AsyncGenerator<Dossier, void, undefined>;
  /**
   * Takes an action (receive, request a supplement, resolve, return the result…). An action
   * the machine does not allow from the dossier's status answers 409. Carries an
   * Idempotency-Key, so a retried action is taken once.
   */
  act(id: string, action: OfficerActionInput, options?: KeyedRequestOptions): Promise<Dossier>;
}

/** The officer resource on a client's request core. */
export function officer(core: Core): OfficerResource {
  const list: OfficerResource['list'] = async (query, options) =>
    (
      await core.send({
        op: OPERATIONS.listAgencyDossiers,
        query,
        options,
        schema: async () => (await schemas()).DossierPage,
      })
    ).data;
  return {
    list,
    all: (query, options) => paginate((cursor) => list({ ...query, cursor }, options)),
    act: async (id, action, options) =>
      tracked(
        core,
        await core.send({
          op: OPERATIONS.takeOfficerAction,
          params: { id },
          json: action satisfies OfficerActionRequest,
          options,
          idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
          schema: async () => (await schemas()).Dossier,
        }),
      ),
  };
}
