import { fromBase64 } from './bytes.js';

/**
 * A certificate as DER bytes, or as PEM text (`-----BEGIN CERTIFICATE-----`), which is what
 * certification authorities and `openssl` hand out.
 */
export type CertificateInput = Uint8Array | string;

/** DER bytes of every PEM block of the given label in a text, in order. */
export function pemBlocks(text: string, label = 'CERTIFICATE'): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  const pattern = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  for (const match of text.matchAll(pattern)) {
    const der = fromBase64(match[1] ?? '');
    if (der) blocks.push(der);
  }
  return blocks;
}

/**
 * DER bytes of a certificate given as DER or PEM; `undefined` for text without a PEM block.
 * Several blocks in one text (a chain file) give the first; use {@link pemBlocks} for all.
 */
export function certificateDer(input: CertificateInput): Uint8Array | undefined {
  if (typeof input !== 'string') return input;
  return pemBlocks(input)[0];
}
