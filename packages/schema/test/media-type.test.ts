import { describe, expect, it } from 'vitest';
import { detectMediaType, isAcceptedMediaType } from '../src/index.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('detectMediaType', () => {
  it.each([
    [text('%PDF-1.7\n'), 'application/pdf'],
    [bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    [bytes(0x50, 0x4b, 0x03, 0x04, 0x14), 'application/zip'],
    [text('RIFF\0\0\0\0WEBPVP8 '), 'image/webp'],
    [text('RIFF\0\0\0\0WAVEfmt '), undefined],
    [text('<script>alert(1)</script>'), undefined],
    [text('%PDF'), undefined],
    [new Uint8Array(), undefined],
  ])('reads %o as %s', (content, type) => {
    expect(detectMediaType(content)).toBe(type);
  });
});

describe('isAcceptedMediaType', () => {
  it('accepts listed types, Office files as ZIP, and nothing undetected', () => {
    expect(isAcceptedMediaType('application/pdf', ['application/pdf'])).toBe(true);
    expect(isAcceptedMediaType('image/png', ['application/pdf'])).toBe(false);
    expect(
      isAcceptedMediaType('application/zip', [
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ]),
    ).toBe(true);
    expect(isAcceptedMediaType('application/zip', ['application/pdf'])).toBe(false);
    expect(isAcceptedMediaType(undefined, ['application/pdf'])).toBe(false);
  });
});
