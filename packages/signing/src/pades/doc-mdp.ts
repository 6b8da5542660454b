import { PDFArray, type PDFContext, PDFDict, PDFName, PDFNumber, PDFRef } from 'pdf-lib';

/**
 * DocMDP permissions of a certifying signature (ISO 32000-1 §12.8.2.2, Table 254):
 * 1 — no change at all; 2 — filling in forms, instantiating page templates and signing;
 * 3 — as 2, plus annotations (comments) made, changed or deleted.
 */
export type DocMdpPermission = 1 | 2 | 3;

/** The document's certification, if it has one: its permissions and its signature dictionary. */
export interface Certification {
  readonly permission: DocMdpPermission;
  readonly signature: PDFDict;
}

/**
 * Reads the certification from the catalog's `/Perms /DocMDP` and the signature's `/Reference`
 * entry with `/TransformMethod /DocMDP` (`/P` defaults to 2). `undefined` when the document is
 * not certified.
 */
export function certificationOf(context: PDFContext, catalog: PDFDict): Certification | undefined {
  const perms = catalog.lookup(PDFName.of('Perms'));
  if (!(perms instanceof PDFDict)) return undefined;
  const entry = perms.get(PDFName.of('DocMDP'));
  const signature = entry instanceof PDFRef ? context.lookup(entry) : entry;
  if (!(signature instanceof PDFDict)) return undefined;
  return { permission: docMdpPermission(context, signature) ?? 2, signature };
}

/** `/P` of a signature dictionary's DocMDP reference, when it has one. */
export function docMdpPermission(
  context: PDFContext,
  signature: PDFDict,
): DocMdpPermission | undefined {
  const references = signature.get(PDFName.of('Reference'));
  const list = references instanceof PDFRef ? context.lookup(references) : references;
  if (!(list instanceof PDFArray)) return undefined;
  for (const item of list.asArray()) {
    const reference = item instanceof PDFRef ? context.lookup(item) : item;
    if (!(reference instanceof PDFDict)) continue;
    if (reference.get(PDFName.of('TransformMethod')) !== PDFName.of('DocMDP')) continue;
    const params = reference.get(PDFName.of('TransformParams'));
    const dict = params instanceof PDFRef ? context.lookup(params) : params;
    const p = dict instanceof PDFDict ? dict.get(PDFName.of('P')) : undefined;
    const value = p instanceof PDFNumber ? p.asNumber() : 2;
    return value === 1 || value === 3 ? value : 2;
  }
  return undefined;
}
