/**
 * CSV as spreadsheets read it: RFC 4180 quoting (a field with a comma, quote or line break in
 * double quotes, quotes doubled), CRLF line ends, and a UTF-8 byte-order mark so that Excel
 * reads Vietnamese as UTF-8 rather than the machine's code page.
 *
 * A text field starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with an
 * apostrophe: spreadsheets would otherwise run it as a formula (CSV injection, OWASP), and a
 * procedure or agency name is text someone else typed. Numbers are written as they are.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
