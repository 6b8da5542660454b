/**
 * What an upload accepts, and how a file is recognised: by its extension and by its first bytes
 * (its "magic number"), because a file renamed to `.pdf` is not a PDF and a server would refuse
 * it after a long upload on a slow connection. Only for the kinds known here is the content
 * checked; any other accepted kind is judged by its name.
 */
export interface FileKind {
  /** How the kind is named to people: `PDF`, `JPG`. */
  readonly name: string;
  readonly extensions: readonly string[];
  readonly mime: string;
  /** The bytes every file of the kind starts with. */
  readonly magic?: readonly number[];
  /** An image a browser can show as a thumbnail. */
  readonly image?: boolean;
}

export const KNOWN_KINDS: readonly FileKind[] = [
  // "%PDF-" (ISO 32000-1, 7.5.2: the header line).
  {
    name: 'PDF',
    extensions: ['pdf'],
    mime: 'application/pdf',
    magic: [0x25, 0x50, 0x44, 0x46, 0x2d],
  },
  // SOI marker and the first byte of the next marker (ITU T.81, Annex B).
  {
    name: 'JPG',
    extensions: ['jpg', 'jpeg'],
    mime: 'image/jpeg',
    magic: [0xff, 0xd8, 0xff],
    image: true,
  },
  // The PNG signature (ISO/IEC 15948, 5.2).
  {
    name: 'PNG',
    extensions: ['png'],
    mime: 'image/png',
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    image: true,
  },
];

/** The kinds an `accept` list allows: `.pdf`, `image/png`, `image/*`; unknown extensions too. */
export function acceptedKinds(accept: string): FileKind[] {
  const kinds: FileKind[] = [];
  const add = (kind: FileKind) => {
    if (!kinds.includes(kind)) kinds.push(kind);
  };
  for (const raw of accept.split(',')) {
    const token = raw.trim().toLowerCase();
    if (!token) continue;
    const known = KNOWN_KINDS.filter(
      (kind) =>
        kind.mime === token ||
        kind.extensions.includes(token.replace(/^\./, '')) ||
        (token.endsWith('/*') && kind.mime.startsWith(token.slice(0, -1))),
    );
    if (known.length) known.forEach(add);
    else if (token.startsWith('.')) {
      const extension = token.slice(1);
      add({ name: extension.toUpperCase(), extensions: [extension], mime: '' });
    }
  }
  return kinds;
}

/** The kind a file claims by its name, among those accepted; `undefined` if none. */
export function kindOf(file: File, kinds: readonly FileKind[]): FileKind | undefined {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return kinds.find((kind) => kind.extensions.includes(extension));
}

/** Whether the file's first bytes are those of its kind (always, for a kind without magic). */
export async function contentMatches(file: File, kind: FileKind): Promise<boolean> {
  const magic = kind.magic;
  if (!magic) return true;
  const head = new Uint8Array(await file.slice(0, magic.length).arrayBuffer());
  return magic.every((byte, index) => head[index] === byte);
}

/**
 * The number of pages of a PDF, when it can be told cheaply: page objects written out in the
 * file (`/Type /Page`), else the largest `/Count` of a page tree. A PDF that keeps its objects
 * in compressed streams hides both: then `undefined`, and nothing is shown.
 */
export async function pdfPageCount(file: File): Promise<number | undefined> {
  // Reading a large scan on a low-end phone is not cheap: skip files over 10 MB.
  if (file.size > 10 * 1024 * 1024) return undefined;
  const text = new TextDecoder('latin1').decode(await file.arrayBuffer());
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  if (pages > 0) return pages;
  const counts = Array.from(text.matchAll(/\/Count\s+(\d+)/g), (match) => Number(match[1]));
  return counts.length ? Math.max(...counts) : undefined;
}
