import { concatBytes } from './bytes.js';
import { encodeElement, encodeUnsignedInteger, readChildren, readElement } from './der.js';

/**
 * WebCrypto returns an ECDSA signature as `r ‖ s` (IEEE P1363), each padded to the curve size;
 * CMS wants the DER `Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 5753).
 */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) {
    throw new TypeError('An ECDSA signature in r‖s form has an even, non-zero length.');
  }
  const half = raw.length / 2;
  return encodeElement(
    0x30,
    encodeUnsignedInteger(raw.subarray(0, half)),
    encodeUnsignedInteger(raw.subarray(half)),
  );
}

/** The `r ‖ s` form of a DER ECDSA signature, each half `size` bytes; `undefined` if not DER. */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array | undefined {
  const sequence = readElement(der);
  if (sequence?.tag !== 0x30 || sequence.end !== der.length) return undefined;
  const parts = readChildren(sequence.value);
  if (parts?.length !== 2 || parts.some((part) => part.tag !== 0x02)) return undefined;
  const halves = parts.map((part) => {
    let value = part.value;
    while (value.length > size && value[0] === 0) value = value.subarray(1);
    if (value.length > size) return undefined;
    const padded = new Uint8Array(size);
    padded.set(value, size - value.length);
    return padded;
  });
  if (!halves[0] || !halves[1]) return undefined;
  return concatBytes(halves[0], halves[1]);
}

/**
 * A remote service may answer with either encoding. DER is taken as it is when it parses
 * exactly; otherwise a value of exactly twice the curve size is read as `r ‖ s`.
 */
export function normalizeEcdsaSignature(signature: Uint8Array, size: number): Uint8Array {
  if (ecdsaDerToRaw(signature, size)) return signature;
  if (signature.length === size * 2) return ecdsaRawToDer(signature);
  throw new TypeError('The ECDSA signature is neither DER nor r‖s of the curve size.');
}
