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
import { createSignedData } from '../cades/create-signed-data.js';
import { digest } from '../digest/digest.js';
import { InvalidPdfError } from '../errors/invalid-pdf-error.js';
import { SignatureTooLargeError } from '../errors/signature-too-large-error.js';
import { concatBytes, latin1, toHex } from '../internal/bytes.js';
import type { Signer, SignOptions } from '../signer/signer.js';
import { TIMESTAMP_RESERVE, type TimestampRequestOptions } from '../timestamp/request-timestamp.js';
import {
  findPreviousXref,
  type RevisionObject,
  writeIncrementalUpdate,
} from './incremental-update.js';
import { pdfBytes, pdfDate, pdfTextString } from './pdf-syntax.js';

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
   * (ETSI EN 319 142-1 §5.4); omitted unless given.
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
  /** Name of the signature field. Default `Signature1`, `Signature2`, … (the first free one). */
  readonly fieldName?: string;
}

const BYTE_RANGE_WIDTH = 10;
const BYTE_RANGE_PLACEHOLDER = `/ByteRange [0 ${'*'.repeat(BYTE_RANGE_WIDTH)} ${'*'.repeat(
  BYTE_RANGE_WIDTH,
)} ${'*'.repeat(BYTE_RANGE_WIDTH)}]`;

