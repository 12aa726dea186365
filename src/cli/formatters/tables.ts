/** Rows of text under a header, written as CSV or as a Markdown table. */
export interface TextTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * RFC 4180: CRLF after every record; a field with a comma, a double quote, CR or LF is quoted, its quotes doubled.
 * A field starting with =, +, - or @ is left as it is: the data is the user's own, for their own tools.
 */
export function formatCsv(table: TextTable): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return [table.header, ...table.rows].map((row) => `${row.map(field).join(',')}\r\n`).join('');
}

/** A GitHub Flavored Markdown table: `|` escaped, line breaks as spaces, so every row stays one row of its cells. */
export function formatMarkdownTable(table: TextTable): string {
  const cell = (value: string) => value.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
  const line = (row: readonly string[]) => `| ${row.map(cell).join(' | ')} |\n`;
  return line(table.header) + line(table.header.map(() => '---')) + table.rows.map(line).join('');
}
