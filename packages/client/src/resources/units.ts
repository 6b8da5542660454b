import type { AdministrativeLevel, AdministrativeUnit } from '@egov-kit/schema';
import type { Core } from '../internal/core.js';
import { lazy } from '../internal/lazy.js';
import { OPERATIONS } from '../internal/operations.js';
import type { RequestOptions } from '../options.js';

const schemas = lazy(() => import('../validators/units.js'));

/** Filters of the administrative units. */
export interface UnitQuery {
  /** A province code: its communes. */
  readonly province?: string;
  readonly level?: AdministrativeLevel;
}

/** A list of administrative units. */
export interface UnitList {
  items: AdministrativeUnit[];
}

/** Administrative units (đơn vị hành chính) in force from 2025-07-01: provinces and communes. */
export interface UnitsResource {
  /** The 34 provinces; with `province`, that province's communes. */
  list(query?: UnitQuery, options?: RequestOptions): Promise<UnitList>;
  /** Units whose name matches `text`, best first; diacritics, case and "Phường"/"Xã" ignored. */
  search(text: string, query?: UnitQuery, options?: RequestOptions): Promise<UnitList>;
  /** A province (2-digit code) or commune (5-digit code). */
  get(code: string, options?: RequestOptions): Promise<AdministrativeUnit>;
}

/** The units resource on a client's request core. */
export function units(core: Core): UnitsResource {
  const search = async (query: UnitQuery & { q?: string }, options?: RequestOptions) =>
    (
      await core.send({
        op: OPERATIONS.searchUnits,
        query,
        options,
        schema: async () => (await schemas()).UnitList,
      })
    ).data;
  return {
    list: (query, options) => search({ ...query }, options),
    search: (text, query, options) => search({ ...query, q: text }, options),
    get: async (code, options) =>
      (
        await core.send({
          op: OPERATIONS.getUnit,
          params: { code },
          options,
          schema: async () => (await schemas()).AdministrativeUnit,
        })
      ).data,
  };
}
