import type { LocalizedText } from '@egov-kit/schema';
import {
  PDFArray,
  type PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFString,
} from 'pdf-lib';
import type { DigestAlgorithm } from '../digest/algorithms.js';
import { EncryptedPdfError } from '../errors/encrypted-pdf-error.js';
import { InvalidPdfError } from '../errors/invalid-pdf-error.js';
import { concatBytes, equalBytes, fromHex, latin1 } from '../internal/bytes.js';
import type { CertificateInput } from '../internal/pem.js';
import {
  type TimestampFailureCode,
  type TimestampVerification,
  verifyTimestampToken,
} from '../timestamp/verify-timestamp-token.js';
import {
  failure,
  type SignatureVerification,
  type TimestampReport,
  type VerificationFailure,
} from '../verify/result.js';
import { type RevocationChecker, revocationCheckerFor } from '../verify/revocation.js';
import { type VerifyOptions, verifySignedData } from '../verify/verify-signed-data.js';
import { digestParts } from './byte-range-digest.js';
import { allowedByDocMdp, type ChangeKind, changesAfter, type RevisionChanges } from './changes.js';
import { type DocMdpPermission, docMdpPermission } from './doc-mdp.js';
import { type DocumentValidationData, readDss } from './dss.js';
import { loadPdf } from './load-pdf.js';
import { type FoundSignature, findSignatures } from './signature-dictionaries.js';

/** Options of {@link verifyPades}. */
export interface VerifyPadesOptions extends VerifyOptions {
  /**
   * Roots trusted for the time-stamping authorities of document time-stamps. Default:
   * `trustedRoots`.
   */
  readonly timestampRoots?: readonly CertificateInput[];
}

/** One signature or document time-stamp of a PDF, what its dictionary says and whether it holds. */
export interface PdfSignatureReport {
  /**
   * `signature` (`/Type /Sig`), or `document-timestamp` (`/Type /DocTimeStamp`, PAdES-B-LTA),
   * which proves when the document existed but is nobody's signature.
   */
  readonly type: 'signature' | 'document-timestamp';
  /** The signature field's name (`/T`, fully qualified). */
  readonly fieldName: string | undefined;
  /** `/SubFilter`: `ETSI.CAdES.detached` for PAdES, `adbe.pkcs7.detached` for older signatures, `ETSI.RFC3161` for document time-stamps. */
  readonly subFilter: string | undefined;
  readonly name: string | undefined;
  readonly reason: string | undefined;
  readonly location: string | undefined;
  readonly contactInfo: string | undefined;
  /** `/M`, the signing time the signer claims (reported, never trusted). */
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
  /**
   * The DocMDP permission when this is a certifying signature (1 — no changes; 2 — forms and
   * signatures; 3 — also annotations).
   */
  readonly certification: DocMdpPermission | undefined;
  /**
   * What later revisions changed: `none`, or the most serious of `validation-data` (DSS,
   * document time-stamps), `signatures`, `form-fields`, `annotations`, `page-content`.
   */
  readonly modification: 'none' | ChangeKind;
  /** Every kind of change found after this signature, and a developer's notes on them. */
  readonly changes: RevisionChanges;
  /**
   * False when a later change is one this signature does not allow: page content (never), or
   * anything its certification's DocMDP permission forbids.
   */
  readonly changesPermitted: boolean;
  /** The check of the CMS signature (for a document time-stamp: of its token) over the byte range. */
  readonly result: SignatureVerification;
  /** For a document time-stamp: the token's check, with the time it proves. */
  readonly timestamp?: TimestampVerification;
}

/** Why a PDF as a whole is refused. */
export type PadesFailure = 'no-signature' | 'invalid-signature' | 'modified-after-signing';

/**
 * The outcome for a PDF: `ok` when it has at least one signature, every signature holds, no
 * document time-stamp is forged (one from an untrusted TSA only proves no time), and nothing a signature does not allow was changed after it (page content
 * never; forms, annotations or signatures when a certification forbids them). Validation data
 * (a DSS, document time-stamps) added later is not a change.
 */
