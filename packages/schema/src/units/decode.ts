import type { AdministrativeUnit, CommuneKind } from '../entities/administrative-unit.js';

/** The date the units of this module took effect: the two-level local government. */
export const UNITS_VALID_FROM = '2025-07-01';

const KINDS: Readonly<Record<string, readonly [CommuneKind, string]>> = {
  w: ['ward', 'Phường '],
  c: ['commune', 'Xã '],
  s: ['special-zone', 'Đặc khu '],
};

/** The provinces of a `PROVINCES` table (format in scripts/build-units-data.mjs), frozen. */
export function decodeProvinces(table: string): AdministrativeUnit[] {
  return table.split('\n').map((line) =>
    Object.freeze({
      code: line.slice(0, 2),
      name: line.slice(2),
      level: 'province',
      validFrom: UNITS_VALID_FROM,
    }),
  );
}

/** The communes of one province's line of a `COMMUNES` table, frozen, by code. */
export function decodeCommunes(line: string, provinceCode: string): AdministrativeUnit[] {
  const communes: AdministrativeUnit[] = [];
  for (const entry of line.split('|')) {
    const [kind, prefix] = KINDS[entry.charAt(5)] ?? [];
    if (!kind) continue;
    communes.push(
      Object.freeze({
        code: entry.slice(0, 5),
        name: prefix + entry.slice(6),
        level: 'commune',
        kind,
        parentCode: provinceCode,
        validFrom: UNITS_VALID_FROM,
      }),
    );
  }
  return communes;
}
