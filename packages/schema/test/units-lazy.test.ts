import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCommunes, listProvinces } from '../src/units/index.js';
import * as lazy from '../src/units/lazy.js';

describe('@egov-kit/schema/units/lazy', () => {
  it('lists the same 34 provinces as the whole table', () => {
    expect(lazy.listProvinces()).toEqual(listProvinces());
    expect(lazy.listProvinces()).toHaveLength(34);
    expect(Object.isFrozen(lazy.listProvinces()[0])).toBe(true);
  });

  it("loads each province's communes, the same as the whole table, once", async () => {
    let total = 0;
    for (const province of listProvinces()) {
      const loaded = await lazy.loadCommunes(province.code);
      expect(loaded).toEqual(listCommunes(province.code));
      expect(lazy.loadCommunes(province.code)).toBe(lazy.loadCommunes(province.code));
      total += loaded.length;
    }
    expect(total).toBe(3321);
  });

  it('answers an empty list for what is not a province in force, never throwing', async () => {
    for (const code of ['49', '00', '', '4', 'constructor', '__proto__', 'toString', '48/../01']) {
      await expect(lazy.loadCommunes(code)).resolves.toEqual([]);
    }
  });

  it('has one data module per province, and nothing else beside them', () => {
    const files = readdirSync(new URL('../src/units/data/communes/', import.meta.url)).sort();
    expect(files).toEqual(
      [...listProvinces().map((p) => `communes-${p.code}.ts`), 'index.ts'].sort(),
    );
  });
});
