import type { RequiredDocument } from '../entities/procedure.js';
import type { NationalDocumentRow } from './national-record.js';
import { stripListMarks, tidy } from './source-text.js';

/** What an upload may be when the source says nothing: PDF and the two common photo formats. */
export const DEFAULT_ACCEPTED_TYPES: readonly string[] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
];

/** The largest upload when the source says nothing: 10 MiB. */
export const DEFAULT_MAX_SIZE_BYTES = 10 * 1024 * 1024;

/** A document row whose counts could not be read. */
export interface UnreadDocumentCounts {
  /** Index of the row, and of the document, in the list. */
  readonly index: number;
  readonly sourceText: string;
  readonly reason: string;
}

/** What {@link parseDocuments} made of the document table. */
export interface DocumentsReading {
  readonly documents: RequiredDocument[];
  readonly unread: UnreadDocumentCounts[];
}

/**
 * Reads "Bản chính: 1 / Bản sao: 0" (the table's note column, one count per line) into the
 * numbers of originals and copies. `undefined` when either count is missing.
 */
export function parseDocumentCounts(
  text: string,
): { readonly originals: number; readonly copies: number } | undefined {
  const originals = /bản chính\s*:?\s*(\d+)/iu.exec(text)?.[1];
  const copies = /bản sao\s*:?\s*(\d+)/iu.exec(text)?.[1];
  if (originals === undefined || copies === undefined) return undefined;
  return { originals: Number(originals), copies: Number(copies) };
}

/**
 * Whether a document is asked of every applicant. The database has no such column, so the
 * name decides, conservatively: a document stays required unless its name scopes it.
 *
 * - "(nếu có)", "nếu có", "(nếu …)" (if any, if …) in the first clause — before the first
 *   `;`. Later clauses often add an optional extra to a required document: "01 bản sao bằng tốt
 *   nghiệp trung học phổ thông; nếu là thí sinh dự tuyển đào tạo liên thông có thêm …".
 * - "không bắt buộc" (not compulsory) or "không yêu cầu" (not asked, e.g. when the agency can
 *   read the citizen ID from the population database) anywhere.
 * - A name that opens with "Trường hợp …" / "Trong trường hợp …", or says "đối với / trong
 *   (các) trường hợp …" (for the case of …) before its first `;` or `:` — after a colon it
 *   usually qualifies one alternative: "Đối với thuyền viên: Hộ chiếu … hoặc sổ thuyền viên
 *   trong trường hợp …" is still required.
 *
 * A bare "(trường hợp …)" remark is not enough either: it usually says how to supply a
 * document that is still required.
 */
export function isRequiredDocument(name: string): boolean {
  const text = tidy(name).toLowerCase();
  const firstClause = text.split(';')[0] ?? '';
  const head = firstClause.split(':')[0] ?? '';
  if (/nếu có|\(nếu\s/u.test(firstClause)) return false;
  if (/không bắt buộc|không yêu cầu/u.test(text)) return false;
  if (/^(?:trong )?trường hợp/u.test(text)) return false;
  if (/(?:đối với|trong) (?:các )?trường hợp/u.test(head)) return false;
  return true;
}

/** The file names of templates attached to a row (the transcription puts them in `so_luong`). */
export function templateFiles(text: string | undefined): string[] {
  if (!text) return [];
  return tidy(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /\.(?:docx?|xlsx?|pdf|odt|rtf|zip|rar)$/iu.test(line));
}

/** A form number: "01", "1.9", "02a", "03-NĐ 159-11", "01 - NĐ159 - 11". */
const FORM_NUMBER = String.raw`\d+[\p{L}\d.]*(?:\s*-\s*[\p{L}\d]+)*(?:\s+\d+-\d+)?`;

/** The words that tie a form to the text that issues it. */
const ISSUED_BY = String.raw`(?:\s+(?:quy định tại|ban hành kèm theo|kèm theo|tại))?`;

/**
 * A form reference and the legal document that issues it, and nothing after: "Mẫu số 01
 * Phụ lục II kèm theo Nghị định số 16/2024/NĐ-CP", "Mẫu số 12 ban hành kèm theo Quyết định
 * số 38/2025/QĐ-TTg", "mẫu số 03, 04 và 10 quy định tại Phụ lục I kèm theo Nghị định số …".
 */
const FORM_REFERENCE = new RegExp(
  String.raw`mẫu số\s*${FORM_NUMBER}(?:\s*(?:,|và)\s*${FORM_NUMBER})*` +
    String.raw`(?:\s*\([^)]*\))?` +
    ISSUED_BY +
    String.raw`(?:\s+phụ lục(?:\s+(?:[IVXLC]+|\d+)(?![\p{L}\d]))?)?` +
    ISSUED_BY +
    String.raw`(?:\s+(?:nghị định|thông tư liên tịch|thông tư|quyết định)(?:\s+số)?\s+\d+/[\p{L}\d/-]+|\s+thông tư này)?`,
  'iu',
);

/** Names that say the document is a form to fill in. */
const FORM_WORDS =
  /(?:^|\s)(?:tờ khai|bản khai|bản kê khai|mẫu biểu|theo mẫu|phiếu khai)(?=$|[\s,.;:()])/iu;

/** "01 (một) bản chính", "02 bản sao", "Bản chính": a count or copy kind before the name. */
const LEADING_COUNT =
  /^(?:\d+\s*(?:\([^)]*\))?(?:\s*(?:bản chính|bản sao|bản(?!\s+(?:khai|kê))))?|bản chính|bản sao)\s+/iu;

