import { describe, expect, it } from 'vitest';
import { AdministrativeUnit } from '../src/entities/administrative-unit.js';
import { foldVietnamese } from '../src/text/fold.js';
import {
  getCommune,
  getProvince,
  listCommunes,
  listProvinces,
  mapOldUnit,
  searchUnits,
} from '../src/units/index.js';

const codes = (units: readonly { code: string }[]) => units.map((unit) => unit.code);

describe('listProvinces / listCommunes', () => {
  it('has the 34 provinces and 3,321 communes in force from 2025-07-01', () => {
    const provinces = listProvinces();
    expect(provinces).toHaveLength(34);
    const communes = provinces.flatMap((province) => listCommunes(province.code));
    expect(communes).toHaveLength(3321);
    expect(new Set(codes(communes)).size).toBe(3321);
  });

  it('counts communes by kind as the GSO lists them', () => {
    const communes = listProvinces().flatMap((province) => listCommunes(province.code));
    const count = (kind: string) => communes.filter((unit) => unit.kind === kind).length;
    expect([count('ward'), count('commune'), count('special-zone')]).toEqual([687, 2621, 13]);
  });

  it('lists by code, and gives Đà Nẵng its 94 communes including Quảng Nam', () => {
    expect(codes(listProvinces()).slice(0, 3)).toEqual(['01', '04', '08']);
    const daNang = listCommunes('48');
    expect(daNang).toHaveLength(94);
    expect(codes(daNang)).toEqual([...codes(daNang)].sort());
    expect(daNang.map((unit) => unit.name)).toContain('Phường Tam Kỳ');
  });

  it('gives an empty list for an unknown province', () => {
    expect(listCommunes('49')).toEqual([]);
    expect(listCommunes('')).toEqual([]);
  });

  it('gives units that satisfy the AdministrativeUnit schema', () => {
    for (const unit of [...listProvinces(), ...listCommunes('79')]) {
      expect(AdministrativeUnit.safeParse(unit).success).toBe(true);
    }
    expect(AdministrativeUnit.safeParse({ ...getProvince('01'), code: '1' }).success).toBe(false);
  });
});

describe('getProvince / getCommune', () => {
  it('finds a province by its 2-digit code', () => {
    expect(getProvince('48')).toEqual({
      code: '48',
      name: 'Thành phố Đà Nẵng',
      level: 'province',
      validFrom: '2025-07-01',
    });
  });

  it('finds a commune by its 5-digit code, with kind and province', () => {
    expect(getCommune('00004')).toEqual({
      code: '00004',
      name: 'Phường Ba Đình',
      level: 'commune',
      kind: 'ward',
      parentCode: '01',
      validFrom: '2025-07-01',
    });
    expect(getCommune('26732')).toMatchObject({ name: 'Đặc khu Côn Đảo', kind: 'special-zone' });
    expect(getCommune('10126')).toMatchObject({ name: 'Xã Bình Minh', kind: 'commune' });
  });

  it.each([
    ['49'], // Quảng Nam: merged, no longer a province
    ['1'],
    ['001'],
    ['99999'],
    [''],
    [' 48'],
  ])('returns undefined, without throwing, for %j', (code) => {
    expect(getProvince(code)).toBeUndefined();
    expect(getCommune(code)).toBeUndefined();
  });

  it('does not confuse the levels', () => {
    expect(getCommune('48')).toBeUndefined();
    expect(getProvince('00004')).toBeUndefined();
  });

  it('shares frozen units, so one caller cannot change another’s', () => {
    const unit = getProvince('01');
    expect(Object.isFrozen(unit)).toBe(true);
    expect(getProvince('01')).toBe(unit);
  });
});

describe('foldVietnamese', () => {
  it.each([
    ['Đà Nẵng', 'da nang'],
    ['ĐÀ NẴNG', 'da nang'],
    ['  Thành   phố\tHồ Chí Minh ', 'thanh pho ho chi minh'],
    ['Hoà Bình', 'hoa binh'],
    ['Hòa Bình', 'hoa binh'],
    ['Ư Ơ Ă Â Ê Ô', 'u o a a e o'],
    // Decomposed input (NFD, as some macOS sources give it) folds the same as composed.
    ['Đà Nẵng'.normalize('NFD'), 'da nang'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldVietnamese(text)).toBe(folded);
  });
});

