import { PDFName } from 'pdf-lib';
import { Certificate } from 'pkijs';
import { createSignedData } from '../cades/create-signed-data.js';
import { CertifiedPdfError } from '../errors/certified-pdf-error.js';
import { toArrayBuffer } from '../internal/bytes.js';
import { checkSignatureValue } from '../internal/signature-value.js';
import type { Signer, SignOptions } from '../signer/signer.js';
import { TIMESTAMP_RESERVE, type TimestampRequestOptions } from '../timestamp/request-timestamp.js';
import { certificateInfo } from '../verify/certificate-info.js';
import { appearanceLines, drawAppearance, type SignatureAppearance } from './appearance.js';
import { certificationOf, type DocMdpPermission } from './doc-mdp.js';
import { pdfDate, pdfTextString } from './pdf-syntax.js';
import { PdfUpdate } from './pdf-update.js';
import { hasSignatures } from './signature-dictionaries.js';
import { prepareSignature } from './signature-field.js';

/** Options of {@link signPades}; the text fields go into the signature dictionary. */
export interface SignPadesOptions extends SignOptions {
  /** `/Name`: the signer's name as the reader should see it. */
  readonly name?: string;
  /** `/Reason`, e.g. "Nộp hồ sơ trực tuyến". */
  readonly reason?: string;
  /** `/Location`, e.g. "Hà Nội". */
  readonly location?: string;
  /** `/ContactInfo`. */
  readonly contactInfo?: string;
  /**
   * `/M`: the signing time the signer claims. PAdES puts it here, never in the CMS
   * (ETSI EN 319 142-1 §5.4); the baseline requires it, so it is now unless given. A claim,
   * not a proof: verification does not trust it.
   */
  readonly signingTime?: Date;
  /**
   * Bytes reserved for the CMS signature. Default: the certificates' size plus 4 KiB, plus
   * {@link TIMESTAMP_RESERVE} with `timestamp`.
   */
  readonly placeholderSize?: number;
  /**
   * Time-stamps the signature at a time-stamping authority (PAdES-B-T): see
   * `SignedDataOptions.timestamp`.
   */
  readonly timestamp?: TimestampRequestOptions;
  /**
   * Name of the signature field. An existing empty signature field of that name (one a form
   * designer placed for the signer) is signed in place; otherwise a new field is made.
   * Default `Signature1`, `Signature2`, … (the first free one).
   */
  readonly fieldName?: string;
  /**
   * Makes this a certifying signature (an "author signature", ISO 32000-1 §12.8.2.2) with
   * the DocMDP permissions it names: 1 — no change at all afterwards; 2 — only filling in
   * forms and signing; 3 — also comments (annotations). Only the first signature of a
   * document can certify.
   */
  readonly certify?: DocMdpPermission;
  /**
   * Makes the signature visible: a box on a page with the signer's name, the time and the
   * reason (see {@link SignatureAppearance} for Vietnamese text and fonts). A field named by
   * `fieldName` keeps its own rectangle. Default: invisible.
   */
  readonly appearance?: SignatureAppearance;
}

/**
 * Signs a PDF with a PAdES baseline B-B signature (ETSI EN 319 142-1): a signature field (an
 * invisible one on the first page, or an existing empty field named by `fieldName`) whose
 * value is a detached CAdES signature (`/SubFilter /ETSI.CAdES.detached`) over the whole file
 * except the signature itself (`/ByteRange`), with the claimed signing time in `/M`.
 *
 * The signature is appended as an incremental update: the original bytes are kept as they are,
 * so a PDF signed before (by an official, by another applicant) keeps its earlier signatures
 * valid. The signature value the signer returns is checked against its certificate before it
 * is embedded ({@link SignatureValueError}). Throws {@link EncryptedPdfError} for an encrypted
 * PDF, {@link CertifiedPdfError} when a certification forbids the signature,
 * {@link InvalidPdfError} for a file too broken to sign.
 *
 * @example
 * const signed = await signPades(pdfBytes, signer, { name: 'Nguyễn Văn A', reason: 'Nộp hồ sơ' });
 */
export async function signPades(
  pdf: Uint8Array,
  signer: Signer,
  options: SignPadesOptions = {},
): Promise<Uint8Array> {
  const description = await signer.describe(options);
  const update = await PdfUpdate.open(pdf);
  const certification = certificationOf(update.context, update.catalog);
  if (certification?.permission === 1) throw new CertifiedPdfError(1, 'locked');
  if (options.certify !== undefined && (certification || hasSignatures(update.context))) {
    throw new CertifiedPdfError(certification?.permission ?? options.certify, 'already-signed');
  }

  const reserved =
    options.placeholderSize ??
    description.certificate.length +
      description.chain.reduce((sum, cert) => sum + cert.length, 0) +
      4096 +
      (options.timestamp ? TIMESTAMP_RESERVE : 0);
  const certify = options.certify;
  const signingTime = options.signingTime ?? new Date();
  const { appearance } = options;
  const lines =
    appearance &&
    (appearance.lines ??
      appearanceLines(
        options.name ?? signerName(description.certificate),
        signingTime,
        options.reason,
        appearance.timeZone,
      ));
  const prepared = await prepareSignature(update, {
    ...(options.fieldName !== undefined ? { fieldName: options.fieldName } : {}),
    ...(appearance && lines
      ? {
          pageIndex: appearance.page ?? 0,
          ...(appearance.rect ? { rect: appearance.rect } : {}),
          appearance: (revision, size) => drawAppearance(revision, size, lines, appearance),
        }
      : {}),
    reserved,
    entries: [
      '/Type /Sig',
      '/Filter /Adobe.PPKLite',
      '/SubFilter /ETSI.CAdES.detached',
      `/M ${pdfDate(signingTime)}`,
      ...(options.name ? [`/Name ${pdfTextString(options.name)}`] : []),
      ...(options.reason ? [`/Reason ${pdfTextString(options.reason)}`] : []),
      ...(options.location ? [`/Location ${pdfTextString(options.location)}`] : []),
      ...(options.contactInfo ? [`/ContactInfo ${pdfTextString(options.contactInfo)}`] : []),
      ...(certify
        ? [
            `/Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams /P ${certify} /V /1.2 >> >>]`,
          ]
        : []),
    ],
    ...(certify
      ? {
          edit: (revision, signature) => {
            const perms = revision.dictionary(revision.root, revision.catalog, 'Perms', 'direct');
            perms?.set(PDFName.of('DocMDP'), signature);
          },
        }
      : {}),
  });

  const contentDigest = await prepared.digest(description.algorithm.hash);
  const cms = await createSignedData(contentDigest, signer, description, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
  await checkSignatureValue(cms, description.certificate);
  return prepared.embed(cms);
}

function signerName(certificate: Uint8Array): string | undefined {
  try {
    return certificateInfo(Certificate.fromBER(toArrayBuffer(certificate)), certificate).commonName;
  } catch {
    return undefined;
  }
}
