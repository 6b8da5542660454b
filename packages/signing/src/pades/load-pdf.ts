import { PDFDocument } from 'pdf-lib';
import { EncryptedPdfError } from '../errors/encrypted-pdf-error.js';
import { InvalidPdfError } from '../errors/invalid-pdf-error.js';

/**
 * Parses a PDF for signing or verifying: {@link InvalidPdfError} when it cannot be read,
 * {@link EncryptedPdfError} when it is encrypted (its strings and streams would read as noise).
 */
export async function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    throw new InvalidPdfError(error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  if (document.context.trailerInfo.Encrypt) throw new EncryptedPdfError();
  return document;
}
