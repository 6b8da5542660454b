/**
 * The type of a file from its first bytes — never from its name or the browser's claim, which
 * anyone can change. Covers what procedures accept: PDF, JPEG, PNG, WebP, and Office files (ZIP
 * inside). One implementation for the server that stores files and the clients that check them
 * before sending, so the two never disagree.
 */
export function detectMediaType(bytes: Uint8Array): string | undefined {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // "%PDF-" (ISO 32000-1, 7.5.2)
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'application/zip';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') {
    return 'image/webp';
  }
  return undefined;
}

/** Whether a detected type is among the accepted ones; Office files are ZIP inside. */
export function isAcceptedMediaType(
  detected: string | undefined,
  accepted: readonly string[],
): boolean {
  if (!detected) return false;
  if (accepted.includes(detected)) return true;
  return (
    detected === 'application/zip' &&
    accepted.some((type) => type.startsWith('application/vnd.openxmlformats'))
  );
}
