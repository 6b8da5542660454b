import type { AdministrativeUnit } from '../entities/administrative-unit.js';
import type { LocalizedText } from '../i18n/localized-text.js';
import { OLD_COMMUNES, OLD_PROVINCES } from './data/old-units-2025.js';
import { byDiacritics, searchKey, stripKind } from './search-key.js';
import { unitTables } from './units.js';

/**
 * How an old unit went into a new one: `full` — all of it; `partial` — part of it, the rest into
 * other new units.
 */
export type MergeType = 'full' | 'partial';

/** The levels of local government before 2025-07-01. */
export type OldUnitLevel = 'province' | 'district' | 'commune';

/** A unit of the three-level local government in force until 2025-06-30. */
export interface OldUnit {
  /** GSO code: 2 digits for a province, 3 for a district, 5 for a commune. */
  readonly code: string;
  /** The name with its kind word, e.g. `Tỉnh Quảng Nam`, `Thị trấn Núi Thành`. */
  readonly name: string;
  readonly level: OldUnitLevel;
}

/** One new unit an old unit went into, wholly or in part. */
export interface OldUnitTarget {
  readonly unit: AdministrativeUnit;
  readonly type: MergeType;
  /** `true` only for a `full` merge: a `partial` one says the address *may* be here. */
  readonly certain: boolean;
}

/** What became of an old unit: the new unit(s) that took it in. */
export interface OldUnitMapping {
  readonly old: OldUnit;
  /** The new units, by code; one for a whole merge, several when the old unit was split. */
  readonly targets: readonly OldUnitTarget[];
  /**
   * `true` when the old unit went whole into exactly one new unit, so an old address maps
   * without asking. `false` means the targets are candidates: the street, village (thôn) or
   * residential group (tổ dân phố) decides, and the data behind them was partly machine-made.
   */
  readonly certain: boolean;
  /** For an uncertain mapping, what to tell the person whose address it is. */
  readonly note?: LocalizedText;
}

/** A search for an old unit by name, as an address written before 2025-07-01 gives it. */
export interface OldUnitQuery {
  /** The old name, with or without diacritics and kind word: `Tam Kỳ`, `xa tam thanh`. */
  readonly name: string;
  /**
   * The province, old or new, by code or name (`49`, `Quảng Nam`, `Đà Nẵng`): keeps the old
   * units now in that new province. Old units are not stored with their old province, so an
   * old province narrows to the whole new province it merged into.
   */
  readonly province?: string;
}

const UNCERTAIN: LocalizedText = {
  vi: 'Đơn vị cũ đã được chia cho nhiều đơn vị mới; đây chỉ là các khả năng. Hãy đối chiếu số nhà, thôn hoặc tổ dân phố.',
  en: 'The old unit was split between several new units; these are only candidates. Check the street address, village or residential group.',
};

const LEVEL_BY_LENGTH: Readonly<Record<number, OldUnitLevel>> = {
  2: 'province',
  3: 'district',
  5: 'commune',
};

interface NameIndex {
  /** Search key of the whole name → mappings, by code. */
  readonly byName: ReadonlyMap<string, readonly OldUnitMapping[]>;
  /** Search key of the name without its kind word → mappings, by code. */
  readonly byCoreName: ReadonlyMap<string, readonly OldUnitMapping[]>;
}

let byCode: ReadonlyMap<string, OldUnitMapping> | undefined;
let names: NameIndex | undefined;

/**
 * Decoded on first use: the old-unit data is the largest part of the module (about 70 kB
 * gzipped), so a bundle that never maps old units leaves it out and one that does pays to parse
 * it once. Lookups by name need folded keys of 10,000 names, built only when first asked for.
 */
function oldUnits(): ReadonlyMap<string, OldUnitMapping> {
  byCode ??= decode();
  return byCode;
}

function nameIndex(): NameIndex {
  if (names) return names;
  const byName = new Map<string, OldUnitMapping[]>();
  const byCoreName = new Map<string, OldUnitMapping[]>();
  const add = (map: Map<string, OldUnitMapping[]>, key: string, mapping: OldUnitMapping) => {
    const list = map.get(key);
    if (list) list.push(mapping);
    else map.set(key, [mapping]);
  };
  for (const mapping of oldUnits().values()) {
    const key = searchKey(mapping.old.name);
    add(byName, key, mapping);
    add(byCoreName, stripKind(key), mapping);
  }
  names = { byName, byCoreName };
  return names;
}