/**
 * Signs a PDF with a PAdES baseline B-B signature (ETSI EN 319 142-1): an invisible signature
 * field on the first page whose value is a detached CAdES signature (`/SubFilter
 * /ETSI.CAdES.detached`) over the whole file except the signature itself (`/ByteRange`).
 *
 * The signature is appended as an incremental update: the original bytes are kept as they are,
 * so a PDF signed before (by an official, by another applicant) keeps its earlier signatures
 * valid. Encrypted PDFs are refused.
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
  const previous = findPreviousXref(pdf);
  if (!previous) throw new InvalidPdfError('No readable startxref at the end of the file.');

  let document: PDFDocument;
  try {
    document = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw new InvalidPdfError(error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  const { context } = document;
  const { Root, Info, ID, Encrypt } = context.trailerInfo;
  if (Encrypt) throw new InvalidPdfError('The PDF is encrypted.');
  if (!(Root instanceof PDFRef)) throw new InvalidPdfError('The trailer has no /Root reference.');
  const page = document.getPages()[0];
  if (!page) throw new InvalidPdfError('The PDF has no page.');

  context.largestObjectNumber = Math.max(context.largestObjectNumber, previous.size - 1);
  const changed = new Set<PDFRef>();
  const sigRef = context.nextRef();
  const widgetRef = context.nextRef();
  const appearanceRef = context.nextRef();

  // The widget goes into the first page's /Annots, wherever that array lives.
  const annots = page.node.get(PDFName.of('Annots'));
  if (annots instanceof PDFRef) {
    context.lookup(annots, PDFArray).push(widgetRef);
    changed.add(annots);
  } else {
    if (annots instanceof PDFArray) annots.push(widgetRef);
    else page.node.set(PDFName.of('Annots'), context.obj([widgetRef]));
    changed.add(page.ref);
  }

  // …and into the interactive form's /Fields, with /SigFlags 3 (signatures exist, append only).
  const catalog = document.catalog;
  let acroForm: PDFDict;
  const acroEntry = catalog.get(PDFName.of('AcroForm'));
  if (acroEntry instanceof PDFRef) {
    acroForm = context.lookup(acroEntry, PDFDict);
    changed.add(acroEntry);
  } else if (acroEntry instanceof PDFDict) {
    acroForm = acroEntry;
    changed.add(Root);
  } else {
    acroForm = context.obj({});
    const acroRef = context.register(acroForm);
    catalog.set(PDFName.of('AcroForm'), acroRef);
    changed.add(acroRef);
    changed.add(Root);
  }
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const fieldsEntry = acroForm.get(PDFName.of('Fields'));
  let fields: PDFArray;
  if (fieldsEntry instanceof PDFRef) {
    fields = context.lookup(fieldsEntry, PDFArray);
    changed.add(fieldsEntry);
  } else if (fieldsEntry instanceof PDFArray) {
    fields = fieldsEntry;
  } else {
    fields = context.obj([]);
    acroForm.set(PDFName.of('Fields'), fields);
  }
  const fieldName = options.fieldName ?? freeFieldName(fields, context.lookup.bind(context));
  fields.push(widgetRef);

  const xrefStreamNumber = previous.kind === 'stream' ? context.nextRef().objectNumber : 0;
  const reserved =
    options.placeholderSize ??
    description.certificate.length +
      description.chain.reduce((sum, cert) => sum + cert.length, 0) +
      4096 +
      (options.timestamp ? TIMESTAMP_RESERVE : 0);

  const signatureDictionary = [
    '<<',
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    BYTE_RANGE_PLACEHOLDER,
    `/Contents <${'0'.repeat(reserved * 2)}>`,
    ...(options.name ? [`/Name ${pdfTextString(options.name)}`] : []),
    ...(options.reason ? [`/Reason ${pdfTextString(options.reason)}`] : []),
    ...(options.location ? [`/Location ${pdfTextString(options.location)}`] : []),
    ...(options.contactInfo ? [`/ContactInfo ${pdfTextString(options.contactInfo)}`] : []),
    ...(options.signingTime ? [`/M ${pdfDate(options.signingTime)}`] : []),
    '>>',
  ].join('\n');

  const objects: RevisionObject[] = [
    { objectNumber: sigRef.objectNumber, generation: 0, body: pdfBytes(signatureDictionary) },
    {
      objectNumber: widgetRef.objectNumber,
      generation: 0,
      // Invisible (zero rectangle), printable and locked (/F 132); the empty appearance keeps
      // PDF/A validators content (ISO 19005-2 §6.3.3).
      body: pdfBytes(
        `<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /F 132 ` +
          `/T ${pdfTextString(fieldName)} /V ${sigRef} /P ${page.ref} /AP << /N ${appearanceRef} >> >>`,
      ),
    },
    {
      objectNumber: appearanceRef.objectNumber,
      generation: 0,
      body: pdfBytes(
        '<< /Type /XObject /Subtype /Form /BBox [0 0 0 0] /Resources << >> /Length 0 >>\nstream\n\nendstream',
      ),
    },
    ...[...changed].map((ref) => ({
      objectNumber: ref.objectNumber,
      generation: ref.generationNumber,
      body: serialize(context.lookup(ref)),
    })),
  ];

  const separator = pdf[pdf.length - 1] === 0x0a || pdf[pdf.length - 1] === 0x0d ? '' : '\n';
  const base = pdf.length + separator.length;
  const update = writeIncrementalUpdate(base, previous, objects, {
    size: context.largestObjectNumber + 1,
    root: Root.toString(),
    ...(Info ? { info: Info.toString() } : {}),
    ...(ID ? { id: ID.toString() } : {}),
    xrefStreamNumber,
  });
  const out = concatBytes(pdf, pdfBytes(separator), update);

  // Fill in /ByteRange: everything but the /Contents hex string, angle brackets included.
  const updateText = latin1(update);
  const rangeAt = base + updateText.indexOf(BYTE_RANGE_PLACEHOLDER);
  const contentsStart = base + updateText.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsStart + reserved * 2 + 2;
  const numbers = `[0 ${contentsStart} ${contentsEnd} ${out.length - contentsEnd}]`;
  const range = `/ByteRange ${numbers}`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  out.set(pdfBytes(range), rangeAt);

  const signedBytes = concatBytes(out.subarray(0, contentsStart), out.subarray(contentsEnd));
  const contentDigest = await digest(signedBytes, description.algorithm.hash);
  const cms = await createSignedData(contentDigest, signer, description, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
  if (cms.length > reserved) throw new SignatureTooLargeError(cms.length, reserved);
  out.set(pdfBytes(toHex(cms)), contentsStart + 1);
  return out;
}

function serialize(object: PDFObject | undefined): Uint8Array {
  if (!object) throw new InvalidPdfError('A referenced object is missing.');
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

function freeFieldName(
  fields: PDFArray,
  lookup: (ref: PDFObject) => PDFObject | undefined,
): string {
  const taken = new Set<string>();
  for (const entry of fields.asArray()) {
    const field = entry instanceof PDFRef ? lookup(entry) : entry;
    const name = field instanceof PDFDict ? field.get(PDFName.of('T')) : undefined;
    if (name instanceof PDFString || name instanceof PDFHexString) taken.add(name.decodeText());
  }
  let n = 1;
  while (taken.has(`Signature${n}`)) n += 1;
  return `Signature${n}`;
}
