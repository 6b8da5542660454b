import {
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRef,
  PDFString,
} from 'pdf-lib';

/** A signature-like dictionary of a PDF and the name of the field whose value it is. */
export interface FoundSignature {
  readonly dictionary: PDFDict;
  readonly ref: PDFRef | undefined;
  /** `/Sig` (a signature) or `/DocTimeStamp` (a document time-stamp, PAdES-B-LTA). */
  readonly type: 'Sig' | 'DocTimeStamp';
  readonly fieldName: string | undefined;
}

/**
 * Every dictionary with `/ByteRange` and `/Contents` whose `/Type` is `/Sig`, `/DocTimeStamp`
 * or absent, with the (fully qualified) name of the field pointing at it.
 */
export function findSignatures(context: PDFContext): FoundSignature[] {
  const names = new Map<PDFObject, string>();
  const found: FoundSignature[] = [];
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const value = object.get(PDFName.of('V'));
    if (value && object.get(PDFName.of('FT')) === PDFName.of('Sig')) {
      const name = fullName(context, object);
      if (name !== undefined)
        names.set(value instanceof PDFRef ? (context.lookup(value) ?? value) : value, name);
    }
    if (object.get(PDFName.of('ByteRange')) && object.get(PDFName.of('Contents'))) {
      // Usage-rights signatures (Adobe Reader extensions, ISO 32000-1 §12.8.2.3) are Adobe's
      // seal on what Reader may do with a form, nobody's signature of the document.
      if (isUsageRights(context, object)) continue;
      const type = object.get(PDFName.of('Type'));
      if (type === PDFName.of('DocTimeStamp')) {
        found.push({ dictionary: object, ref, type: 'DocTimeStamp', fieldName: undefined });
      } else if (type === undefined || type === PDFName.of('Sig')) {
        found.push({ dictionary: object, ref, type: 'Sig', fieldName: undefined });
      }
    }
  }
  return found.map((item) => ({ ...item, fieldName: names.get(item.dictionary) }));
}

function isUsageRights(context: PDFContext, signature: PDFDict): boolean {
  const references = signature.get(PDFName.of('Reference'));
  const list = references instanceof PDFRef ? context.lookup(references) : references;
  if (!(list instanceof PDFArray)) return false;
  return list.asArray().some((item) => {
    const reference = item instanceof PDFRef ? context.lookup(item) : item;
    const method =
      reference instanceof PDFDict ? reference.get(PDFName.of('TransformMethod')) : undefined;
    return method === PDFName.of('UR3') || method === PDFName.of('UR');
  });
}

/** True when the document already holds a signature or document time-stamp. */
export function hasSignatures(context: PDFContext): boolean {
  return findSignatures(context).length > 0;
}

function fullName(context: PDFContext, field: PDFDict): string | undefined {
  const parts: string[] = [];
  let node: PDFDict | undefined = field;
  for (let depth = 0; node && depth < 32; depth += 1) {
    const t = node.get(PDFName.of('T'));
    if (t instanceof PDFString || t instanceof PDFHexString) parts.unshift(t.decodeText());
    const parent: PDFObject | undefined = node.get(PDFName.of('Parent'));
    node = parent instanceof PDFRef ? context.lookupMaybe(parent, PDFDict) : undefined;
  }
  return parts.length > 0 ? parts.join('.') : undefined;
}
