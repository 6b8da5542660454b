import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import type { DigestAlgorithm } from '../digest/algorithms.js';
import { InvalidPdfError } from '../errors/invalid-pdf-error.js';
import { SignatureFieldError } from '../errors/signature-field-error.js';
import { SignatureTooLargeError } from '../errors/signature-too-large-error.js';
import { concatBytes, latin1, toHex } from '../internal/bytes.js';
import { digestParts } from './byte-range-digest.js';
import { pdfBytes } from './pdf-syntax.js';
import type { PdfUpdate } from './pdf-update.js';

/** Where the signature's widget goes and what it shows. */
export interface SignatureFieldOptions {
  /**
   * The signature field's name. When the PDF already has an empty signature field of that
   * (fully qualified) name, the signature goes into it; otherwise a new field is made.
   * Default: `Signature1`, `Signature2`, … (the first free name).
   */
  readonly fieldName?: string;
  /** Page of a new widget, from 0. Default 0. */
  readonly pageIndex?: number;
  /** `[x1, y1, x2, y2]` of a new widget in page units; default `[0, 0, 0, 0]` (invisible). */
  readonly rect?: readonly [number, number, number, number];
  /**
   * Builds the widget's normal appearance (a form XObject) for the rectangle it will have;
   * without it the appearance is empty.
   */
  readonly appearance?: (
    update: PdfUpdate,
    size: { width: number; height: number },
  ) => PDFRef | Promise<PDFRef>;
}

/** What {@link prepareSignature} writes into the signature dictionary. */
export interface SignatureDictionaryOptions extends SignatureFieldOptions {
  /**
   * The dictionary's entries besides `/ByteRange` and `/Contents`, as PDF syntax:
   * `['/Type /Sig', '/Filter /Adobe.PPKLite', '/SubFilter /ETSI.CAdES.detached', '/M (D:…)']`
   * or `['/Type /DocTimeStamp', '/Filter /Adobe.PPKLite', '/SubFilter /ETSI.RFC3161']`.
   */
  readonly entries: readonly string[];
  /** Bytes reserved for the value (a CMS signature, an RFC 3161 time-stamp token). */
  readonly reserved: number;
  /** Changes the caller makes to the same revision once the signature's reference is known. */
  readonly edit?: (update: PdfUpdate, signature: PDFRef) => void;
}

/** A revision with a signature dictionary whose `/Contents` is still to be filled. */
export interface PreparedSignature {
  /** The whole file with the revision appended, `/Contents` all zeros. */
  readonly pdf: Uint8Array;
  /** `[0, a, b, c]`: the bytes the value must cover, everything but `/Contents`. */
  readonly byteRange: readonly [number, number, number, number];
  /** The field's name. */
  readonly fieldName: string;
  /** The signed bytes, `/ByteRange`'s two parts joined: digest these. */
  signedContent(): Uint8Array;
  /**
   * The digest of the signed bytes, without joining a large file's two parts into a copy (they
   * are streamed through an incremental hash above 32 MiB).
   */
  digest(algorithm: DigestAlgorithm): Promise<Uint8Array>;
  /**
   * The file with `value` (DER) hex-encoded into `/Contents`, written into {@link pdf} itself
   * (no copy of the file is made). Throws {@link SignatureTooLargeError} when it does not fit
   * in the room reserved.
   */
  embed(value: Uint8Array): Uint8Array;
}

const BYTE_RANGE_WIDTH = 10;
const BYTE_RANGE_PLACEHOLDER = `/ByteRange [0 ${'*'.repeat(BYTE_RANGE_WIDTH)} ${'*'.repeat(
  BYTE_RANGE_WIDTH,
)} ${'*'.repeat(BYTE_RANGE_WIDTH)}]`;

/**
 * Appends a signature-like dictionary (`/Sig` or `/DocTimeStamp`) in a signature field: the
 * widget on a page's `/Annots`, the field in the interactive form with `/SigFlags 3`, a
 * `/ByteRange` covering the whole new file except `/Contents`, and `/Contents` reserved as
 * zeros. The caller digests {@link PreparedSignature.signedContent}, makes the value, and
 * {@link PreparedSignature.embed}s it. Used by `signPades` and by document time-stamps.
 */
