/**
 * The QR encoder, in its own chunk: the payment element loads it only when a VietQR code is
 * shown, so that the element's first load stays small.
 */
import { encode } from 'uqr';

/** The code's modules as one SVG path (a square per dark module) and its size in modules. */
export function qrPath(text: string): { path: string; size: number } {
  // Level M: survives a glare on a screen; the border is the four-module quiet zone.
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { path, size };
}