export type PadesVerification =
  | {
      readonly ok: true;
      readonly signatures: readonly PdfSignatureReport[];
      /** The PDF's Document Security Store, as read (empty lists when it has none). */
      readonly validationData: DocumentValidationData;
    }
  | {
      readonly ok: false;
      readonly code: PadesFailure;
      /** What a person reads; for a change, which signature it came after. */
      readonly message: LocalizedText;
      readonly signatures: readonly PdfSignatureReport[];
      readonly validationData: DocumentValidationData;
    };

const MESSAGES: Readonly<Record<Exclude<PadesFailure, 'modified-after-signing'>, LocalizedText>> = {
  'no-signature': { vi: 'Tệp PDF không có chữ ký số.', en: 'The PDF has no digital signature.' },
  'invalid-signature': {
    vi: 'Tệp PDF có chữ ký số không hợp lệ.',
    en: 'The PDF has an invalid digital signature.',
  },
};

const CHANGE_WORDS: Readonly<Record<ChangeKind, LocalizedText>> = {
  'validation-data': { vi: 'dữ liệu kiểm tra hiệu lực', en: 'validation data' },
  signatures: { vi: 'chữ ký mới', en: 'new signatures' },
  'form-fields': { vi: 'nội dung biểu mẫu', en: 'form fields' },
  annotations: { vi: 'ghi chú', en: 'annotations' },
  'page-content': { vi: 'nội dung trang', en: 'page content' },
};

function modifiedMessage(signature: PdfSignatureReport): LocalizedText {
  const who =
    (signature.result.ok ? signature.result.signers[0]?.certificate.commonName : undefined) ??
    signature.name ??
    signature.fieldName;
  const kind =
    signature.changes.kinds.find((item) => item === 'page-content') ?? signature.modification;
  const what = kind === 'none' ? CHANGE_WORDS['page-content'] : CHANGE_WORDS[kind];
  const certified = signature.certification !== undefined;
  return {
    vi:
      `Tài liệu đã bị thay đổi sau chữ ký${who ? ` của ${who}` : ''} (${what.vi})` +
      (certified ? ', điều mà chứng thực của tài liệu không cho phép.' : '.'),
    en:
      `The document was changed after the signature${who ? ` of ${who}` : ''} (${what.en})` +
      (certified ? ', which its certification does not permit.' : '.'),
  };
}

/**
 * Checks every signature and document time-stamp of a PDF: that its `/ByteRange` covers the
 * file except exactly its own `/Contents`; that the CMS signature over those bytes holds
 * (integrity, the signer's certificate path to `trustedRoots` and its revocation, at the time
 * a time-stamp proves or now); and what every later revision changed — with DocMDP honoured
 * for a certified document. The PDF's DSS (certificates, CRLs, OCSP responses) is used as
 * validation data, offline; document time-stamps prove the time of the signatures they cover.
 *
 * Throws {@link InvalidPdfError} only when the file is not a readable PDF and
 * {@link EncryptedPdfError} for an encrypted one; a bad signature is a result with `ok: false`.
 */
