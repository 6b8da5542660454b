import { type PDFDocument, type PDFFont, type PDFRef, StandardFonts } from 'pdf-lib';
import type { PdfUpdate } from './pdf-update.js';

/** The font engine pdf-lib embeds TrueType/OpenType fonts with: `@pdf-lib/fontkit`'s default export. */
export type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * A visible signature: a box on a page showing who signed, when, and why.
 *
 * Vietnamese needs letters no standard PDF font has (ơ, ư, ạ, ế, đ…). With `font` (a TrueType or
 * OpenType font that covers Vietnamese — Noto Sans, Be Vietnam Pro, DejaVu Sans, the agency's
 * own) and `fontkit`, only the glyphs the text uses are embedded (a subset, a few KB), and the
 * text shows as written. Without them the box is drawn with Helvetica, which every reader has,
 * and the text is reduced to ASCII ("Nguyễn Văn An" → "Nguyen Van An"): legible, never broken
 * glyphs. The signature dictionary keeps the exact text either way (`/Name`, `/Reason`).
 *
 * The font engine is yours to import (`import fontkit from '@pdf-lib/fontkit'`, about 370 KB
 * gzipped): a page that only draws ASCII boxes, or none, does not carry it.
 */
export interface SignatureAppearance {
  /** Page, from 0. Default 0. */
  readonly page?: number;
  /**
   * `[x1, y1, x2, y2]` in page units (1/72 inch, origin at the bottom left). Needed for a new
   * field; an existing field named by `fieldName` keeps its own rectangle.
   */
  readonly rect?: readonly [number, number, number, number];
  /** TrueType/OpenType font bytes covering the text; see above. Needs `fontkit`. */
  readonly font?: Uint8Array;
  /** `@pdf-lib/fontkit`, which embeds `font`. */
  readonly fontkit?: Fontkit;
  /**
   * The lines to show. Default: "Ký bởi: {name}", "Thời gian: {time}", "Lý do: {reason}" — the
   * name from `name` or the certificate's common name, the time from `signingTime`.
   */
  readonly lines?: readonly string[];
  /** Largest font size; the text shrinks to fit the box. Default 10. */
  readonly fontSize?: number;
  /** Time zone of the time shown (IANA name). Default `Asia/Ho_Chi_Minh`. */
  readonly timeZone?: string;
}

/** The default lines of a visible signature. */
export function appearanceLines(
  name: string | undefined,
  time: Date,
  reason: string | undefined,
  timeZone = 'Asia/Ho_Chi_Minh',
): string[] {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(time)
      .map((part) => [part.type, part.value]),
  );
  // dd/MM/yyyy HH:mm:ss, as Vietnamese documents write dates.
  const when = `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
  const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(time)
    .find((part) => part.type === 'timeZoneName')?.value;
  return [
    ...(name ? [`Ký bởi: ${name}`] : []),
    `Thời gian: ${when}${offset ? ` (${offset})` : ''}`,
    ...(reason ? [`Lý do: ${reason}`] : []),
  ];
}

/** Letters a standard font cannot show, reduced to ASCII. */
export function toAscii(text: string): string {
  return text
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
}

/**
 * Draws the appearance as a form XObject of the given size and returns its reference: a thin
 * frame and the lines, shrunk to fit. Fonts are embedded into the update's document.
 */
export async function drawAppearance(
  update: PdfUpdate,
  size: { width: number; height: number },
  lines: readonly string[],
  appearance: SignatureAppearance,
): Promise<PDFRef> {
  const { document, context } = update;
  let font: PDFFont;
  let shown: string[];
  if (appearance.font) {
    if (!appearance.fontkit) {
      throw new TypeError(
        "appearance.font needs appearance.fontkit: import fontkit from '@pdf-lib/fontkit'.",
      );
    }
    document.registerFontkit(appearance.fontkit);
    font = await document.embedFont(appearance.font, { subset: true });
    shown = [...lines];
  } else {
    font = await document.embedFont(StandardFonts.Helvetica);
    shown = lines.map(toAscii);
  }
  const padding = 4;
  const widest = Math.max(1, ...shown.map((line) => font.widthOfTextAtSize(line, 1)));
  const fontSize = Math.max(
    2,
    Math.min(
      appearance.fontSize ?? 10,
      (size.width - 2 * padding) / widest,
      (size.height - 2 * padding) / (shown.length * 1.25),
    ),
  );
  const leading = fontSize * 1.25;
  const top = size.height - padding - fontSize;
  const f = (n: number) => Number(n.toFixed(3));
  const text = shown
    .map(
      (line, index) =>
        `BT /F1 ${f(fontSize)} Tf ${f(padding)} ${f(top - index * leading)} Td ${font
          .encodeText(line)
          .toString()} Tj ET`,
    )
    .join('\n');
  // pdf-lib writes embedded fonts on flush, a subset with the glyphs encoded so far: after the
  // text, not before. The update then picks up the new objects.
  await document.flush();
  const content = [
    'q',
    '0.1 0.3 0.6 RG 0.8 w',
    `0.4 0.4 ${f(size.width - 0.8)} ${f(size.height - 0.8)} re S`,
    '0.05 0.1 0.35 rg',
    text,
    'Q',
  ].join('\n');
  const stream = context.stream(content, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, size.width, size.height],
    Resources: { Font: { F1: font.ref } },
  });
  return context.register(stream);
}
