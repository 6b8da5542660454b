import {
  decodePDFRawStream,
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFObjectParser,
  PDFRawStream,
  PDFRef,
  PDFStream,
} from 'pdf-lib';
import { equalBytes, latin1 } from '../internal/bytes.js';

/**
 * What later revisions changed, from the least to the most serious:
 * - `validation-data`: a DSS (certificates, CRLs, OCSP responses) or a document time-stamp —
 *   what makes a signature long-term valid (PAdES-B-LT/LTA), never a change of the document;
 * - `signatures`: new signatures (their fields and widgets);
 * - `form-fields`: form fields filled in or added;
 * - `annotations`: comments and other annotations made, changed or removed;
 * - `page-content`: anything else — page content, resources, page tree, catalog entries,
 *   removed fields or signatures, bytes that are not a PDF revision. The document people see
 *   may differ from the one that was signed.
 */
export const CHANGE_KINDS = [
  'validation-data',
  'signatures',
  'form-fields',
  'annotations',
  'page-content',
] as const;

/** One of {@link CHANGE_KINDS}. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The changes found after one revision. */
export interface RevisionChanges {
  /** The kinds of change found, in {@link CHANGE_KINDS} order; empty when nothing changed. */
  readonly kinds: readonly ChangeKind[];
  /** A developer's notes on what changed (English), e.g. `7 0 R (page 1): /Contents`. */
  readonly details: readonly string[];
}

/** Changes DocMDP permits after a certification with permission `p` (ISO 32000-1 Table 254). */
export function allowedByDocMdp(p: 1 | 2 | 3): ReadonlySet<ChangeKind> {
  // DSS and document time-stamps are not document changes (ETSI EN 319 142-1 §5.4, ISO
  // 32000-2 §12.8.4.3): Acrobat adds them to certified documents of every level.
  const allowed = new Set<ChangeKind>(['validation-data']);
  if (p >= 2) {
    allowed.add('form-fields');
    allowed.add('signatures');
  }
  if (p === 3) allowed.add('annotations');
  return allowed;
}

const ANNOTATION_SUBTYPES = new Set([
  'Text',
  'Link',
  'FreeText',
  'Line',
  'Square',
  'Circle',
  'Polygon',
  'PolyLine',
  'Highlight',
  'Underline',
  'Squiggly',
  'StrikeOut',
  'Caret',
  'Stamp',
  'Ink',
  'Popup',
  'FileAttachment',
  'Sound',
  'Movie',
  'Screen',
  'Widget',
  'PrinterMark',
  'TrapNet',
  'Watermark',
  '3D',
  'Redact',
  'Projection',
  'RichMedia',
]);

/**
 * What filling in a field (or signing an empty signature field) changes: the value, the
 * appearance and its state, the text style a viewer regenerates it with, and the widget's
 * flags and page.
 */
const FILLING_KEYS = new Set(['V', 'AS', 'AP', 'DV', 'RV', 'DA', 'MK', 'F', 'P']);

/** Catalog entries a change of which is not a change of the document people see. */
const NEUTRAL_CATALOG_KEYS = new Set(['Metadata']);

/**
 * Compares the revision a signature covers (the first `signedLength` bytes) with the whole
 * file, object by object, and classifies every difference. `after` is the whole file, parsed.
 */