export async function verifyPades(
  pdf: Uint8Array,
  options: VerifyPadesOptions = {},
): Promise<PadesVerification> {
  const document = await loadPdf(pdf);
  const { context } = document;
  const validationData = readDss(context, document.catalog);
  const found = findSignatures(context).map((item) => ({ item, range: rangeOf(item.dictionary) }));
  found.sort((x, y) => x.range.signedLength - y.range.signedLength);

  const changeCache = new Map<number, Promise<RevisionChanges>>();
  const changes = (signedLength: number) => {
    let pending = changeCache.get(signedLength);
    if (!pending) {
      // A comparison that cannot be made is reported as a change, never as none.
      pending = changesAfter(pdf, signedLength, document).catch((error: unknown) => ({
        kinds: ['page-content' as const],
        details: [`page-content: the revisions cannot be compared (${String(error)})`],
      }));
      changeCache.set(signedLength, pending);
    }
    return pending;
  };

  // Document time-stamps first: the times they prove serve the signatures they cover. The
  // newest is checked now; each older one at the earliest time a newer valid one proves, so an
  // archive renewed before its first TSA's certificate expired stays valid (PAdES-B-LTA).
  const timestamps = new Map<FoundSignature, PdfSignatureReport>();
  const revocation = revocationCheckerFor(options, validationData);
  let provenAt: Date | undefined;
  for (const { item } of [...found].reverse()) {
    if (item.type !== 'DocTimeStamp') continue;
    const at = provenAt ?? options.at;
    const report = await checkDocumentTimestamp(pdf, item, validationData, options, changes, {
      ...(at ? { at } : {}),
      revocation,
    });
    timestamps.set(item, report);
    const proven = report.timestamp?.ok ? report.timestamp.genTime : undefined;
    if (proven && (!provenAt || proven < provenAt)) provenAt = proven;
  }
  const signatures: PdfSignatureReport[] = [];
  for (const { item, range } of found) {
    const stamped = timestamps.get(item);
    if (stamped) {
      signatures.push(stamped);
      continue;
    }
    const provenTimes: TimestampReport[] = [...timestamps.values()].flatMap((stamp) =>
      stamp.signedLength > range.signedLength && stamp.timestamp
        ? [
            {
              kind: 'document' as const,
              ok: stamp.timestamp.ok,
              time: stamp.timestamp.ok ? stamp.timestamp.genTime : undefined,
              authority: stamp.timestamp.tsa,
              ...(stamp.timestamp.ok ? {} : { reason: stamp.timestamp.reason }),
            },
          ]
        : [],
    );
    signatures.push(
      await checkSignature(pdf, item, validationData, provenTimes, options, document, changes),
    );
  }

  const fail = (code: Exclude<PadesFailure, 'modified-after-signing'>): PadesVerification => ({
    ok: false,
    code,
    message: MESSAGES[code],
    signatures,
    validationData,
  });
  if (!signatures.some((signature) => signature.type === 'signature')) return fail('no-signature');
  // A document time-stamp whose TSA is not trusted (or not valid any more) proves no time,
  // and says so in its report; only one that is forged or broken makes the PDF invalid.
  const broken = (signature: PdfSignatureReport) =>
    signature.type === 'signature'
      ? !signature.result.ok
      : !signature.result.ok &&
        (signature.result.code === 'tampered' || signature.result.code === 'malformed');
  if (signatures.some(broken)) return fail('invalid-signature');
  const changed = signatures.find((signature) => !signature.changesPermitted);
  if (changed) {
    return {
      ok: false,
      code: 'modified-after-signing',
      message: modifiedMessage(changed),
      signatures,
      validationData,
    };
  }
  return { ok: true, signatures, validationData };
}

interface Range {
  readonly byteRange: readonly number[];
  readonly signedLength: number;
}

function rangeOf(dictionary: PDFDict): Range {
  const rangeArray = dictionary.lookup(PDFName.of('ByteRange'));
  const byteRange =
    rangeArray instanceof PDFArray
      ? rangeArray.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : -1))
      : [];
  const [, , c = -1, d = -1] = byteRange;
  return { byteRange, signedLength: c + d };
}

/** The report fields every signature-like dictionary has, and its change analysis. */
async function describe(
  pdf: Uint8Array,
  found: FoundSignature,
  certification: DocMdpPermission | undefined,
  changes: (signedLength: number) => Promise<RevisionChanges>,
) {
  const { dictionary } = found;
  const { byteRange, signedLength } = rangeOf(dictionary);
  const subFilter = dictionary.get(PDFName.of('SubFilter'));
  const after = await changes(signedLength);
  const allowed = certification
    ? allowedByDocMdp(certification)
    : new Set<ChangeKind>(['validation-data', 'signatures', 'form-fields', 'annotations']);
  return {
    type: found.type === 'DocTimeStamp' ? ('document-timestamp' as const) : ('signature' as const),
    fieldName: found.fieldName,
    subFilter: subFilter instanceof PDFName ? subFilter.decodeText() : undefined,
    name: text(dictionary.get(PDFName.of('Name'))),
    reason: text(dictionary.get(PDFName.of('Reason'))),
    location: text(dictionary.get(PDFName.of('Location'))),
    contactInfo: text(dictionary.get(PDFName.of('ContactInfo'))),
    signingTime: date(dictionary.get(PDFName.of('M'))),
    byteRange,
    coversWholeFile: signedLength === pdf.length,
    signedLength,
    certification,
    modification: after.kinds[after.kinds.length - 1] ?? ('none' as const),
    changes: after,
    changesPermitted: after.kinds.every((kind) => allowed.has(kind)),
  };
}

