import type { AdministrativeUnit } from '../entities/administrative-unit.js';
import { COMMUNES, PROVINCES } from './data/units-2025.js';
import { decodeCommunes, decodeProvinces, UNITS_VALID_FROM } from './decode.js';

export { UNITS_VALID_FROM };

/** The decoded tables; internal to the units module. */
export interface UnitTables {
  readonly provinces: readonly AdministrativeUnit[];
  /** Every commune, province by province, each by code: the order the old-unit data follows. */
  readonly communes: readonly AdministrativeUnit[];
  readonly communesOf: ReadonlyMap<string, readonly AdministrativeUnit[]>;
  /** Provinces and communes together: their codes never collide (2 against 5 digits). */
  readonly byCode: ReadonlyMap<string, AdministrativeUnit>;
}

let tables: UnitTables | undefined;

/**
 * The units, decoded on first use rather than at import, so that importing the module costs
 * nothing and a bundle that never calls a lookup drops the data. Units are frozen because every
 * caller shares them.
 */
export function unitTables(): UnitTables {
  tables ??= decode();
  return tables;
}

function decode(): UnitTables {
  const provinces = decodeProvinces(PROVINCES);
  const communes: AdministrativeUnit[] = [];
  const communesOf = new Map<string, readonly AdministrativeUnit[]>();
  const byCode = new Map<string, AdministrativeUnit>();
  const communeLines = COMMUNES.split('\n');
  provinces.forEach((province, index) => {
    byCode.set(province.code, province);
    const own = decodeCommunes(communeLines[index] ?? '', province.code);
    for (const commune of own) byCode.set(commune.code, commune);
    communesOf.set(province.code, Object.freeze(own));
    communes.push(...own);
  });
  return {
    provinces: Object.freeze(provinces),
    communes: Object.freeze(communes),
    communesOf,
    byCode,
  };
}

/**
 * The province with a 2-digit GSO code such as `48` (Thành phố Đà Nẵng), or `undefined` for a
 * code that is not one of the 34 provinces in force, including the codes of merged provinces
 * (use {@link mapOldUnit} for those).
 */
export function getProvince(code: string): AdministrativeUnit | undefined {
  const unit = unitTables().byCode.get(code);
  return unit?.level === 'province' ? unit : undefined;
}

/**
 * The commune, ward or special zone with a 5-digit GSO code such as `00004` (Phường Ba Đình), or
 * `undefined` for an unknown code. A pre-2025 code may be in use for another unit now: map old
 * addresses with {@link mapOldUnit}, not with this.
 */
export function getCommune(code: string): AdministrativeUnit | undefined {
  const unit = unitTables().byCode.get(code);
  return unit?.level === 'commune' ? unit : undefined;
}

/** The 34 provinces, by code (the GSO's order, roughly north to south). */
export function listProvinces(): readonly AdministrativeUnit[] {
  return unitTables().provinces;
}

/**
 * The communes of a province, by code; an empty list for an unknown province. Sort with
 * `Intl.Collator('vi')` for a pick list: code order is the statistics office's, not the alphabet.
 */
export function listCommunes(provinceCode: string): readonly AdministrativeUnit[] {
  return unitTables().communesOf.get(provinceCode) ?? [];
}
