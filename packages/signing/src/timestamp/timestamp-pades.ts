import { PdfUpdate } from '../pades/pdf-update.js';
import { prepareSignature } from '../pades/signature-field.js';
import {
  requestTimestamp,
  TIMESTAMP_RESERVE,
  type TimestampRequestOptions,
} from './request-timestamp.js';

/** Options of {@link timestampPades}: the TSA to ask, and the field to put the token in. */
export interface TimestampPadesOptions extends TimestampRequestOptions {
  /** Name of the document time-stamp's field. Default `Signature1`, `Signature2`, … (the first free one). */
  readonly fieldName?: string;
  /** Bytes reserved for the token. Default {@link TIMESTAMP_RESERVE} (12 KiB). */
  readonly placeholderSize?: number;
}

/**
 * Adds a document time-stamp (ETSI EN 319 142-1 §5.4, PAdES-B-LTA; ISO 32000-2 §12.8.5): an
 * incremental update with a `/Type /DocTimeStamp`, `/SubFilter /ETSI.RFC3161` signature
 * dictionary whose `/Contents` is an RFC 3161 token over the whole file but the token itself.
 *
 * It proves the file — its signatures and the validation data added so far (a DSS) — existed at
 * the token's time, so that they stay verifiable after the signers' certificates expire or
 * their algorithms weaken. Add one after the DSS, and again before the last time-stamp's TSA
 * certificate expires.
 *
 * @throws {TimestampError} when the TSA gives no token; `EncryptedPdfError`, `InvalidPdfError`
 *   for a file that cannot take a revision; `SignatureTooLargeError` when the token does not fit.
 *
 * @example
 * const lta = await timestampPades(signedPdf, { url: 'https://tsa.example.vn/tsa' });
 */
export async function timestampPades(
  pdf: Uint8Array,
  options: TimestampPadesOptions,
): Promise<Uint8Array> {
  const update = await PdfUpdate.open(pdf);
  const prepared = await prepareSignature(update, {
    ...(options.fieldName !== undefined ? { fieldName: options.fieldName } : {}),
    reserved: options.placeholderSize ?? TIMESTAMP_RESERVE,
    entries: ['/Type /DocTimeStamp', '/Filter /Adobe.PPKLite', '/SubFilter /ETSI.RFC3161'],
  });
  const { token } = await requestTimestamp(prepared.signedContent(), options);
  return prepared.embed(token);
}