/** The bytes a `/ByteRange` covers, or why it is not well-formed. */
function signedBytes(
  pdf: Uint8Array,
  dictionary: PDFDict,
  byteRange: readonly number[],
): { parts: readonly [Uint8Array, Uint8Array]; value: Uint8Array } | { problem: string } {
  const contents = dictionary.get(PDFName.of('Contents'));
  const value = contents instanceof PDFHexString ? hexBytes(contents.asString()) : undefined;
  const problem = byteRangeProblem(pdf, byteRange, value);
  if (problem || !value) return { problem: problem ?? 'No /Contents hex string.' };
  const [a = 0, b = 0, c = 0, d = 0] = byteRange;
  return { parts: [pdf.subarray(a, a + b), pdf.subarray(c, c + d)], value };
}

/** How a document time-stamp's failure reads as a signature failure. */
const TIMESTAMP_FAILURE_CODES: Readonly<Record<TimestampFailureCode, VerificationFailure>> = {
  malformed: 'malformed',
  'weak-algorithm': 'weak-algorithm',
  'imprint-mismatch': 'tampered',
  'signature-invalid': 'tampered',
  'signing-certificate': 'tampered',
  'tsa-certificate': 'key-usage',
  chain: 'untrusted',
};

async function checkDocumentTimestamp(
  pdf: Uint8Array,
  found: FoundSignature,
  validationData: DocumentValidationData,
  options: VerifyPadesOptions,
  changes: (signedLength: number) => Promise<RevisionChanges>,
  check: { readonly at?: Date; readonly revocation: RevocationChecker },
): Promise<PdfSignatureReport> {
  const report = await describe(pdf, found, undefined, changes);
  const signed = signedBytes(pdf, found.dictionary, report.byteRange);
  if ('problem' in signed) return { ...report, result: failure('malformed', signed.problem) };
  const timestamp = await verifyTimestampToken(
    signed.value,
    (algorithm) => digestParts(signed.parts, algorithm),
    {
      trustedRoots: options.timestampRoots ?? options.trustedRoots ?? [],
      intermediates: [...(options.intermediates ?? []), ...validationData.certificates],
      ...(check.at ? { at: check.at } : {}),
      revocation: check.revocation,
      revocationPolicy: options.revocationPolicy ?? 'when-declared',
    },
  );
  const result: SignatureVerification = timestamp.ok
    ? {
        ok: true,
        signers: [],
      }
    : failure(TIMESTAMP_FAILURE_CODES[timestamp.code], timestamp.reason, {
        subIndication: timestamp.subIndication,
      });
  return { ...report, result, timestamp };
}

async function checkSignature(
  pdf: Uint8Array,
  found: FoundSignature,
  validationData: DocumentValidationData,
  provenTimes: readonly TimestampReport[],
  options: VerifyPadesOptions,
  document: PDFDocument,
  changes: (signedLength: number) => Promise<RevisionChanges>,
): Promise<PdfSignatureReport> {
  const certification = docMdpPermission(document.context, found.dictionary);
  const report = await describe(pdf, found, certification, changes);
  const signed = signedBytes(pdf, found.dictionary, report.byteRange);
  if ('problem' in signed) return { ...report, result: failure('malformed', signed.problem) };
  const cache = new Map<DigestAlgorithm, Promise<Uint8Array>>();
  const digester = Object.assign(
    (algorithm: DigestAlgorithm) => {
      let pending = cache.get(algorithm);
      if (!pending) {
        pending = digestParts(signed.parts, algorithm);
        cache.set(algorithm, pending);
      }
      return pending;
    },
    { content: async () => concatBytes(...signed.parts) },
  );
  const result = await verifySignedData(signed.value, digester, {
    ...options,
    ...(report.signingTime ? { claimedSigningTime: report.signingTime } : {}),
    validationData,
    provenTimes,
  });
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
  const gap = hexBytes(latin1(pdf, b + 1, c - 1));
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

/**
 * The bytes of a hex string's digits: white space is allowed between them, and an odd last
 * digit stands for a pair ending in 0 (ISO 32000-1 §7.3.4.3). Some writers break lines.
 */
function hexBytes(digits: string): Uint8Array | undefined {
  const compact = digits.replace(/\s+/g, '');
  return fromHex(compact.length % 2 === 0 ? compact : `${compact}0`);
}
