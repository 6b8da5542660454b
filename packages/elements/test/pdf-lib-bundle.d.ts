/**
 * The part of pdf-lib the tests use, for its single-file ES bundle: the tests load that bundle
 * (pdf-lib's ES build imports CommonJS pako, which a browser cannot load as is), and pdf-lib
 * ships types only beside its ES build.
 */
declare module '*/pdf-lib/dist/pdf-lib.esm.js' {
  export const StandardFonts: { readonly Helvetica: 'Helvetica' };
  export interface PDFFont {
    readonly name: string;
  }
  export interface PDFPage {
    drawText(text: string, options: { x: number; y: number; size: number; font: PDFFont }): void;
  }
  export class PDFDocument {
    static create(): Promise<PDFDocument>;
    embedFont(font: 'Helvetica'): Promise<PDFFont>;
    addPage(size: [number, number]): PDFPage;
    save(options?: { useObjectStreams?: boolean }): Promise<Uint8Array>;
  }
}
