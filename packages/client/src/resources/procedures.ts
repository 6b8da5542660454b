import type {
  FormDefinition,
  ListProceduresQuery,
  Page,
  Procedure,
  ProcedureSummary,
} from '@egov-kit/schema';
import type { Core } from '../internal/core.js';
import { lazy } from '../internal/lazy.js';
import { OPERATIONS } from '../internal/operations.js';
import { paginate } from '../internal/paginate.js';
import type { RequestOptions } from '../options.js';

const schemas = lazy(() => import('../validators/procedures.js'));

/** Procedures (thủ tục hành chính): the public catalogue. */
export interface ProceduresResource {
  /**
   * One page of procedures (`GET /procedures`), filtered. Pass the page's `nextCursor` as
   * `cursor` for the next one, or use {@link ProceduresResource.all}.
   */
  list(query?: ListProceduresQuery, options?: RequestOptions): Promise<Page<ProcedureSummary>>;
  /**
   * Procedures matching `text`, best first; diacritics and case do not matter
   * (`nghia vu quan su` finds "nghĩa vụ quân sự").
   */
  search(
    text: string,
    query?: Omit<ListProceduresQuery, 'q'>,
    options?: RequestOptions,
  ): Promise<Page<ProcedureSummary>>;
  /** A procedure with its cases, documents, fees and time limits (`GET /procedures/{code}`). */
  get(code: string, options?: RequestOptions): Promise<Procedure>;
  /** The application form of a procedure's case; its first case when `case` is not given. */
  getForm(
    code: string,
    query?: { readonly case?: string },
    options?: RequestOptions,
  ): Promise<FormDefinition>;
  /**
   * Every procedure matching `query`, fetching page after page as the loop goes:
   * `for await (const procedure of client.procedures.all({ field: 'Hộ tịch' }))`.
   */
  all(
    query?: Omit<ListProceduresQuery, 'cursor'>,
    options?: RequestOptions,
  ): AsyncGenerator<ProcedureSummary, void, undefined>;
}

/** The procedures resource on a client's request core. */
export function procedures(core: Core): ProceduresResource {
  const list: ProceduresResource['list'] = async (query, options) =>
    (
      await core.send({
        op: OPERATIONS.listProcedures,
        query,
        options,
        schema: async () => (await schemas()).ProcedurePage,
      })
    ).data;
  return {
    list,
    search: (text, query, options) => list({ ...query, q: text }, options),
    get: async (code, options) =>
      (
        await core.send({
          op: OPERATIONS.getProcedure,
          params: { code },
          options,
          schema: async () => (await schemas()).Procedure,
        })
      ).data,
    getForm: async (code, query, options) =>
      (
        await core.send({
          op: OPERATIONS.getProcedureForm,
          params: { code },
          query,
          options,
          schema: async () => (await schemas()).FormDefinition,
        })
      ).data,
    all: (query, options) => paginate((cursor) => list({ ...query, cursor }, options)),
  };
}
