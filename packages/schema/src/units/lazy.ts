/**
 * `@egov-kit/schema/units/lazy` — the 2025 administrative units as a browser wants them: the 34
 * provinces at once (about 1 kB), and a province's communes only when someone picks it (one small
 * module per province, fetched with `import()` by any bundler that splits code, or by the
 * browser from the package's files). The whole table and the old-unit map stay in
 * `@egov-kit/schema/units`, for the server and for mapping pre-2025 addresses.
 *
 * ```ts
 * import { listProvinces, loadCommunes } from '@egov-kit/schema/units/lazy';
 * const provinces = listProvinces();               // at once
 * const communes = await loadCommunes('48');       // Đà Nẵng's 94 communes, fetched once
 * ```
 *
 * @packageDocumentation
 */
import type { AdministrativeUnit } from '../entities/administrative-unit.js';
import { COMMUNE_LOADERS } from './data/communes/index.js';
import { PROVINCES } from './data/provinces-2025.js';
import { decodeCommunes, decodeProvinces, UNITS_VALID_FROM } from './decode.js';

export type { AdministrativeUnit, CommuneKind } from '../entities/administrative-unit.js';
export { UNITS_VALID_FROM };

let provinces: readonly AdministrativeUnit[] | undefined;

/** The 34 provinces, by code (the GSO's order): the same units as `listProvinces` of `/units`. */
export function listProvinces(): readonly AdministrativeUnit[] {
  provinces ??= Object.freeze(decodeProvinces(PROVINCES));
  return provinces;
}

const communes = new Map<string, Promise<readonly AdministrativeUnit[]>>();

/**
 * The communes of a province, by code, fetched on first call and shared after; an empty list for
 * a code that is not a province in force. A failed fetch (a dropped connection) rejects and is
 * not remembered, so calling again tries again.
 */
export function loadCommunes(provinceCode: string): Promise<readonly AdministrativeUnit[]> {
  const load = Object.hasOwn(COMMUNE_LOADERS, provinceCode)
    ? COMMUNE_LOADERS[provinceCode]
    : undefined;
  if (!load) return Promise.resolve([]);
  let found = communes.get(provinceCode);
  if (!found) {
    found = load().then(({ COMMUNES }) => Object.freeze(decodeCommunes(COMMUNES, provinceCode)));
    communes.set(provinceCode, found);
    found.catch(() => communes.delete(provinceCode));
  }
  return found;
}