/** Names that head a group of documents rather than name one. */
const GROUP_HEADING =
  /^(?:trường hợp|trong trường hợp|đối với|thành phần hồ sơ|hồ sơ)(?=$|[\s\d,.;:(])/iu;

/**
 * The template to fill in, when the document is a form.
 *
 * - A "Mẫu số …" reference in the name names it precisely ({@link FORM_REFERENCE}).
 * - Otherwise, when the name says it is a form ("Tờ khai", "Bản khai", "theo mẫu" …) or a
 *   template file is attached to the row, the template takes the document's own name, cut at
 *   its first `;`, `:` or `(` and without a leading count ("01 (một) bản chính Danh sách hành
 *   khách (nếu có)" → "Danh sách hành khách").
 * - When that name is a group heading ("Trường hợp 1: Hồ sơ … gồm") or longer than 120
 *   characters, it does not name a form; the attached file's name does instead.
 *
 * The attached files have no address in the source, so `url` stays unset.
 */
export function templateOf(name: string, files: readonly string[]): { name: string } | undefined {
  const reference = FORM_REFERENCE.exec(name)?.[0];
  if (reference) {
    return { name: reference.replace(/[\s.,:;]+$/u, '').replace(/^mẫu/iu, 'Mẫu') };
  }
  if (!FORM_WORDS.test(name) && files.length === 0) return undefined;
  const head = (name.replace(LEADING_COUNT, '').split(/[;:(]|\.\s/u)[0] ?? '')
    .replace(/[\s.,\-–]+$/u, '')
    .trim();
  if (head !== '' && head.length <= 120 && !GROUP_HEADING.test(head)) {
    return { name: head.charAt(0).toUpperCase() + head.slice(1) };
  }
  return files[0] === undefined ? undefined : { name: files[0] };
}

/**
 * Reads the document table (thành phần hồ sơ) into {@link RequiredDocument}s with stable codes
 * `doc-1`, `doc-2`, … in the published order.
 *
 * - `name`: as published, less list marks ("- ", "+ ", "a) ").
 * - `originals`, `copies`: from "Bản chính: N / Bản sao: M"; when they cannot be read both are
 *   0 and the row is reported in `unread`. Some rows publish 0 and 0 — documents shown, not
 *   handed in — and are kept as published.
 * - `required`: see {@link isRequiredDocument}; `template`: see {@link templateOf}.
 * - `acceptedTypes`, `maxSizeBytes`: the source says nothing, so {@link DEFAULT_ACCEPTED_TYPES}
 *   and {@link DEFAULT_MAX_SIZE_BYTES}.
 * - `note`: the names of attached template files ("Tệp mẫu: Mus01.docx"), which the source
 *   lists without an address.
 * Rows with no name are skipped; there are none in the 2025 data set.
 */
export function parseDocuments(rows: readonly NationalDocumentRow[]): DocumentsReading {
  const documents: RequiredDocument[] = [];
  const unread: UnreadDocumentCounts[] = [];
  for (const row of rows) {
    const name = stripListMarks(row.ten_giay_to ?? '');
    if (name === '') continue;
    const files = templateFiles(row.so_luong);
    // `so_luong` holds file names in this transcription, but may hold the counts elsewhere.
    const countText = [row.ghi_chu ?? '', files.length === 0 ? (row.so_luong ?? '') : '']
      .join('\n')
      .trim();
    const counts = parseDocumentCounts(countText);
    if (!counts) {
      unread.push({
        index: documents.length,
        sourceText: countText,
        reason: 'No "Bản chính: N / Bản sao: M" counts.',
      });
    }
    const template = templateOf(name, files);
    const document: RequiredDocument = {
      code: `doc-${documents.length + 1}`,
      name,
      originals: counts?.originals ?? 0,
      copies: counts?.copies ?? 0,
      required: isRequiredDocument(name),
      acceptedTypes: [...DEFAULT_ACCEPTED_TYPES],
      maxSizeBytes: DEFAULT_MAX_SIZE_BYTES,
    };
    if (template) document.template = template;
    if (files.length > 0) document.note = `Tệp mẫu: ${files.join(', ')}`;
    documents.push(document);
  }
  return { documents, unread };
}
