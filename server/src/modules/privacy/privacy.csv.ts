import { strToU8, zipSync } from 'fflate';

type Row = Record<string, unknown>;

/**
 * Turns an export into flat tables. A section is an object of lists (one CSV each, e.g. `chat.messages.csv`) and
 * single records (one CSV with one row, e.g. `profile.account.csv`); nested objects become dotted columns.
 */
export function flattenToTables(data: Record<string, unknown>): Map<string, Row[]> {
  const tables = new Map<string, Row[]>();
  const rowOf = (item: unknown): Row => (isPlainObject(item) ? flattenRow(item) : { value: item });
  for (const [section, value] of Object.entries(data)) {
    if (Array.isArray(value)) {
      tables.set(section, value.map(rowOf));
      continue;
    }
    if (!isPlainObject(value)) {
      if (value !== null && value !== undefined) tables.set(section, [{ value }]);
      continue;
    }
    const loose: Row = {};
    for (const [key, child] of Object.entries(value)) {
      if (Array.isArray(child)) tables.set(`${section}.${key}`, child.map(rowOf));
      else if (isPlainObject(child)) tables.set(`${section}.${key}`, [flattenRow(child)]);
      else if (child !== null && child !== undefined) loose[key] = child;
    }
    if (Object.keys(loose).length > 0) tables.set(section, [loose]);
  }
  return tables;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function flattenRow(row: Record<string, unknown>, prefix = ''): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value)) Object.assign(out, flattenRow(value, name));
    else out[name] = value;
  }
  return out;
}

/** RFC 4180 CSV with a header row holding the union of every row's columns. */
export function toCsv(rows: Row[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return '';
    const text = value instanceof Date ? value.toISOString() : Array.isArray(value) || typeof value === 'object' ? JSON.stringify(value) : String(value);
    // A leading =, +, - or @ would run as a formula in a spreadsheet; prefix it so the file is safe to open.
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return [columns.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** A zip with a README and one CSV per table. */
export function zipTables(tables: Map<string, Row[]>, readme: string): Uint8Array {
  const files: Record<string, Uint8Array> = { 'README.txt': strToU8(readme) };
  for (const [name, rows] of tables) files[`${name}.csv`] = strToU8(toCsv(rows));
  return zipSync(files, { level: 6 });
}
