import {
  decodePDFRawStream,
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';
import { equalBytes } from '../internal/bytes.js';
import { type CertificateInput, certificateDer, pemBlocks } from '../internal/pem.js';
import { PdfUpdate } from './pdf-update.js';

/** Validation data of a PDF's Document Security Store (ETSI EN 319 142-1 §5.4.2), DER. */
export interface DocumentValidationData {
  readonly certificates: readonly Uint8Array[];
  readonly crls: readonly Uint8Array[];
  readonly ocspResponses: readonly Uint8Array[];
}

/** What {@link addValidationData} adds; certificates as DER or PEM (a PEM text may hold several). */
export interface ValidationDataInput {
  readonly certificates?: readonly CertificateInput[];
  readonly crls?: readonly Uint8Array[];
  readonly ocspResponses?: readonly Uint8Array[];
}

const KEYS = { certificates: 'Certs', crls: 'CRLs', ocspResponses: 'OCSPs' } as const;

/**
 * Reads the catalog's `/DSS`: its `/Certs`, `/CRLs` and `/OCSPs` streams, and those the
 * per-signature `/VRI` dictionaries name (`/Cert`, `/CRL`, `/OCSP`; usually the same streams,
 * but some writers list items only there), each item once. Empty lists when the PDF has none;
 * unreadable streams are skipped.
 */
export function readDss(context: PDFContext, catalog: PDFDict): DocumentValidationData {
  const dss = catalog.lookup(PDFName.of('DSS'));
  const out = {
    certificates: [] as Uint8Array[],
    crls: [] as Uint8Array[],
    ocspResponses: [] as Uint8Array[],
  };
  if (!(dss instanceof PDFDict)) return out;
  const collect = (holder: PDFDict, key: string, into: Uint8Array[]) => {
    const list = holder.lookup(PDFName.of(key));
    if (!(list instanceof PDFArray)) return;
    for (const item of list.asArray()) {
      const bytes = streamBytes(context, item);
      if (bytes && !into.some((known) => equalBytes(known, bytes))) into.push(bytes);
    }
  };
  collect(dss, KEYS.certificates, out.certificates);
  collect(dss, KEYS.crls, out.crls);
  collect(dss, KEYS.ocspResponses, out.ocspResponses);
  const vri = dss.lookup(PDFName.of('VRI'));
  if (vri instanceof PDFDict) {
    for (const [, entry] of vri.entries()) {
      const record = entry instanceof PDFRef ? context.lookup(entry) : entry;
      if (!(record instanceof PDFDict)) continue;
      collect(record, 'Cert', out.certificates);
      collect(record, 'CRL', out.crls);
      collect(record, 'OCSP', out.ocspResponses);
    }
  }
  return out;
}

/**
 * Adds long-term validation data to a PDF (PAdES-B-LT): the certificates, CRLs and OCSP
 * responses a verifier needs to check its signatures later, offline, after the CAs' services
 * are gone. They go into the Document Security Store (`/DSS` in the catalog) in an incremental
 * update, so every signature stays valid and verifiers read the update as validation data, not
 * as a change of the document. Entries of an existing DSS are kept; items already there are
 * not added twice.
 *
 * A document time-stamp over the result makes it PAdES-B-LTA.
 *
 * @example
 * const lt = await addValidationData(signedPdf, {
 *   certificates: [caPem],
 *   crls: [crlDer],
 *   ocspResponses: [ocspDer],
 * });
 */
export async function addValidationData(
  pdf: Uint8Array,
  data: ValidationDataInput,
): Promise<Uint8Array> {
  const update = await PdfUpdate.open(pdf);
  const { context } = update;
  const dss = update.dictionary(update.root, update.catalog, 'DSS');
  if (!dss) throw new TypeError('Unreachable: the DSS is created when absent.');
  dss.set(PDFName.of('Type'), PDFName.of('DSS'));
  const certificates = (data.certificates ?? []).flatMap((input) =>
    typeof input === 'string' ? pemBlocks(input) : [certificateDer(input) ?? new Uint8Array()],
  );
  const lists: [string, readonly Uint8Array[]][] = [
    [KEYS.certificates, certificates],
    [KEYS.crls, data.crls ?? []],
    [KEYS.ocspResponses, data.ocspResponses ?? []],
  ];
  for (const [key, items] of lists) {
    const existing = dss.lookup(PDFName.of(key));
    const entries = existing instanceof PDFArray ? existing.asArray() : [];
    const present = entries.flatMap((item) => {
      const bytes = streamBytes(context, item);
      return bytes ? [bytes] : [];
    });
    const added: PDFRef[] = [];
    for (const item of items) {
      if (item.length === 0 || present.some((known) => equalBytes(known, item))) continue;
      present.push(item);
      added.push(context.register(context.flateStream(item)));
    }
    if (added.length === 0) continue;
    // A new array, written in the DSS itself: an existing one may be shared or indirect.
    dss.set(PDFName.of(key), context.obj([...entries, ...added]));
  }
  // Declares the PAdES extension to PDF 1.7 the DSS belongs to (ETSI TS 102 778-4 Annex A),
  // unless the file says PDF 2.0, where the DSS is part of the standard.
  if (!/^%PDF-2\./.test(new TextDecoder('latin1').decode(pdf.subarray(0, 8)))) {
    const extensions = update.dictionary(update.root, update.catalog, 'Extensions', 'direct');
    if (extensions && !extensions.has(PDFName.of('ESIC'))) {
      extensions.set(
        PDFName.of('ESIC'),
        context.obj({ BaseVersion: PDFName.of('1.7'), ExtensionLevel: 1 }),
      );
    }
  }
  return update.write().bytes;
}

function streamBytes(context: PDFContext, item: PDFObject): Uint8Array | undefined {
  const stream = item instanceof PDFRef ? context.lookup(item) : item;
  if (!(stream instanceof PDFRawStream)) return undefined;
  try {
    return decodePDFRawStream(stream).decode();
  } catch {
    return undefined;
  }
}