export async function changesAfter(
  pdf: Uint8Array,
  signedLength: number,
  after: PDFDocument,
): Promise<RevisionChanges> {
  const found = new Map<ChangeKind, string[]>();
  const note = (kind: ChangeKind, detail: string) => {
    const list = found.get(kind) ?? [];
    if (list.length < 20) list.push(detail);
    found.set(kind, list);
  };
  const result = (): RevisionChanges => ({
    kinds: CHANGE_KINDS.filter((kind) => found.has(kind)),
    details: CHANGE_KINDS.flatMap((kind) => (found.get(kind) ?? []).map((d) => `${kind}: ${d}`)),
  });
  if (signedLength >= pdf.length) return result();

  const tail = latin1(pdf, signedLength);
  if (!/%%EOF\s*$/.test(tail)) {
    note('page-content', 'bytes after the last revision that are not a PDF revision');
  }
  let before: PDFDocument;
  try {
    before = await PDFDocument.load(pdf.subarray(0, signedLength), {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } catch {
    note('page-content', 'the signed revision cannot be read on its own');
    return result();
  }
  const old = before.context;
  const now = after.context;

  const oldRoot = old.trailerInfo.Root;
  const newRoot = now.trailerInfo.Root;
  if (String(oldRoot) !== String(newRoot)) note('page-content', 'the trailer names another /Root');
  if (now.trailerInfo.Encrypt && !old.trailerInfo.Encrypt) note('page-content', '/Encrypt added');
  // What the later cross-reference sections say, which is what viewers follow: objects
  // deleted, or pointed at other bytes of the signed revision (a "shadow" definition hidden in
  // the signed bytes, which the object comparison below would not see).
  let signedXref: Map<number, XrefEntry> | undefined;
  for (const [number, entry] of xrefEntries(pdf, signedLength, pdf.length, now)) {
    if (number === 0) continue;
    const ref = PDFRef.of(number, 0);
    if (entry.kind === 'free') {
      if (old.lookup(ref) !== undefined) note('page-content', `${ref} deleted`);
    } else if (entry.kind === 'offset' && entry.offset < signedLength) {
      signedXref ??= xrefEntries(pdf, 0, signedLength, old);
      const before = signedXref.get(number);
      if (before?.kind !== 'offset' || before.offset !== entry.offset) {
        note('page-content', `${ref} pointed at other bytes of the signed revision`);
      }
    }
  }

  const roles = new Roles(now, after, old, before);
  const referencedBefore = allReferences(old);
  const info = now.trailerInfo.Info;

  for (const [ref, object] of now.enumerateIndirectObjects()) {
    const previous = old.lookup(ref);
    if (previous !== undefined && sameObject(previous, object)) continue;
    const label = roles.label(ref);
    if (info instanceof PDFRef && ref === info) continue; // document information: metadata only
    if (previous === undefined) {
      if (referencedBefore.has(ref.toString())) {
        // A reference of the signed revision that pointed nowhere now points somewhere.
        note('page-content', `${label} was referenced before signing and defined after`);
        continue;
      }
      const kind = roles.newObjectKind(ref, object);
      if (kind) note(kind, `${label} added`);
      continue;
    }
    for (const [kind, detail] of roles.changedObjectKinds(ref, previous, object)) {
      note(kind, `${label}: ${detail}`);
    }
  }
  return result();
}

/** What the objects of both revisions are: pages, annotations, fields, validation data. */
class Roles {
  readonly #now: PDFContext;
  readonly #old: PDFContext;
  readonly #pages = new Map<string, number>();
  /** Objects of the DSS, in the signed revision (`old`) and in the whole file (`now`). */
  readonly #dss = { old: new Set<string>(), now: new Set<string>() };
  readonly #annotsArrays = new Set<string>();
  readonly #fieldsArrays = new Set<string>();
  readonly #acroForms = new Set<string>();
  /** Objects under an annotation's appearance, with the annotation's kind. */
  readonly #appearances = new Map<string, ChangeKind>();
  /** Objects the signed revision's pages draw with: content streams and resources. */
  readonly #pageContent = new Set<string>();
  readonly #root: string;

  constructor(now: PDFContext, after: PDFDocument, old: PDFContext, before: PDFDocument) {
    this.#now = now;
    this.#old = old;
    this.#root = String(now.trailerInfo.Root);
    for (const [document, context] of [
      [before, old],
      [after, now],
    ] as const) {
      let pages: ReturnType<PDFDocument['getPages']> = [];
      try {
        pages = document.getPages();
      } catch {
        pages = [];
      }
      for (const [index, page] of pages.entries()) {
        this.#pages.set(page.ref.toString(), index);
        if (context === old) {
          // Resources may be inherited from the page tree; a font or image an appearance
          // shares with the page is page content first.
          for (const key of ['Contents', 'Resources'] as const) {
            for (const inner of reachable(context, page.node.get(PDFName.of(key)), 8)) {
              this.#pageContent.add(inner);
            }
          }
          const inherited = page.node.Resources();
          if (inherited) {
            for (const inner of reachable(context, inherited, 8)) this.#pageContent.add(inner);
          }
        }
        const annots = page.node.get(PDFName.of('Annots'));
        if (annots instanceof PDFRef) this.#annotsArrays.add(annots.toString());
        const list = page.node.lookup(PDFName.of('Annots'));
        if (list instanceof PDFArray) {
          for (const item of list.asArray()) {
            const annotation = item instanceof PDFRef ? context.lookup(item) : item;
            if (!(annotation instanceof PDFDict)) continue;
            // What an already signed signature shows was signed with it: changing it later is
            // not a new signature.
            const kind =
              context === old && isSignedSignature(context, annotation)
                ? 'page-content'
                : annotationKind(context, annotation);
            for (const inner of reachable(context, annotation.get(PDFName.of('AP')), 6)) {
              if (this.#appearances.get(inner) !== 'page-content')
                this.#appearances.set(inner, kind);
            }
          }
        }
      }
      const catalog = context.lookup(context.trailerInfo.Root);
      if (!(catalog instanceof PDFDict)) continue;
      for (const inner of reachable(context, catalog.get(PDFName.of('DSS')), 4)) {
        this.#dss[context === old ? 'old' : 'now'].add(inner);
      }
      const acroForm = catalog.get(PDFName.of('AcroForm'));
      if (acroForm instanceof PDFRef) this.#acroForms.add(acroForm.toString());
      const form = catalog.lookup(PDFName.of('AcroForm'));
      const fields = form instanceof PDFDict ? form.get(PDFName.of('Fields')) : undefined;
      if (fields instanceof PDFRef) this.#fieldsArrays.add(fields.toString());
    }
  }

  label(ref: PDFRef): string {
    const page = this.#pages.get(ref.toString());
    return page === undefined ? ref.toString() : `${ref} (page ${page + 1})`;
  }

  /** The kind of a new object, or `undefined` for objects that only serve others (fonts, streams). */
  newObjectKind(ref: PDFRef, object: PDFObject): ChangeKind | undefined {
    if (this.#dss.now.has(ref.toString())) return 'validation-data';
    const dict = dictOf(object);
    if (!dict) return undefined;
    const type = nameOf(dict.get(PDFName.of('Type')));
    if (type === 'DocTimeStamp') return 'validation-data';
    if (type === 'Sig') return 'signatures';
    if (type === 'DSS' || type === 'VRI') return 'validation-data';
    if (isAnnotation(dict) || isField(dict)) return annotationKind(this.#now, dict);
    return undefined;
  }

  /** The kinds of change between two versions of an object that existed before. */
  changedObjectKinds(ref: PDFRef, previous: PDFObject, object: PDFObject): [ChangeKind, string][] {
    const key = ref.toString();
    const dict = dictOf(object);
    const oldDict = dictOf(previous);
    const type = dict ? nameOf(dict.get(PDFName.of('Type'))) : undefined;
    const oldType = oldDict ? nameOf(oldDict.get(PDFName.of('Type'))) : undefined;

    // What the signed pages draw with is page content, whatever the new version claims to be:
    // a content stream given /Type /Sig, or listed in a new DSS, is still what people see.
    if (this.#pageContent.has(key) && !this.#pages.has(key)) {
      return [['page-content', type ? `/Type /${type}` : 'page content']];
    }
    // Kinds that rest on what the object was, not only on what it now says it is.
    const was = (name: string) =>
      type === name && oldType === name && object instanceof PDFDict && previous instanceof PDFDict;
    if (this.#dss.old.has(key) || was('DSS') || was('VRI')) return [['validation-data', 'DSS']];
    if (was('DocTimeStamp')) return [['validation-data', 'document time-stamp']];
    if (was('Sig')) return [['signatures', 'signature dictionary']];
    if (key === this.#root && dict && oldDict) return this.#catalogChanges(oldDict, dict);
    if (this.#pages.has(key) && dict && oldDict) {
      return diffKeys(oldDict, dict).flatMap(([name]) =>
        name === 'Annots'
          ? this.#listChanges(
              oldDict.lookup(PDFName.of('Annots')),
              dict.lookup(PDFName.of('Annots')),
              'annotation',
            )
          : [['page-content', `/${name}`] as [ChangeKind, string]],
      );
    }
    if (this.#annotsArrays.has(key)) return this.#listChanges(previous, object, 'annotation');
    if (this.#fieldsArrays.has(key)) return this.#listChanges(previous, object, 'field');
    if (this.#acroForms.has(key) && dict && oldDict) return this.#acroFormChanges(oldDict, dict);
    if (dict && (isAnnotation(dict) || isField(dict))) {
      // The more serious of what it was and what it is: a comment that now claims to be a
      // signature field is still a changed comment.
      const kind = [annotationKind(this.#now, dict), oldDict && annotationKind(this.#old, oldDict)]
        .filter((item): item is ChangeKind => item !== undefined)
        .sort((a, b) => CHANGE_KINDS.indexOf(b) - CHANGE_KINDS.indexOf(a))[0] as ChangeKind;
      if (oldDict && isSignedSignature(this.#old, oldDict)) {
        return [['page-content', 'a signed signature field changed']];
      }
      if (oldDict && (isAnnotation(oldDict) || isField(oldDict))) {
        const keys = diffKeys(oldDict, dict).map(([name]) => name);
        const detail = keys.map((name) => `/${name}`).join(' ');
        // Filling in a field or signing an empty one changes its value and how it looks;
        // moving, renaming or retyping it is not filling in (DocMDP P = 2 permits only that).
        if (kind !== 'annotations' && keys.some((name) => !FILLING_KEYS.has(name))) {
          return [['page-content', `field changed beyond filling in: ${detail}`]];
        }
        return [[kind, detail]];
      }
      return [['page-content', 'an object became an annotation']];
    }
    const appearance = this.#appearances.get(key);
    if (appearance) return [[appearance, 'appearance stream']];
    if (dict && oldDict && nameOf(dict.get(PDFName.of('Type'))) === 'Metadata') return [];
    return [['page-content', type ? `/Type /${type}` : 'object changed']];
  }

  #catalogChanges(old: PDFDict, now: PDFDict): [ChangeKind, string][] {
    return diffKeys(old, now).flatMap(([name]): [ChangeKind, string][] => {
      if (name === 'DSS' || name === 'Extensions') return [['validation-data', `catalog /${name}`]];
      if (NEUTRAL_CATALOG_KEYS.has(name)) return [];
      if (name === 'AcroForm') {
        const a = old.lookup(PDFName.of('AcroForm'));
        const b = now.lookup(PDFName.of('AcroForm'));
        if (a instanceof PDFDict && b instanceof PDFDict) return this.#acroFormChanges(a, b);
        if (!a && b instanceof PDFDict) {
          return this.#listChanges(undefined, b.lookup(PDFName.of('Fields')), 'field');
        }
      }
      return [['page-content', `catalog /${name}`]];
    });
  }

  #acroFormChanges(old: PDFDict, now: PDFDict): [ChangeKind, string][] {
    return diffKeys(old, now).flatMap(([name]): [ChangeKind, string][] => {
      if (name === 'Fields') {
        return this.#listChanges(
          old.lookup(PDFName.of('Fields')),
          now.lookup(PDFName.of('Fields')),
          'field',
        );
      }
      if (name === 'SigFlags') return [['signatures', 'form /SigFlags']];
      // An XFA form draws the pages itself: a new one is new content, not a filled field.
      if (name === 'XFA') return [['page-content', 'form /XFA']];
      return [['form-fields', `form /${name}`]];
    });
  }

  /** Entries added to or removed from `/Annots` or `/Fields`. */
  #listChanges(
    old: PDFObject | undefined,
    now: PDFObject | undefined,
    what: 'annotation' | 'field',
  ): [ChangeKind, string][] {
    const refs = (value: PDFObject | undefined) =>
      value instanceof PDFArray
        ? value.asArray().map((item) => (item instanceof PDFRef ? item.toString() : 'direct'))
        : [];
    const a = refs(old);
    const b = refs(now);
    const out: [ChangeKind, string][] = [];
    for (const item of b) {
      if (a.includes(item)) continue;
      const object = item === 'direct' ? undefined : this.#now.lookup(refOf(item));
      const dict = dictOf(object);
      out.push([dict ? annotationKind(this.#now, dict) : 'page-content', `${what} ${item} added`]);
    }
    for (const item of a) {
      if (b.includes(item)) continue;
      const object = item === 'direct' ? undefined : this.#old.lookup(refOf(item));
      const dict = dictOf(object);
      const kind = dict ? annotationKind(this.#old, dict) : 'page-content';
      // Removing a comment is an annotation change; removing a field or a signature is not
      // something DocMDP ever permits.
      out.push([
        kind === 'annotations' ? 'annotations' : 'page-content',
        `${what} ${item} removed`,
      ]);
    }
    return out;
  }
}

function refOf(text: string): PDFRef {
  const [number, generation] = text.split(' ').map(Number);
  return PDFRef.of(number ?? 0, generation ?? 0);
}

function dictOf(object: PDFObject | undefined): PDFDict | undefined {
  if (object instanceof PDFDict) return object;
  if (object instanceof PDFStream) return object.dict;
  return undefined;
}

function nameOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFName ? value.decodeText() : undefined;
}

function isAnnotation(dict: PDFDict): boolean {
  const subtype = nameOf(dict.get(PDFName.of('Subtype')));
  return (
    nameOf(dict.get(PDFName.of('Type'))) === 'Annot' ||
    (subtype !== undefined && ANNOTATION_SUBTYPES.has(subtype) && dict.has(PDFName.of('Rect')))
  );
}

function isField(dict: PDFDict): boolean {
  return dict.has(PDFName.of('FT')) || (dict.has(PDFName.of('T')) && dict.has(PDFName.of('Kids')));
}

/**
 * `signatures` for signature fields and their widgets (`validation-data` for a document
 * time-stamp's), `form-fields` for other fields, else `annotations`.
 */
function annotationKind(context: PDFContext, dict: PDFDict): ChangeKind {
  const widget = nameOf(dict.get(PDFName.of('Subtype'))) === 'Widget';
  if (!widget && !isField(dict)) return 'annotations';
  let node: PDFDict | undefined = dict;
  for (let depth = 0; node && depth < 32; depth += 1) {
    const type = nameOf(node.get(PDFName.of('FT')));
    if (type === 'Sig') {
      // The field of a document time-stamp is validation data, not somebody's signature.
      const value = node.lookup(PDFName.of('V'));
      const valueType = value instanceof PDFDict ? nameOf(value.get(PDFName.of('Type'))) : '';
      return valueType === 'DocTimeStamp' ? 'validation-data' : 'signatures';
    }
    if (type) return 'form-fields';
    const parent: PDFObject | undefined = node.get(PDFName.of('Parent'));
    node = parent instanceof PDFRef ? context.lookupMaybe(parent, PDFDict) : undefined;
  }
  return 'form-fields';
}

/** A signature field (or its widget) that already holds a value: somebody signed it. */
function isSignedSignature(context: PDFContext, dict: PDFDict): boolean {
  let node: PDFDict | undefined = dict;
  for (let depth = 0; node && depth < 32; depth += 1) {
    const type = nameOf(node.get(PDFName.of('FT')));
    if (type) return type === 'Sig' && node.get(PDFName.of('V')) !== undefined;
    const parent: PDFObject | undefined = node.get(PDFName.of('Parent'));
    node = parent instanceof PDFRef ? context.lookupMaybe(parent, PDFDict) : undefined;
  }
  return false;
}

/** Keys whose values differ between two dictionaries. */
function diffKeys(a: PDFDict, b: PDFDict): [string][] {
  const names = new Set([...a.keys(), ...b.keys()].map((key) => key.decodeText()));
  const out: [string][] = [];
  for (const name of names) {
    const x = a.get(PDFName.of(name));
    const y = b.get(PDFName.of(name));
    if (x === undefined || y === undefined ? x !== y : !sameObject(x, y)) out.push([name]);
  }
  return out;
}

function sameObject(a: PDFObject, b: PDFObject): boolean {
  if (a instanceof PDFRawStream && b instanceof PDFRawStream) {
    return sameObject(a.dict, b.dict) && equalBytes(a.contents, b.contents);
  }
  if (a.constructor !== b.constructor) return false;
  const size = a.sizeInBytes();
  if (size !== b.sizeInBytes()) return false;
  const x = new Uint8Array(size);
  const y = new Uint8Array(size);
  a.copyBytesInto(x, 0);
  b.copyBytesInto(y, 0);
  return equalBytes(x, y);
}

/** References reachable from `start` within `depth` steps (not following /Parent or /P). */
function reachable(context: PDFContext, start: PDFObject | undefined, depth: number): Set<string> {
  const out = new Set<string>();
  const visit = (value: PDFObject | undefined, left: number) => {
    if (value === undefined || left < 0) return;
    if (value instanceof PDFRef) {
      if (out.has(value.toString())) return;
      out.add(value.toString());
      visit(context.lookup(value), left - 1);
    } else if (value instanceof PDFArray) {
      for (const item of value.asArray()) visit(item, left);
    } else {
      const dict = dictOf(value);
      if (!dict) return;
      for (const [key, item] of dict.entries()) {
        const name = key.decodeText();
        if (name !== 'Parent' && name !== 'P') visit(item, left);
      }
    }
  };
  visit(start, depth);
  return out;
}

/** Every reference any object of the revision makes. */
function allReferences(context: PDFContext): Set<string> {
  const out = new Set<string>();
  const visit = (value: PDFObject | undefined) => {
    if (value instanceof PDFRef) out.add(value.toString());
    else if (value instanceof PDFArray) for (const item of value.asArray()) visit(item);
    else {
      const dict = dictOf(value);
      if (dict) for (const [, item] of dict.entries()) visit(item);
    }
  };
  for (const [, object] of context.enumerateIndirectObjects()) visit(object);
  const { Root, Info } = context.trailerInfo;
  visit(Root);
  visit(Info);
  return out;
}

/** Where a cross-reference section says an object is. */
type XrefEntry =
  | { readonly kind: 'free' }
  | { readonly kind: 'offset'; readonly offset: number }
  | { readonly kind: 'compressed'; readonly stream: number };

/**
 * The entries of every cross-reference section (classic tables and streams) between `start`
 * and `end`, later sections overriding earlier ones — for incremental updates, the file order
 * is the order of revisions.
 */
function xrefEntries(
  pdf: Uint8Array,
  start: number,
  end: number,
  context: PDFContext,
): Map<number, XrefEntry> {
  const text = latin1(pdf, start, end);
  const sections: { at: number; entries: [number, XrefEntry][] }[] = [];
  for (const table of text.matchAll(/(?:^|[\r\n])xref\s*[\r\n]+([\s\S]*?)trailer/g)) {
    const entries: [number, XrefEntry][] = [];
    let number = 0;
    for (const line of (table[1] ?? '').split(/[\r\n]+/)) {
      const header = /^\s*(\d+)\s+(\d+)\s*$/.exec(line);
      if (header) {
        number = Number(header[1]);
        continue;
      }
      const entry = /^\s*(\d{10})\s+(\d{5})\s+([nf])/.exec(line);
      if (!entry) continue;
      entries.push([
        number,
        entry[3] === 'f' ? { kind: 'free' } : { kind: 'offset', offset: Number(entry[1]) },
      ]);
      number += 1;
    }
    sections.push({ at: table.index, entries });
  }
  for (const header of text.matchAll(/(?:^|[\r\n\s])\d+\s+\d+\s+obj\s*(<<)/g)) {
    const dictAt = header.index + header[0].length - 2;
    if (!/^<<[\s\S]{0,512}?\/Type\s*\/XRef\b/.test(text.slice(dictAt, dictAt + 600))) continue;
    let stream: PDFObject;
    try {
      stream = PDFObjectParser.forBytes(pdf.subarray(start + dictAt, end), context).parseObject();
    } catch {
      continue;
    }
    if (stream instanceof PDFRawStream)
      sections.push({ at: dictAt, entries: xrefStreamEntries(stream) });
  }
  const out = new Map<number, XrefEntry>();
  for (const section of sections.sort((a, b) => a.at - b.at)) {
    for (const [number, entry] of section.entries) out.set(number, entry);
  }
  return out;
}

/**
 * Undoes a PNG predictor (ISO 32000-1 §7.4.4.4, `/Predictor` 10–15), which writers such as
 * Acrobat and qpdf apply to cross-reference streams: every row starts with a filter-type byte.
 * pdf-lib's decoder inflates but does not undo predictors.
 */
function unpredict(data: Uint8Array, dict: PDFDict, columns: number): Uint8Array {
  const parms = dict.lookup(PDFName.of('DecodeParms'));
  const params = parms instanceof PDFArray ? parms.lookup(0) : parms;
  if (!(params instanceof PDFDict)) return data;
  const number = (key: string, fallback: number) => {
    const value = params.lookup(PDFName.of(key));
    return value instanceof PDFNumber ? value.asNumber() : fallback;
  };
  const predictor = number('Predictor', 1);
  if (predictor < 10) return data; // 1: none; 2 (TIFF) is not used for cross-references
  const width = number('Columns', columns);
  const rows = Math.floor(data.length / (width + 1));
  const out = new Uint8Array(rows * width);
  for (let r = 0; r < rows; r += 1) {
    const type = data[r * (width + 1)] ?? 0;
    for (let c = 0; c < width; c += 1) {
      const raw = data[r * (width + 1) + 1 + c] ?? 0;
      const left = c > 0 ? (out[r * width + c - 1] ?? 0) : 0;
      const up = r > 0 ? (out[(r - 1) * width + c] ?? 0) : 0;
      const upLeft = r > 0 && c > 0 ? (out[(r - 1) * width + c - 1] ?? 0) : 0;
      let value = raw;
      if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + Math.floor((left + up) / 2);
      else if (type === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[r * width + c] = value & 0xff;
    }
  }
  return out;
}

/** The entries of a cross-reference stream (ISO 32000-1 §7.5.8.3). */
function xrefStreamEntries(stream: PDFRawStream): [number, XrefEntry][] {
  const numbers = (key: string) => {
    const value = stream.dict.lookup(PDFName.of(key));
    return value instanceof PDFArray
      ? value.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : 0))
      : undefined;
  };
  const widths = numbers('W') ?? [];
  const size = stream.dict.lookup(PDFName.of('Size'));
  const index = numbers('Index') ?? [0, size instanceof PDFNumber ? size.asNumber() : 0];
  let data: Uint8Array;
  const [w0 = 1, w1 = 0, w2 = 0] = widths;
  const row = w0 + w1 + w2;
  if (row === 0) return [];
  try {
    data = unpredict(decodePDFRawStream(stream).decode(), stream.dict, row);
  } catch {
    return [];
  }
  const field = (at: number, width: number) => {
    let value = 0;
    for (let i = 0; i < width; i += 1) value = value * 256 + (data[at + i] ?? 0);
    return value;
  };
  const out: [number, XrefEntry][] = [];
  let at = 0;
  for (let i = 0; i + 1 < index.length; i += 2) {
    const first = index[i] ?? 0;
    const count = index[i + 1] ?? 0;
    for (let n = 0; n < count && at + row <= data.length; n += 1, at += row) {
      const type = w0 === 0 ? 1 : field(at, w0);
      const second = field(at + w0, w1);
      if (type === 0) out.push([first + n, { kind: 'free' }]);
      else if (type === 1) out.push([first + n, { kind: 'offset', offset: second }]);
      else if (type === 2) out.push([first + n, { kind: 'compressed', stream: second }]);
    }
  }
  return out;
}
