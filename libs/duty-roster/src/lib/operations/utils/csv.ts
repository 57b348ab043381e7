// CSV as Excel on a Chinese Windows opens it with a double click: UTF-8 with a byte order mark
// (without it Excel reads the bytes as GBK and shows mojibake), CRLF line ends, RFC 4180 quoting.

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';
const CRLF = '\r\n';

export type CsvCell = string | number;

/**
 * One field: numbers as they are; text quoted when it holds a comma, quote or line break (quotes
 * doubled), and prefixed with an apostrophe when it starts like a formula (= + - @), so a name
 * cannot make Excel run anything.
 */
export function csvField(value: CsvCell): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, one CRLF-terminated line per row. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',') + CRLF).join('');
}
