import type { Agency } from '@egov-kit/schema';
import type { Core } from '../internal/core.js';
import { lazy } from '../internal/lazy.js';
import { OPERATIONS } from '../internal/operations.js';
import type { RequestOptions } from '../options.js';

const schemas = lazy(() => import('../validators/agencies.js'));

/** Filters of the agency list. */
export interface AgencyQuery {
  /** Only agencies serving this administrative unit (province or commune code). */
  readonly unit?: string;
  readonly level?: Agency['level'];
}

/** A list of agencies. */
export interface AgencyList {
  items: Agency[];
}

/** Agencies (cơ quan) that receive and process dossiers. */
export interface AgenciesResource {
  list(query?: AgencyQuery, options?: RequestOptions): Promise<AgencyList>;
}

/** The agencies resource on a client's request core. */
export function agencies(core: Core): AgenciesResource {
  return {
    list: async (query, options) =>
      (
        await core.send({
          op: OPERATIONS.listAgencies,
          query,
          options,
          schema: async () => (await schemas()).AgencyList,
        })
      ).data,
  };
}
