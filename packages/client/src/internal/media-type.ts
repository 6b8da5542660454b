/**
 * The type of a file from its first bytes, as the reference server detects it
 * (`packages/server/src/services/media-type.ts`): the name and the browser's claim can be
 * anything, so a file is checked by content before it is sent.
 */
export function detectMediaType(bytes: Uint8Array): string | undefined {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'application/zip';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP')
    return 'image/webp';
  return undefined;
}

/** Whether a detected type is accepted; Office files are ZIP inside, as on the server. */
export function isAccepted(detected: string | undefined, accepted: readonly string[]): boolean {
  if (!detected) return false;
  if (accepted.includes(detected)) return true;
  return (
    detected === 'application/zip' &&
    accepted.some((type) => type.startsWith('application/vnd.openxmlformats'))
  );
}