describe('searchUnits', () => {
  it.each([
    ['Đà Nẵng'],
    ['da nang'],
    ['DA NANG'],
    ['Thành phố Đà Nẵng'],
    ['tp da nang'],
    ['TP. Đà Nẵng'],
    ['đà   nẵng'],
    ['Đà Nẵng'.normalize('NFD')],
  ])('finds Thành phố Đà Nẵng first for %j', (query) => {
    expect(searchUnits(query)[0]?.code).toBe('48');
  });

  it('finds a commune without diacritics or kind word', () => {
    expect(searchUnits('ba dinh')[0]?.code).toBe('00004');
    expect(searchUnits('Phường Hải Châu')[0]?.code).toBe('20242');
    expect(searchUnits('con dao')[0]?.name).toBe('Đặc khu Côn Đảo');
  });

  it('ranks the whole name typed exactly above the same name of another kind', () => {
    // Phường Hải Châu (Đà Nẵng) and Xã Hải Châu (Nghệ An): the kind word typed decides.
    expect(codes(searchUnits('Xã Hải Châu'))).toEqual(['17419', '20242']);
    expect(codes(searchUnits('phuong hai chau'))).toEqual(['20242', '17419']);
  });

  it('ranks exact names, then prefixes, then words, then substrings', () => {
    const results = searchUnits('hai chau', { limit: 50 }).map((unit) => unit.name);
    expect(results.slice(0, 2)).toEqual(['Xã Hải Châu', 'Phường Hải Châu']);
    const exact = searchUnits('ha noi', { limit: 3 });
    expect(exact[0]?.name).toBe('Thành phố Hà Nội');
    const ranked = searchUnits('hoi an', { limit: 6 }).map((unit) => unit.name);
    expect(ranked).toEqual([
      'Phường Hội An', // exact, Đà Nẵng (20410), before the same name in An Giang (30673)
      'Xã Hội An',
      'Phường Hội An Tây', // prefix, the shorter name first
      'Phường Hội An Đông',
      'Phường Thới An', // substring: "t(hoi an)"
      'Xã Thới An Hội',
    ]);
  });

  it('keeps a first word that only looks like a kind word', () => {
    // "Tĩnh" folds to "tinh", like "Tỉnh": Phường Tĩnh Gia must still come first.
    expect(searchUnits('Tĩnh Gia')[0]?.name).toBe('Phường Tĩnh Gia');
    expect(searchUnits('tinh gia')[0]?.name).toBe('Phường Tĩnh Gia');
  });

  it('orders equal matches the same way every time: provinces first, then by code', () => {
    const first = codes(searchUnits('binh minh'));
    expect(first).toEqual(['10126', '14623', '17515', '21085', '25480', '26278', '29771']);
    expect(codes(searchUnits('Bình Minh'))).toEqual(first);
  });

  it('matches words in any order as the weakest rank', () => {
    expect(searchUnits('chau hai', { level: 'commune' }).map((unit) => unit.name)).toEqual([
      'Xã Hải Châu',
      'Phường Hải Châu',
    ]);
  });

  it('filters by level and province, and honours the limit', () => {
    expect(searchUnits('da nang', { level: 'commune' }).every((u) => u.level === 'commune')).toBe(
      true,
    );
    expect(codes(searchUnits('hai chau', { provinceCode: '48' }))).toEqual(['20242']);
    expect(codes(searchUnits('da nang', { provinceCode: '48', level: 'province' }))).toEqual([
      '48',
    ]);
    expect(searchUnits('xa', { limit: 3 })).toHaveLength(3);
    expect(searchUnits('an')).toHaveLength(10);
  });

  it('returns nothing for an empty query, a zero limit or no match', () => {
    expect(searchUnits('')).toEqual([]);
    expect(searchUnits('  - ')).toEqual([]);
    expect(searchUnits('da nang', { limit: 0 })).toEqual([]);
    expect(searchUnits('zzzz')).toEqual([]);
  });
});

