import type { LocalizedText } from '@egov-kit/schema';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import type { DigestAlgorithm } from '../digest/algorithms.js';
import { digest } from '../digest/digest.js';
import { InvalidPdfError } from '../errors/invalid-pdf-error.js';
import { concatBytes, equalBytes, fromHex, latin1 } from '../internal/bytes.js';
import { failure, type SignatureVerification } from '../verify/result.js';
import { type VerifyOptions, verifySignedData } from '../verify/verify-signed-data.js';

/** Options of {@link verifyPades}. */
export interface VerifyPadesOptions extends VerifyOptions {}

/** One signature of a PDF, what its dictionary says and whether it holds. */
export interface PdfSignatureReport {
  /** The signature field's name (`/T`). */
  readonly fieldName: string | undefined;
  /** `/SubFilter`: `ETSI.CAdES.detached` for PAdES, `adbe.pkcs7.detached` for older signatures. */
  readonly subFilter: string | undefined;
  readonly name: string | undefined;
  readonly reason: string | undefined;
  readonly location: string | undefined;
  readonly contactInfo: string | undefined;
  /** `/M`, the signing time the signer claims. */
  readonly signingTime: Date | undefined;
  /** `/ByteRange` as written: `[0, a, b, c]`. */
  readonly byteRange: readonly number[];
  /**
   * True when the byte range covers the whole file except the signature itself: nothing was
   * appended after this signature.
   */
  readonly coversWholeFile: boolean;
  /** Length of the revision this signature covers. */
  readonly signedLength: number;
  /** The check of the CMS signature over the byte range. */
  readonly result: SignatureVerification;
}

/** Why a PDF as a whole is refused. */
export type PadesFailure = 'no-signature' | 'invalid-signature' | 'modified-after-signing';

/**
 * The outcome for a PDF: `ok` when it has at least one signature, every signature holds, and
 * the last one covers the whole file (nothing was added after the last signature).
 */
export type PadesVerification =
  | { readonly ok: true; readonly signatures: readonly PdfSignatureReport[] }
  | {
      readonly ok: false;
      readonly code: PadesFailure;
      readonly message: LocalizedText;
      readonly signatures: readonly PdfSignatureReport[];
    };

const MESSAGES: Readonly<Record<PadesFailure, LocalizedText>> = {
  'no-signature': { vi: 'Tệp PDF không có chữ ký số.', en: 'The PDF has no digital signature.' },
  'invalid-signature': {
    vi: 'Tệp PDF có chữ ký số không hợp lệ.',
    en: 'The PDF has an invalid digital signature.',
  },
  'modified-after-signing': {
    vi: 'Tệp PDF đã được bổ sung nội dung sau lần ký cuối cùng.',
    en: 'Content was added to the PDF after its last signature.',
  },
};

/**
 * Checks every signature of a PDF: that its `/ByteRange` covers the file except exactly its
 * own `/Contents`, and that the CMS signature over those bytes holds (integrity, certificate,
 * validity at the claimed `/M` time or now, key usage, chain to `trustedRoots`).
 *
 * Throws {@link InvalidPdfError} only when the file is not a readable PDF; a bad signature is a
 * result with `ok: false`.
 */
export async function verifyPades(
  pdf: Uint8Array,
  options: VerifyPadesOptions = {},
): Promise<PadesVerification> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    throw new InvalidPdfError(error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  const { context } = document;
  const fieldNames = new Map<PDFObject, string>();
  const dictionaries: PDFDict[] = [];
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const value = object.get(PDFName.of('V'));
    const name = text(object.get(PDFName.of('T')));
    if (object.get(PDFName.of('FT')) === PDFName.of('Sig') && value && name !== undefined) {
      fieldNames.set(value instanceof PDFRef ? (context.lookup(value) ?? value) : value, name);
    }
    if (object.get(PDFName.of('ByteRange')) && object.get(PDFName.of('Contents'))) {
      const type = object.get(PDFName.of('Type'));
      if (type === undefined || type === PDFName.of('Sig')) dictionaries.push(object);
    }
  }

  const signatures: PdfSignatureReport[] = [];
  for (const dictionary of dictionaries) {
    signatures.push(await checkSignature(pdf, dictionary, fieldNames.get(dictionary), options));
  }
  signatures.sort((a, b) => a.signedLength - b.signedLength);

  const fail = (code: PadesFailure): PadesVerification => ({
    ok: false,
    code,
    message: MESSAGES[code],
    signatures,
  });
  if (signatures.length === 0) return fail('no-signature');
  if (signatures.some((signature) => !signature.result.ok)) return fail('invalid-signature');
  if (!signatures[signatures.length - 1]?.coversWholeFile) return fail('modified-after-signing');
  return { ok: true, signatures };
}

