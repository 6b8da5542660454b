import { latin1 } from '../internal/bytes.js';

/** An object of the new revision: its number and its serialized body (between `obj` and `endobj`). */
export interface RevisionObject {
  readonly objectNumber: number;
  readonly generation: number;
  readonly body: Uint8Array;
}

/** What the trailer of the new revision carries over from the previous one (PDF syntax). */
export interface RevisionTrailer {
  readonly size: number;
  readonly root: string;
  readonly info?: string;
  readonly id?: string;
  /** Object number free for an xref stream, when the previous revision used one. */
  readonly xrefStreamNumber: number;
}

/** Where the previous revision's cross-reference section starts, its kind and its `/Size`. */
export interface PreviousXref {
  readonly offset: number;
  readonly kind: 'table' | 'stream';
  /**
   * One more than the highest object number used so far. New objects must be numbered from
   * here: a parser may drop objects it consumed (object and xref streams), and reusing their
   * numbers would hide the objects stored inside them.
   */
  readonly size: number;
}

/** Reads `startxref` at the end of a PDF; `undefined` when it is missing or points nowhere. */
export function findPreviousXref(pdf: Uint8Array): PreviousXref | undefined {
  const tail = latin1(pdf, Math.max(0, pdf.length - 2048));
  const at = tail.lastIndexOf('startxref');
  if (at === -1) return undefined;
  const match = /^startxref\s+(\d+)/.exec(tail.slice(at));
  const offset = match ? Number(match[1]) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset >= pdf.length) return undefined;
  const head = latin1(pdf, offset, Math.min(pdf.length, offset + 64));
  const kind = head.startsWith('xref')
    ? 'table'
    : /^\d+\s+\d+\s+obj/.test(head)
      ? 'stream'
      : undefined;
  if (!kind) return undefined;
  // The trailer dictionary follows a table; an xref stream's dictionary holds the same keys.
  const section = latin1(pdf, offset);
  const dictionaryAt = kind === 'table' ? section.indexOf('trailer') : 0;
  const end = section.indexOf(kind === 'table' ? 'startxref' : 'stream', dictionaryAt);
  const size = /\/Size\s+(\d+)/.exec(section.slice(dictionaryAt, end === -1 ? undefined : end));
  if (dictionaryAt === -1 || !size) return undefined;
  return { offset, kind, size: Number(size[1]) };
}

/**
 * Writes an incremental update (ISO 32000-1 §7.5.6): the new and changed objects, a
 * cross-reference section for them of the same kind as the previous one, and a trailer whose
 * `/Prev` chains to it. The original bytes stay untouched, so earlier signatures stay valid.
 *
 * Returns the section's bytes; `base` is the length of the file it is appended to.
 */
export function writeIncrementalUpdate(
  base: number,
  previous: PreviousXref,
  objects: readonly RevisionObject[],
  trailer: RevisionTrailer,
): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const push = (bytes: Uint8Array) => {
    chunks.push(bytes);
    length += bytes.length;
  };
  const text = (value: string) => push(new TextEncoder().encode(value));

  const offsets = new Map<number, { offset: number; generation: number }>();
  for (const object of [...objects].sort((a, b) => a.objectNumber - b.objectNumber)) {
    offsets.set(object.objectNumber, { offset: base + length, generation: object.generation });
    text(`${object.objectNumber} ${object.generation} obj\n`);
    push(object.body);
    text('\nendobj\n');
  }

  const trailerEntries = [
    `/Size ${trailer.size}`,
    `/Root ${trailer.root}`,
    ...(trailer.info ? [`/Info ${trailer.info}`] : []),
    ...(trailer.id ? [`/ID ${trailer.id}`] : []),
    `/Prev ${previous.offset}`,
  ];
  const xrefOffset = base + length;

  if (previous.kind === 'table') {
    text('xref\n');
    for (const [start, run] of runs([...offsets.keys()])) {
      text(`${start} ${run.length}\n`);
      for (const number of run) {
        const entry = offsets.get(number);
        if (!entry) continue;
        text(
          `${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n\r\n`,
        );
      }
    }
    text(`trailer\n<< ${trailerEntries.join(' ')} >>\nstartxref\n${xrefOffset}\n%%EOF\n`);
  } else {
    // A cross-reference stream (ISO 32000-1 §7.5.8), uncompressed: type 1 entries of
    // 1 + 4 + 2 bytes (type, offset, generation), including its own.
    offsets.set(trailer.xrefStreamNumber, { offset: xrefOffset, generation: 0 });
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    const index: number[] = [];
    const rows: number[] = [];
    for (const [start, run] of runs(numbers)) {
      index.push(start, run.length);
      for (const number of run) {
        const entry = offsets.get(number);
        if (!entry) continue;
        const o = entry.offset;
        rows.push(1, (o >>> 24) & 0xff, (o >>> 16) & 0xff, (o >>> 8) & 0xff, o & 0xff);
        rows.push((entry.generation >> 8) & 0xff, entry.generation & 0xff);
      }
    }
    const data = Uint8Array.from(rows);
    text(
      `${trailer.xrefStreamNumber} 0 obj\n<< /Type /XRef /W [1 4 2] /Index [${index.join(' ')}] ` +
        `${trailerEntries.join(' ')} /Length ${data.length} >>\nstream\n`,
    );
    push(data);
    text(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`);
  }

  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Groups sorted numbers into runs of consecutive ones: the subsections of a cross-reference. */
function runs(numbers: readonly number[]): Array<[number, number[]]> {
  const sorted = [...numbers].sort((a, b) => a - b);
  const out: Array<[number, number[]]> = [];
  for (const number of sorted) {
    const last = out[out.length - 1];
    if (last && last[1][last[1].length - 1] === number - 1) last[1].push(number);
    else out.push([number, [number]]);
  }
  return out;
}
