/**
 * A very small DER reader and writer, for the few structures the signers need (ECDSA
 * signatures, a certificate's public-key algorithm, RSA-PSS parameters). Kept apart from asn1js
 * and pkijs so that importing a signer does not pull the whole CMS machinery into a bundle.
 */

/** One DER element: its tag byte, where its value lies, and where it ends. */
export interface DerElement {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
  readonly value: Uint8Array;
}

/** Reads the element at `offset`; `undefined` when the bytes are not DER there. */
export function readElement(bytes: Uint8Array, offset = 0): DerElement | undefined {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) return undefined;
  let cursor = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) return undefined;
    length = 0;
    for (let i = 0; i < count; i += 1) {
      lengthByte = bytes[cursor];
      if (lengthByte === undefined) return undefined;
      length = length * 256 + lengthByte;
      cursor += 1;
    }
    // DER: the short form whenever it fits, no leading zero bytes in the long form.
    if (length < 0x80 || (count > 1 && bytes[offset + 2] === 0)) return undefined;
  }
  const end = cursor + length;
  if (end > bytes.length) return undefined;
  return { tag, start: offset, end, value: bytes.subarray(cursor, end) };
}

/** Reads every element inside a constructed value (a SEQUENCE's contents). */
export function readChildren(value: Uint8Array): DerElement[] | undefined {
  const children: DerElement[] = [];
  let offset = 0;
  while (offset < value.length) {
    const child = readElement(value, offset);
    if (!child) return undefined;
    children.push(child);
    offset = child.end;
  }
  return children;
}

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

/** Encodes one element from its tag and value bytes. */
export function encodeElement(tag: number, ...contents: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of contents) length += part.length;
  const header = encodeLength(length);
  const out = new Uint8Array(1 + header.length + length);
  out[0] = tag;
  out.set(header, 1);
  let offset = 1 + header.length;
  for (const part of contents) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A DER INTEGER holding the unsigned big-endian number `magnitude`. */
export function encodeUnsignedInteger(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start += 1;
  const trimmed = magnitude.subarray(start);
  const needsZero = ((trimmed[0] ?? 0) & 0x80) !== 0;
  return encodeElement(0x02, needsZero ? Uint8Array.of(0) : new Uint8Array(0), trimmed);
}

/** A small non-negative DER INTEGER. */
export function encodeSmallInteger(value: number): Uint8Array {
  const bytes: number[] = [];
  for (let n = value; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return encodeUnsignedInteger(Uint8Array.from(bytes.length ? bytes : [0]));
}

/** A DER OBJECT IDENTIFIER from its dotted form. */
export function encodeOid(oid: string): Uint8Array {
  const arcs = oid.split('.').map(Number);
  const first = (arcs[0] ?? 0) * 40 + (arcs[1] ?? 0);
  const body: number[] = [];
  for (const arc of [first, ...arcs.slice(2)]) {
    const chunk: number[] = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128))
      chunk.unshift(0x80 | (n & 0x7f));
    body.push(...chunk);
  }
  return encodeElement(0x06, Uint8Array.from(body));
}

/** The dotted form of an OBJECT IDENTIFIER's value bytes. */
export function decodeOid(value: Uint8Array): string {
  const arcs: number[] = [];
  let n = 0;
  for (const byte of value) {
    n = n * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      arcs.push(n);
      n = 0;
    }
  }
  const first = arcs.shift() ?? 0;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}