describe('mapOldUnit', () => {
  it('maps Quảng Nam (old province 49) to Thành phố Đà Nẵng (48), for certain', () => {
    const mapping = mapOldUnit('49');
    expect(mapping?.old).toEqual({ code: '49', name: 'Tỉnh Quảng Nam', level: 'province' });
    expect(mapping?.targets.map((target) => [target.unit.code, target.type])).toEqual([
      ['48', 'full'],
    ]);
    expect(mapping?.certain).toBe(true);
    expect(mapping?.note).toBeUndefined();
  });

  it('maps an old Quảng Nam commune to its new ward in Đà Nẵng', () => {
    const mapping = mapOldUnit('20347'); // Phường An Xuân, old Tam Kỳ city
    expect(mapping?.old.name).toBe('Phường An Xuân');
    expect(mapping?.targets[0]?.unit).toBe(getCommune('20341'));
    expect(mapping?.targets[0]?.unit.parentCode).toBe('48');
    expect(mapping?.certain).toBe(true);
  });

  it('flags a partial merge as uncertain and gives every candidate', () => {
    const mapping = mapOldUnit('00016'); // Phường Ngọc Hà (old), split in 2025
    expect(mapping?.old).toEqual({ code: '00016', name: 'Phường Ngọc Hà', level: 'commune' });
    expect(mapping?.certain).toBe(false);
    expect(mapping?.targets.map((t) => [t.unit.name, t.type, t.certain])).toEqual([
      ['Phường Ba Đình', 'partial', false],
      ['Phường Ngọc Hà', 'partial', false],
    ]);
    expect(mapping?.note?.vi).toMatch(/khả năng/);
    expect(mapping?.note?.en).toMatch(/candidates/);
  });

  it('maps the island districts that became special zones', () => {
    const mapping = mapOldUnit('755');
    expect(mapping?.old).toEqual({ code: '755', name: 'Huyện Côn Đảo', level: 'district' });
    expect(mapping?.targets[0]?.unit.name).toBe('Đặc khu Côn Đảo');
  });

  it.each([['99'], ['00000'], ['abc'], [''], ['001']])(
    'returns undefined, without throwing, for unknown code %j',
    (code) => {
      expect(mapOldUnit(code)).toBeUndefined();
    },
  );

  it('finds old units by name, narrowed by an old or new province', () => {
    // Seven old communes fold to "xa tam thanh": Tam Thanh, Tam Thành, Tam Thạnh.
    const all = mapOldUnit({ name: 'xa tam thanh' });
    expect(all).toHaveLength(7);
    for (const province of ['49', 'Quảng Nam', 'tinh quang nam', '48', 'TP. Đà Nẵng']) {
      const found = mapOldUnit({ name: 'Tam Thạnh', province });
      // The tone marks typed pick Xã Tam Thạnh (Núi Thành) first; the others stay candidates.
      expect(found.map((mapping) => mapping.old.name)).toEqual([
        'Xã Tam Thạnh',
        'Xã Tam Thanh',
        'Xã Tam Thành',
      ]);
    }
    expect(mapOldUnit({ name: 'Tam Thanh', province: '01' })).toEqual([]);
    expect(mapOldUnit({ name: 'Tam Thanh', province: 'Atlantis' })).toEqual([]);
  });

  it('finds an old province by name and prefers the kind word typed', () => {
    expect(mapOldUnit({ name: 'Quảng Nam' })[0]?.old.code).toBe('49');
    const town = mapOldUnit({ name: 'Thị trấn Núi Thành' });
    expect(town.map((mapping) => mapping.old.code)).toEqual(['20965']);
    expect(town[0]?.targets[0]?.unit.parentCode).toBe('48');
  });

  it('returns an empty list for an unknown or empty name', () => {
    expect(mapOldUnit({ name: 'Không Tồn Tại' })).toEqual([]);
    expect(mapOldUnit({ name: ' ' })).toEqual([]);
  });
});
