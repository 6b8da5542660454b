import {
  PDFArray,
  type PDFContext,
  PDFDict,
  type PDFDocument,
  PDFName,
  type PDFObject,
  PDFRef,
} from 'pdf-lib';
import { EncryptedPdfError } from '../errors/encrypted-pdf-error.js';
import { InvalidPdfError } from '../errors/invalid-pdf-error.js';
import { concatBytes, latin1 } from '../internal/bytes.js';
import {
  findPreviousXref,
  type PreviousXref,
  type RevisionObject,
  writeIncrementalUpdate,
} from './incremental-update.js';
import { loadPdf } from './load-pdf.js';
import { pdfBytes } from './pdf-syntax.js';

/**
 * A new revision being built on top of a PDF: the parsed document to read and edit (pdf-lib),
 * and the list of objects the revision rewrites. {@link PdfUpdate.write} appends only those
 * objects as an incremental update (ISO 32000-1 §7.5.6), so every earlier byte — and every
 * earlier signature — stays as it was.
 *
 * Shared by the signature, document time-stamp and validation-data (DSS) writers.
 */
export class PdfUpdate {
  readonly pdf: Uint8Array;
  readonly document: PDFDocument;
  readonly previous: PreviousXref;
  /** The catalog's reference (`/Root`). */
  readonly root: PDFRef;
  readonly #firstNew: number;
  readonly #changed = new Map<string, PDFRef>();
  readonly #raw = new Map<string, RevisionObject>();

  private constructor(
    pdf: Uint8Array,
    document: PDFDocument,
    previous: PreviousXref,
    root: PDFRef,
  ) {
    this.pdf = pdf;
    this.document = document;
    this.previous = previous;
    this.root = root;
    const { context } = document;
    // Number new objects past every number used so far: the trailer's /Size may count objects
    // pdf-lib consumed (object and cross-reference streams) and reusing them would hide the
    // objects those hold.
    context.largestObjectNumber = Math.max(context.largestObjectNumber, previous.size - 1);
    this.#firstNew = context.largestObjectNumber + 1;
  }

  /**
   * Parses a PDF for an update. Throws {@link EncryptedPdfError} for an encrypted file and
   * {@link InvalidPdfError} for one that is not a PDF or has no cross-reference section to
   * chain to.
   */
  static async open(pdf: Uint8Array): Promise<PdfUpdate> {
    if (!latin1(pdf, 0, Math.min(pdf.length, 1024)).includes('%PDF-')) {
      throw new InvalidPdfError('No %PDF- header.');
    }
    const document = await loadPdf(pdf);
    const previous = findPreviousXref(pdf);
    if (!previous) throw new InvalidPdfError('No cross-reference section (xref) in the file.');
    const { Root } = document.context.trailerInfo;
    if (!(Root instanceof PDFRef) || !(document.context.lookup(Root) instanceof PDFDict)) {
      throw new InvalidPdfError('The trailer has no /Root catalog.');
    }
    return new PdfUpdate(pdf, document, previous, Root);
  }

  get context(): PDFContext {
    return this.document.context;
  }

  get catalog(): PDFDict {
    return this.document.catalog;
  }

  /** Marks an existing object as rewritten by this revision. */
  changed(ref: PDFRef): void {
    this.#changed.set(ref.toString(), ref);
  }

  /**
   * Adds an object written as raw PDF syntax (a signature dictionary with its placeholder),
   * under `ref` when one was handed out before with `context.nextRef()`.
   */
  addRaw(body: Uint8Array | string, ref: PDFRef = this.context.nextRef()): PDFRef {
    this.#raw.set(ref.toString(), {
      objectNumber: ref.objectNumber,
      generation: 0,
      body: typeof body === 'string' ? pdfBytes(body) : body,
    });
    return ref;
  }

  /**
   * The dictionary under `key` of `owner` (held by the indirect object `holder`), ready to
   * edit: the object that holds it is marked changed. Created empty when absent, as its own
   * object or inside `owner` (`create`), or not at all.
   */
  dictionary(
    holder: PDFRef,
    owner: PDFDict,
    key: string,
    create: 'indirect' | 'direct' | false = 'indirect',
  ): PDFDict | undefined {
    const entry = owner.get(PDFName.of(key));
    if (entry instanceof PDFRef) {
      const value = this.context.lookup(entry);
      if (value instanceof PDFDict) {
        this.changed(entry);
        return value;
      }
    }
    if (entry instanceof PDFDict) {
      this.changed(holder);
      return entry;
    }
    if (!create) return undefined;
    const made = this.context.obj({});
    owner.set(PDFName.of(key), create === 'direct' ? made : this.context.register(made));
    this.changed(holder);
    return made;
  }

  /** Like {@link PdfUpdate.dictionary}, for an array (`/Annots`, `/Fields`). */
  array(holder: PDFRef, owner: PDFDict, key: string): PDFArray {
    const entry = owner.get(PDFName.of(key));
    if (entry instanceof PDFRef) {
      const value = this.context.lookup(entry);
      if (value instanceof PDFArray) {
        this.changed(entry);
        return value;
      }
    }
    if (entry instanceof PDFArray) {
      this.changed(holder);
      return entry;
    }
    const made = this.context.obj([]);
    owner.set(PDFName.of(key), made);
    this.changed(holder);
    return made;
  }

  /**
   * The whole file with the revision appended: the original bytes, a line end if they lack one,
   * then the new and changed objects, a cross-reference section and a trailer chaining to the
   * previous one. `base` is where the revision starts.
   */
  write(): { bytes: Uint8Array; base: number } {
    const { context, pdf } = this;
    const objects: RevisionObject[] = [...this.#raw.values()];
    const refs = new Map(this.#changed);
    for (const [ref] of context.enumerateIndirectObjects()) {
      if (ref.objectNumber >= this.#firstNew && !this.#raw.has(ref.toString())) {
        refs.set(ref.toString(), ref);
      }
    }
    for (const ref of refs.values()) {
      objects.push({
        objectNumber: ref.objectNumber,
        generation: ref.generationNumber,
        body: serialize(context.lookup(ref)),
      });
    }
    const xrefStreamNumber = this.previous.kind === 'stream' ? context.nextRef().objectNumber : 0;
    const { Info, ID } = context.trailerInfo;
    const last = pdf[pdf.length - 1];
    const separator = last === 0x0a || last === 0x0d ? '' : '\n';
    const base = pdf.length + separator.length;
    const update = writeIncrementalUpdate(base, this.previous, objects, {
      size: context.largestObjectNumber + 1,
      root: this.root.toString(),
      ...(Info instanceof PDFRef ? { info: Info.toString() } : {}),
      ...(ID ? { id: ID.toString() } : {}),
      xrefStreamNumber,
    });
    return { bytes: concatBytes(pdf, pdfBytes(separator), update), base };
  }
}

function serialize(object: PDFObject | undefined): Uint8Array {
  if (!object) throw new InvalidPdfError('A referenced object is missing.');
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}
