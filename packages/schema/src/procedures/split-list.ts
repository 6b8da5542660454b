import { isNoInformation, stripListMarks, tidy } from './source-text.js';

/** Opening and closing marks inside which a separator does not split. */
const OPENERS = '(“"[';
const CLOSERS = ')”"]';

/**
 * Splits a comma-joined list from the national database — agencies, target groups, results,
 * keywords — into its items.
 *
 * The database joins list entries with ", " but entries contain commas themselves: "Cán bộ,
 * công chức, viên chức" is one target group, "Tổ chức (không bao gồm doanh nghiệp, HTX)"
 * another, "Trạm kiểm dịch động, thực vật" one agency. So: split on `,` `;` and new lines
 * outside parentheses and quotes, then glue back every piece that starts with a lower-case
 * letter, because the database starts each entry with a capital. "Không có thông tin" and an
 * empty field give an empty list.
 */
export function splitList(text: string | undefined): string[] {
  if (text === undefined || isNoInformation(text)) return [];
  // `separator` is the mark that came before the piece: '' for the first.
  const pieces: { text: string; separator: string }[] = [];
  let depth = 0;
  let current = '';
  let separator = '';
  const source = tidy(text);
  for (let i = 0; i < source.length; i += 1) {
    const ch = source.charAt(i);
    // A straight quote both opens and closes; treat it as a toggle.
    if (ch === '"') depth = depth > 0 ? depth - 1 : depth + 1;
    else if (OPENERS.includes(ch)) depth += 1;
    else if (CLOSERS.includes(ch) && depth > 0) depth -= 1;
    if (depth === 0 && (ch === ',' || ch === ';' || ch === '\n')) {
      pieces.push({ text: current, separator });
      current = '';
      separator = ch;
      continue;
    }
    current += ch;
  }
  pieces.push({ text: current, separator });

  const items: string[] = [];
  for (const piece of pieces) {
    const item = stripListMarks(piece.text).replace(/\.$/, '');
    if (item === '') continue;
    const previous = items.length - 1;
    // A new line always starts a new item; after a comma, lower case continues the last one.
    if (previous >= 0 && piece.separator !== '\n' && /^\p{Ll}/u.test(item)) {
      items[previous] = `${items[previous]}${piece.separator} ${item}`;
    } else {
      items.push(item);
    }
  }
  return items;
}
