import { readFile } from 'node:fs/promises';
import fontkit from '@pdf-lib/fontkit';

/**
 * Fonts found on common systems that draw every Vietnamese letter: DejaVu Sans, Liberation Sans
 * and Noto Sans on Linux (Debian's fonts-dejavu-core, fonts-liberation2, fonts-noto-core, which
 * Chromium's package pulls in), Arial on macOS and Windows.
 */
export const SYSTEM_RECEIPT_FONTS: readonly string[] = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
  '/usr/share/fonts/noto/NotoSans-Regular.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  '/Library/Fonts/Arial.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

/** Letters a receipt needs that a Latin-only font lacks: ă â đ ê ô ơ ư and the tone marks. */
const VIETNAMESE =
  'ĂăÂâĐđÊêÔôƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ';

/** Whether `bytes` is a font (TrueType/OpenType) that draws every Vietnamese letter. */
export function coversVietnamese(bytes: Uint8Array): boolean {
  try {
    const font = fontkit.create(bytes as Buffer);
    return [...VIETNAMESE].every((letter) =>
      font.hasGlyphForCodePoint(letter.codePointAt(0) as number),
    );
  } catch {
    return false;
  }
}

/**
 * The font of PDF receipts: `RECEIPT_FONT` when set (it must cover Vietnamese: a wrong file is
 * said at start, not found on a citizen's receipt), else the first system font of
 * `SYSTEM_RECEIPT_FONTS` that does, else none (the receipt then drops the marks).
 */
export async function loadReceiptFont(
  file: string | undefined,
  candidates: readonly string[] = SYSTEM_RECEIPT_FONTS,
): Promise<{ bytes: Uint8Array; file: string } | undefined> {
  if (file) {
    const bytes = new Uint8Array(await readFile(file));
    if (!coversVietnamese(bytes)) {
      throw new Error(
        `RECEIPT_FONT ${file} is not a TrueType/OpenType font that covers Vietnamese (ă, ơ, ư, ế…).`,
      );
    }
    return { bytes, file };
  }
  for (const candidate of candidates) {
    const bytes = await readFile(candidate).then(
      (content) => new Uint8Array(content),
      () => undefined,
    );
    if (bytes && coversVietnamese(bytes)) return { bytes, file: candidate };
  }
  return undefined;
}
