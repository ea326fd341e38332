/** A column of a CSV file: header and how to read the cell from a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | undefined;
}

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  // Spreadsheets run cells that start like a formula; keep them text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends) with a header line. */
export function toCsv<T>(rows: T[], columns: CsvColumn<T>[]): string {
  const lines = [columns.map(c => cell(c.header)).join(',')];
  for (const row of rows) {
    lines.push(columns.map(c => cell(c.value(row))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
