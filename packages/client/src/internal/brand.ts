/**
 * The mark that makes the error guards work across realms (an iframe, a worker's copy) and
 * across two bundled copies of this package, where `instanceof` fails: a symbol from the
 * global registry, shared by every realm of the page, holding the kinds an error is.
 */
const KINDS = Symbol.for('@egov-kit/client:error-kinds');

interface Branded {
  [KINDS]?: readonly string[];
}

/** Marks `error` as being of `kind` too (a `ConflictError` is an `ApiError`). */
export function brand(error: Error, kind: string): void {
  const kinds = (error as Branded)[KINDS] ?? [];
  Object.defineProperty(error, KINDS, { value: [...kinds, kind], configurable: true });
}

/** Whether `value` is an error marked with `kind`, from this realm or another. */
export function isKind(value: unknown, kind: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const kinds = (value as Branded)[KINDS];
  return Array.isArray(kinds) && kinds.includes(kind);
}
