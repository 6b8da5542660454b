import { concatBytes, latin1 } from '../internal/bytes.js';

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
   * One more than the highest object number used so far (0 when the trailer does not say; the
   * parsed objects then tell). New objects must be numbered from
   * here: a parser may drop objects it consumed (object and xref streams), and reusing their
   * numbers would hide the objects stored inside them.
   */
  readonly size: number;
}

/**
 * Finds the last cross-reference section of a PDF, the one a new revision's `/Prev` must name.
 *
 * Tolerant as the readers people use are (Acrobat, pdf.js, poppler, qpdf): `startxref` may point
 * at whitespace before `xref` or a few bytes off it (files written by tools that miscount line
 * ends), or nowhere usable, in which case the last `xref` table or `/Type /XRef` stream in the
 * file is taken. `undefined` only when the file has no cross-reference section at all.
 */
export function findPreviousXref(pdf: Uint8Array): PreviousXref | undefined {
  const tail = latin1(pdf, Math.max(0, pdf.length - 4096));
  const at = tail.lastIndexOf('startxref');
  const match = at === -1 ? null : /^startxref\s+(\d+)/.exec(tail.slice(at));
  const claimed = match ? Number(match[1]) : Number.NaN;
  if (Number.isSafeInteger(claimed) && claimed < pdf.length) {
    const exact = sectionAt(pdf, claimed);
    if (exact) return exact;
    // Off by a few bytes (a CR LF counted as one byte, whitespace before `xref`): look nearby,
    // nearest first.
    for (let delta = 1; delta <= SLACK; delta += 1) {
      for (const offset of [claimed + delta, claimed - delta]) {
        if (offset < 0 || offset >= pdf.length || !startsToken(pdf, offset)) continue;
        const near = sectionAt(pdf, offset);
        if (near) return near;
      }
    }
  }
  return lastSection(pdf);
}

/** How far from where `startxref` points a cross-reference section is still looked for. */
const SLACK = 64;

function startsToken(pdf: Uint8Array, offset: number): boolean {
  const before = pdf[offset - 1];
  return offset === 0 || before === 0x0a || before === 0x0d || before === 0x20;
}

/** The cross-reference section starting at `offset` (after whitespace), if there is one. */
function sectionAt(pdf: Uint8Array, offset: number): PreviousXref | undefined {
  let start = offset;
  while (start < pdf.length && isWhitespace(pdf[start] as number)) start += 1;
  const head = latin1(pdf, start, Math.min(pdf.length, start + 32));
  if (head.startsWith('xref')) {
    if (!/^xref\s+\d+\s+\d+/.test(head)) return undefined;
    const trailerAt = findTrailer(pdf, start);
    if (trailerAt === -1) return undefined;
    const size = sizeIn(latin1(pdf, trailerAt, Math.min(pdf.length, trailerAt + 4096)));
    return { offset: start, kind: 'table', size: size ?? 0 };
  }
  if (/^\d+\s+\d+\s+obj/.test(head)) {
    const dictionary = latin1(pdf, start, Math.min(pdf.length, start + 4096));
    const streamAt = dictionary.indexOf('stream');
    const header = dictionary.slice(0, streamAt === -1 ? undefined : streamAt);
    if (!/\/Type\s*\/XRef\b/.test(header)) return undefined;
    return { offset: start, kind: 'stream', size: sizeIn(header) ?? 0 };
  }
  return undefined;
}

function findTrailer(pdf: Uint8Array, from: number): number {
  const keyword = [0x74, 0x72, 0x61, 0x69, 0x6c, 0x65, 0x72]; // "trailer"
  outer: for (let i = from; i <= pdf.length - keyword.length; i += 1) {
    if (pdf[i] !== 0x74) continue;
    for (let k = 1; k < keyword.length; k += 1) if (pdf[i + k] !== keyword[k]) continue outer;
    return i;
  }
  return -1;
}

function sizeIn(text: string): number | undefined {
  const size = /\/Size\s+(\d+)/.exec(text);
  return size ? Number(size[1]) : undefined;
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c;
}

/**
 * The last cross-reference table or stream in the file, found by scanning backwards: for a file
 * whose `startxref` is missing or points far off. The scan looks at the whole file once.
 */
function lastSection(pdf: Uint8Array): PreviousXref | undefined {
  const text = latin1(pdf);
  const candidates: number[] = [];
  for (const match of text.matchAll(/(?:^|[\r\n])(xref)\s/g)) {
    candidates.push(match.index + match[0].indexOf('xref'));
  }
  for (const match of text.matchAll(
    /(?:^|[\r\n\s])(\d+\s+\d+\s+obj)\s*<<[\s\S]{0,512}?\/Type\s*\/XRef\b/g,
  )) {
    candidates.push(match.index + match[0].indexOf(match[1] as string));
  }
  for (const offset of candidates.sort((a, b) => b - a)) {
    const section = sectionAt(pdf, offset);
    if (section) return section;
  }
  return undefined;
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

  return concatBytes(...chunks);
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
