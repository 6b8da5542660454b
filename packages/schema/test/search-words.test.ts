import { describe, expect, it } from 'vitest';
import { searchWords, spellOneWay, withinOneEdit } from '../src/index.js';

describe('searchWords', () => {
  it('folds, splits on punctuation and spells i/y one way', () => {
    expect(searchWords('Đăng ký kết hôn (có yếu tố nước ngoài)')).toEqual([
      'dang',
      'ki',
      'ket',
      'hon',
      'co',
      'yeu',
      'to',
      'nuoc',
      'ngoai',
    ]);
    expect(searchWords('  ĐĂNG-KÍ,,  hộ_kinh doanh/2025 ')).toEqual([
      'dang',
      'ki',
      'ho',
      'kinh',
      'doanh',
      '2025',
    ]);
    expect(searchWords('')).toEqual([]);
    expect(searchWords('… — !!')).toEqual([]);
  });

  it('treats the two spellings of ký, lý, mỹ, tỷ, sỹ, quy as one', () => {
    for (const [y, i] of [
      ['ký', 'kí'],
      ['lý', 'lí'],
      ['Mỹ', 'mĩ'],
      ['tỷ', 'tỉ'],
      ['sỹ', 'sĩ'],
      ['quy', 'qui'],
      ['thủy', 'thuỷ'],
    ]) {
      expect(searchWords(y as string)).toEqual(searchWords(i as string));
    }
  });

  it('leaves y that belongs to a vowel cluster or stands alone', () => {
    expect(spellOneWay('huy')).toBe('huy');
    expect(spellOneWay('tuy')).toBe('tuy');
    expect(spellOneWay('y')).toBe('y');
    expect(spellOneWay('yen')).toBe('yen');
    expect(spellOneWay('khuyen')).toBe('khuyen');
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['ngoai', 'ngoai', true],
    ['ngaoi', 'ngoai', true], // swapped neighbours
    ['ngiep', 'nghiep', true], // a letter missing
    ['nghiepp', 'nghiep', true], // a letter too many
    ['giap', 'giay', true], // a letter wrong
    ['', 'a', true],
    ['ab', 'ba', true],
    ['ngaio', 'ngoai', false],
    ['nghia', 'ngha', true],
    ['abc', 'cba', false],
    ['dang', 'dong', true],
    ['dang', 'dung', true],
    ['dang', 'dnga', false],
    ['khai', 'sinh', false],
    ['nghiep', 'ngiepp', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});