function decode(): ReadonlyMap<string, OldUnitMapping> {
  const { provinces, communes } = unitTables();
  const found = new Map<string, { name: string; targets: OldUnitTarget[] }>();
  const read = (lines: string, units: readonly AdministrativeUnit[]) => {
    lines.split('\n').forEach((line, index) => {
      const unit = units[index];
      if (!unit) return;
      for (const entry of line.split('|')) {
        const match = /^(\d+)(\*?)(.+)$/.exec(entry);
        if (!match?.[1] || !match[3]) continue;
        const type: MergeType = match[2] ? 'partial' : 'full';
        const old = found.get(match[1]) ?? { name: match[3], targets: [] };
        old.targets.push({ unit, type, certain: type === 'full' });
        found.set(match[1], old);
      }
    });
  };
  read(OLD_PROVINCES, provinces);
  read(OLD_COMMUNES, communes);

  const mappings = new Map<string, OldUnitMapping>();
  // Provinces, then districts, then communes, each by code: the order results come in.
  const codes = [...found.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  for (const code of codes) {
    const { name, targets } = found.get(code) ?? { name: '', targets: [] };
    const level = LEVEL_BY_LENGTH[code.length];
    if (!level) continue;
    targets.sort((a, b) => (a.unit.code < b.unit.code ? -1 : 1));
    const certain = targets.length === 1 && targets[0]?.type === 'full';
    const mapping: OldUnitMapping = Object.freeze({
      old: Object.freeze({ code, name, level }),
      targets: Object.freeze(targets.map((target) => Object.freeze(target))),
      certain,
      ...(certain ? {} : { note: UNCERTAIN }),
    });
    mappings.set(code, mapping);
  }
  return mappings;
}

/**
 * Maps a unit of before 2025-07-01 — province, district or commune — to the unit(s) of today,
 * for addresses on documents issued before the reform. Every old province and commune is known;
 * of the districts, only the five island districts without communes that became special zones
 * (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo): the source does not say which communes
 * formed the other districts, so map such an address by its commune.
 *
 * By code (the GSO's: 2, 3 or 5 digits), it gives the one mapping or `undefined`: `mapOldUnit('49')`
 * (Tỉnh Quảng Nam) → Thành phố Đà Nẵng (48). By name, every old unit so called, by code, narrowed
 * by `province` if given; an unknown province matches nothing. A whole name typed exactly wins
 * over the same name under another kind word, and names with the tone marks as typed come first
 * (`Xã Tam Thanh`, then `Xã Tam Thành` and `Xã Tam Thạnh`).
 *
 * A `partial` target is a candidate, not a fact: see {@link OldUnitMapping.certain}. The data
 * comes from github.com/dvhcvn/20250701 (MIT licence, notice in the bundle and in
 * `src/units/data/LICENSE`).
 */
export function mapOldUnit(code: string): OldUnitMapping | undefined;
export function mapOldUnit(query: OldUnitQuery): readonly OldUnitMapping[];
export function mapOldUnit(
  input: string | OldUnitQuery,
): OldUnitMapping | undefined | readonly OldUnitMapping[] {
  if (typeof input === 'string') return oldUnits().get(input.trim());
  const key = searchKey(input.name ?? '');
  if (key === '') return [];
  const { byName, byCoreName } = nameIndex();
  const within = input.province === undefined ? undefined : newProvinceCodes(input.province);
  const keep = (mappings: readonly OldUnitMapping[] = []) =>
    within
      ? mappings.filter((mapping) =>
          mapping.targets.some((target) => within.has(target.unit.parentCode ?? target.unit.code)),
        )
      : mappings;
  const exact = keep(byName.get(key));
  const found = exact.length > 0 ? exact : keep(byCoreName.get(stripKind(key)));
  const faithful = byDiacritics(input.name);
  // Stable: by code within each group, as stored.
  return Object.freeze([...found].sort((a, b) => faithful(b.old) - faithful(a.old)));
}

/** The new provinces a province named the old way or the new way is, or is now part of. */
function newProvinceCodes(province: string): ReadonlySet<string> {
  const codes = new Set<string>();
  const key = searchKey(province);
  if (/^\d{2}$/.test(key)) {
    // An old code maps to the province that took it in; a new code is in the old table too,
    // since every new province kept the code of one of its old ones.
    for (const target of oldUnits().get(key)?.targets ?? []) codes.add(target.unit.code);
    return codes;
  }
  const core = stripKind(key);
  for (const unit of unitTables().provinces) {
    if (stripKind(searchKey(unit.name)) === core) codes.add(unit.code);
  }
  for (const mapping of nameIndex().byCoreName.get(core) ?? []) {
    if (mapping.old.level !== 'province') continue;
    for (const target of mapping.targets) codes.add(target.unit.code);
  }
  return codes;
}
