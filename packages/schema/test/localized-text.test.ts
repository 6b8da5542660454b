import { describe, expect, it } from 'vitest';
import { resolveLocale } from '../src/index.js';

describe('resolveLocale', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN_us', 'en'],
    ['vi', 'vi'],
    ['vi-VN', 'vi'],
    ['fr', 'vi'],
    ['', 'vi'],
    [null, 'vi'],
    [undefined, 'vi'],
  ] as const)('maps %s to %s', (tag, locale) => {
    expect(resolveLocale(tag)).toBe(locale);
  });
});