async function checkSignature(
  pdf: Uint8Array,
  dictionary: PDFDict,
  fieldName: string | undefined,
  options: VerifyPadesOptions,
): Promise<PdfSignatureReport> {
  const rangeArray = dictionary.get(PDFName.of('ByteRange'));
  const byteRange =
    rangeArray instanceof PDFArray
      ? rangeArray.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : -1))
      : [];
  const contents = dictionary.get(PDFName.of('Contents'));
  const signingTime = date(dictionary.get(PDFName.of('M')));
  const subFilter = dictionary.get(PDFName.of('SubFilter'));
  const [a = -1, b = -1, c = -1, d = -1] = byteRange;
  const report = {
    fieldName,
    subFilter: subFilter instanceof PDFName ? subFilter.decodeText() : undefined,
    name: text(dictionary.get(PDFName.of('Name'))),
    reason: text(dictionary.get(PDFName.of('Reason'))),
    location: text(dictionary.get(PDFName.of('Location'))),
    contactInfo: text(dictionary.get(PDFName.of('ContactInfo'))),
    signingTime,
    byteRange,
    coversWholeFile: c + d === pdf.length,
    signedLength: c + d,
  };

  const cms = contents instanceof PDFHexString ? contents.asBytes() : undefined;
  const problem = byteRangeProblem(pdf, byteRange, cms);
  if (problem || !cms) {
    return { ...report, result: failure('malformed', problem ?? 'No /Contents hex string.') };
  }

  const signed = concatBytes(pdf.subarray(a, a + b), pdf.subarray(c, c + d));
  const cache = new Map<DigestAlgorithm, Promise<Uint8Array>>();
  const result = await verifySignedData(
    cms,
    (algorithm) => {
      let pending = cache.get(algorithm);
      if (!pending) {
        pending = digest(signed, algorithm);
        cache.set(algorithm, pending);
      }
      return pending;
    },
    { ...options, ...(signingTime ? { claimedSigningTime: signingTime } : {}) },
  );
  return { ...report, result };
}

/**
 * What is wrong with a byte range, if anything: it must start at 0, leave out exactly one
 * hex string `<…>` — the signature's own `/Contents` — and end inside the file.
 */
function byteRangeProblem(
  pdf: Uint8Array,
  range: readonly number[],
  contents: Uint8Array | undefined,
): string | undefined {
  if (range.length !== 4 || range.some((n) => !Number.isSafeInteger(n) || n < 0)) {
    return '/ByteRange is not four non-negative integers.';
  }
  const [a, b, c, d] = range as [number, number, number, number];
  if (a !== 0) return '/ByteRange does not start at the beginning of the file.';
  if (c <= b || c + d > pdf.length) return '/ByteRange overlaps or runs past the end of the file.';
  if (pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) {
    return 'The gap in /ByteRange is not a hex string.';
  }
  const gap = fromHex(latin1(pdf, b + 1, c - 1));
  if (!gap || !contents || !equalBytes(gap, contents)) {
    return 'The gap in /ByteRange is not this signature’s /Contents.';
  }
  return undefined;
}

function text(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString
    ? value.decodeText()
    : undefined;
}

function date(value: PDFObject | undefined): Date | undefined {
  if (!(value instanceof PDFString || value instanceof PDFHexString)) return undefined;
  try {
    return value.decodeDate();
  } catch {
    return undefined;
  }
}