export async function prepareSignature(
  update: PdfUpdate,
  options: SignatureDictionaryOptions,
): Promise<PreparedSignature> {
  const { context } = update;
  const signatureRef = context.nextRef();
  const acroForm = update.dictionary(update.root, update.catalog, 'AcroForm');
  if (!acroForm) throw new InvalidPdfError('No interactive form.');
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const acroFormRef = holderOf(update, update.catalog, 'AcroForm');
  const fields = update.array(acroFormRef, acroForm, 'Fields');

  const existing =
    options.fieldName === undefined ? undefined : findField(update, fields, options.fieldName);
  let fieldName: string;
  if (existing) {
    fieldName = existing.name;
    const { field, ref } = existing;
    if (fieldType(update, field) !== 'Sig') {
      throw new SignatureFieldError('not-a-signature-field', fieldName);
    }
    if (field.get(PDFName.of('V'))) {
      throw new SignatureFieldError('already-signed', fieldName);
    }
    field.set(PDFName.of('V'), signatureRef);
    update.changed(ref);
    const kids = field.lookup(PDFName.of('Kids'));
    const widgetRef = kids instanceof PDFArray ? kids.get(0) : ref;
    const widget = widgetRef instanceof PDFRef ? context.lookup(widgetRef) : undefined;
    if (options.appearance && widgetRef instanceof PDFRef && widget instanceof PDFDict) {
      const [x1, y1, x2, y2] = rectOf(widget);
      const appearance = await options.appearance(update, {
        width: Math.abs(x2 - x1),
        height: Math.abs(y2 - y1),
      });
      widget.set(PDFName.of('AP'), context.obj({ N: appearance }));
      update.changed(widgetRef);
    }
  } else {
    fieldName = options.fieldName ?? freeFieldName(update, fields);
    // A period separates the parts of a qualified name (ISO 32000-1 §12.7.3.2): a new
    // top-level field cannot have one, and a dotted name that matched nothing is a typo.
    if (fieldName.includes('.')) {
      throw new SignatureFieldError('not-found', fieldName);
    }
    const pages = update.document.getPages();
    const pageIndex = options.pageIndex ?? 0;
    const page = pages[pageIndex];
    if (!page) {
      throw new InvalidPdfError(
        pages.length === 0 ? 'The PDF has no page.' : `The PDF has no page ${pageIndex + 1}.`,
      );
    }
    const rect = options.rect ?? [0, 0, 0, 0];
    const width = Math.abs(rect[2] - rect[0]);
    const height = Math.abs(rect[3] - rect[1]);
    const appearance =
      options.appearance && width > 0 && height > 0
        ? await options.appearance(update, { width, height })
        : update.addRaw(
            // An empty appearance keeps PDF/A validators content (ISO 19005-2 §6.3.3).
            `<< /Type /XObject /Subtype /Form /BBox [0 0 ${width} ${height}] /Resources << >> /Length 0 >>\nstream\n\nendstream`,
          );
    // Printable and locked (/F 132); a zero rectangle makes it invisible.
    const widget = context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [...rect],
      F: 132,
      T: PDFHexString.fromText(fieldName),
      V: signatureRef,
      P: page.ref,
      AP: { N: appearance },
    });
    // pdf-lib writes PDFHexString as UTF-16; plain names read better as literal strings.
    if (/^[\x20-\x7e]*$/.test(fieldName)) widget.set(PDFName.of('T'), PDFString.of(fieldName));
    const widgetRef = context.register(widget);
    update.array(page.ref, page.node, 'Annots').push(widgetRef);
    fields.push(widgetRef);
  }

  options.edit?.(update, signatureRef);

  const body = [
    '<<',
    ...options.entries,
    BYTE_RANGE_PLACEHOLDER,
    `/Contents <${'0'.repeat(options.reserved * 2)}>`,
    '>>',
  ].join('\n');
  // The signature dictionary is written as raw syntax (not through pdf-lib) so that the
  // placeholder's position is known exactly.
  update.addRaw(body, signatureRef);
  const { bytes: out, base } = update.write();

  const revision = latin1(out, base);
  const rangeAt = base + revision.indexOf(BYTE_RANGE_PLACEHOLDER);
  const contentsStart =
    base + revision.indexOf('/Contents <', rangeAt - base) + '/Contents '.length;
  const contentsEnd = contentsStart + options.reserved * 2 + 2;
  const byteRange = [0, contentsStart, contentsEnd, out.length - contentsEnd] as const;
  const range = `/ByteRange [${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  out.set(pdfBytes(range), rangeAt);

  return {
    pdf: out,
    byteRange,
    fieldName,
    signedContent: () => concatBytes(out.subarray(0, contentsStart), out.subarray(contentsEnd)),
    digest: (algorithm) =>
      digestParts([out.subarray(0, contentsStart), out.subarray(contentsEnd)], algorithm),
    embed(value) {
      if (value.length > options.reserved) {
        throw new SignatureTooLargeError(value.length, options.reserved);
      }
      out.set(pdfBytes(toHex(value)), contentsStart + 1);
      return out;
    },
  };
}

/** The indirect object that holds `owner[key]`: the entry's own reference or the owner's. */
function holderOf(update: PdfUpdate, owner: PDFDict, key: string): PDFRef {
  const entry = owner.get(PDFName.of(key));
  return entry instanceof PDFRef ? entry : update.root;
}

interface FoundField {
  readonly name: string;
  readonly field: PDFDict;
  readonly ref: PDFRef;
}

/** A field of the interactive form by its fully qualified name (`parent.child`). */
function findField(update: PdfUpdate, fields: PDFArray, name: string): FoundField | undefined {
  const seen = new Set<string>();
  const walk = (items: PDFArray, prefix: string): FoundField | undefined => {
    for (const item of items.asArray()) {
      if (!(item instanceof PDFRef) || seen.has(item.toString())) continue;
      seen.add(item.toString());
      const field = update.context.lookup(item);
      if (!(field instanceof PDFDict)) continue;
      const partial = textOf(field.get(PDFName.of('T')));
      const full = partial === undefined ? prefix : prefix ? `${prefix}.${partial}` : partial;
      if (partial !== undefined && full === name) return { name: full, field, ref: item };
      const kids = field.lookup(PDFName.of('Kids'));
      if (kids instanceof PDFArray) {
        const found = walk(kids, full);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(fields, '');
}

/** `/FT`, inherited from the parents (ISO 32000-1 §12.7.3.1). */
function fieldType(update: PdfUpdate, field: PDFDict): string | undefined {
  let node: PDFDict | undefined = field;
  for (let depth = 0; node && depth < 32; depth += 1) {
    const type = node.get(PDFName.of('FT'));
    if (type instanceof PDFName) return type.decodeText();
    const parent: PDFObject | undefined = node.get(PDFName.of('Parent'));
    node = parent instanceof PDFRef ? update.context.lookupMaybe(parent, PDFDict) : undefined;
  }
  return undefined;
}

function rectOf(widget: PDFDict): [number, number, number, number] {
  const rect = widget.lookup(PDFName.of('Rect'));
  const numbers =
    rect instanceof PDFArray
      ? rect.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : 0))
      : [];
  return [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0, numbers[3] ?? 0];
}

function textOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString
    ? value.decodeText()
    : undefined;
}

function freeFieldName(update: PdfUpdate, fields: PDFArray): string {
  const taken = new Set<string>();
  for (const entry of fields.asArray()) {
    const field = entry instanceof PDFRef ? update.context.lookup(entry) : entry;
    const name = field instanceof PDFDict ? textOf(field.get(PDFName.of('T'))) : undefined;
    if (name !== undefined) taken.add(name);
  }
  let n = 1;
  while (taken.has(`Signature${n}`)) n += 1;
  return `Signature${n}`;
}
