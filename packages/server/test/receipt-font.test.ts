import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  coversVietnamese,
  loadReceiptFont,
  SYSTEM_RECEIPT_FONTS,
} from '../src/payments/receipt-font.js';

const dir = mkdtempSync(join(tmpdir(), 'egov-font-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A system font that covers Vietnamese, when this machine has one (Debian's Chromium pulls DejaVu). */
const system = SYSTEM_RECEIPT_FONTS.find((file) => existsSync(file));
/** A font without Vietnamese: Liberation 1.x (Debian's fonts-liberation) has none of its letters. */
const latinOnly = [
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf',
].find((file) => existsSync(file) && !coversVietnamese(new Uint8Array(readFileSync(file))));

describe('the receipt font', () => {
  it('is none when neither RECEIPT_FONT nor a system font is there', async () => {
    expect(await loadReceiptFont(undefined, [join(dir, 'missing.ttf')])).toBeUndefined();
  });

  it('refuses a RECEIPT_FONT that is not a font, saying what it needs', async () => {
    const junk = join(dir, 'junk.ttf');
    writeFileSync(junk, 'not a font at all');
    expect(coversVietnamese(new Uint8Array(Buffer.from('not a font')))).toBe(false);
    await expect(loadReceiptFont(junk)).rejects.toThrow(/covers Vietnamese/);
    await expect(loadReceiptFont(join(dir, 'absent.ttf'))).rejects.toThrow(/ENOENT/);
  });

  it.skipIf(!system)('finds a system font that draws every Vietnamese letter', async () => {
    const found = await loadReceiptFont(undefined, [join(dir, 'missing.ttf'), system as string]);
    expect(found?.file).toBe(system);
    expect(coversVietnamese(found?.bytes as Uint8Array)).toBe(true);
    expect((await loadReceiptFont(system))?.file).toBe(system);
  });

  it.skipIf(!system || !latinOnly)(
    'skips a font that lacks Vietnamese for the next one',
    async () => {
      const latin = latinOnly as string;
      await expect(loadReceiptFont(latin)).rejects.toThrow(/covers Vietnamese/);
      expect((await loadReceiptFont(undefined, [latin, system as string]))?.file).toBe(system);
    },
  );
});
