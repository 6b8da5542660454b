/**
 * `@egov-kit/schema/units` — Vietnam's administrative units from 2025-07-01: the 34 provinces
 * and 3,321 communes of the two-level local government with their GSO codes, search by name as
 * people type it, and the map from pre-2025 provinces, districts and communes to today's units.
 *
 * A separate entry point because the data is what weighs: the main entry stays small, and a
 * bundle that only looks units up leaves out the old-unit map.
 *
 * Data: GSO codes (Official Letters 915/CTK-CSCL and 1027/CTK-CSCL, 2025) as transcribed, with
 * the old-to-new map, by github.com/dvhcvn/20250701 under the MIT licence; the notice ships in
 * the bundle and in `src/units/data/LICENSE`. Regenerate with `scripts/build-units-data.mjs`.
 *
 * @packageDocumentation
 */
export type {
  AdministrativeLevel,
  AdministrativeUnit,
  CommuneKind,
} from '../entities/administrative-unit.js';
export { foldVietnamese } from '../text/fold.js';
export {
  type MergeType,
  mapOldUnit,
  type OldUnit,
  type OldUnitLevel,
  type OldUnitMapping,
  type OldUnitQuery,
  type OldUnitTarget,
} from './old-units.js';
export { type SearchUnitsOptions, searchUnits } from './search.js';
export {
  getCommune,
  getProvince,
  listCommunes,
  listProvinces,
  UNITS_VALID_FROM,
} from './units.js';
