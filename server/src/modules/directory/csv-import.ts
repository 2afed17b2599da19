import { parse } from 'csv-parse/sync';
import { AppError } from '../../platform/errors.ts';
import type { PlaceIndex } from './places.ts';
import { PLACELESS_KINDS, ServiceFields } from './directory.schemas.ts';

/** One row that could not be imported: its row number as a spreadsheet shows it (the header is row 1) and why. */
export type RejectedRow = { row: number; reason: string };
export type ParsedImport = { valid: Array<{ row: number; fields: ServiceFields }>; rejected: RejectedRow[] };

export const REQUIRED_COLUMNS = ['name', 'kind', 'country', 'languages'] as const;
export const KNOWN_COLUMNS = ['name', 'kind', 'description', 'address', 'postcode', 'city', 'country', 'lat', 'lng', 'phone', 'website', 'opening_hours', 'languages', 'cost', 'eligibility'] as const;

const KIND_ALIASES: Record<string, string> = { community_center: 'community_centre', crisis: 'crisis_line', hotline: 'crisis_line', helpline: 'crisis_line', group: 'peer_group', support_group: 'peer_group' };

const header = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');
const blankToNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

function numberOrProblem(value: string | undefined, column: string, problems: string[]): number | null {
  const v = blankToNull(value);
  if (v === null) return null;
  const n = Number(v);
  if (!Number.isFinite(n)) problems.push(`${column} "${v}" is not a number`);
  return Number.isFinite(n) ? n : null;
}

/**
 * Parses and validates a directory CSV row by row. A bad row is reported with its number and reason and never stops
 * the others; only a file that cannot be read at all (or lacks required columns) is refused as a whole.
 */
export function parseDirectoryCsv(csv: string, places: PlaceIndex): ParsedImport {
  let records: Array<Record<string, string>>;
  try {
    records = parse(csv, { columns: (h: string[]) => h.map(header), skip_empty_lines: true, bom: true, relax_column_count: true, trim: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new AppError('validation_failed', 422, `We could not read this file as CSV${line ? ` (around line ${line})` : ''}. Please check for an unclosed quote and save it again as CSV.`, [
      { path: 'csv', message: 'Not readable as CSV.' },
    ]);
  }
  const columns = records.length > 0 ? Object.keys(records[0]!) : (csv.split(/\r?\n/)[0] ?? '').split(',').map(header);
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new AppError('validation_failed', 422, `The file needs a header row with these columns: ${missing.join(', ')}. Optional columns: ${KNOWN_COLUMNS.filter((c) => !(REQUIRED_COLUMNS as readonly string[]).includes(c)).join(', ')}.`, [
      { path: 'csv', message: `Missing columns: ${missing.join(', ')}.` },
    ]);
  }

  const valid: ParsedImport['valid'] = [];
  const rejected: RejectedRow[] = [];
  records.forEach((r, index) => {
    const row = index + 2;
    const problems: string[] = [];
    const rawKind = header(r.kind ?? '');
    const candidate = {
      name: r.name ?? '',
      kind: KIND_ALIASES[rawKind] ?? rawKind,
      description: r.description ?? '',
      address: blankToNull(r.address),
      postcode: blankToNull(r.postcode),
      city: blankToNull(r.city),
      country: r.country ?? '',
      lat: numberOrProblem(r.lat, 'lat', problems),
      lng: numberOrProblem(r.lng, 'lng', problems),
      phone: blankToNull(r.phone),
      website: blankToNull(r.website),
      openingHours: r.opening_hours ?? '',
      languages: (r.languages ?? '').split(/[;|,\s]+/).filter(Boolean),
      cost: blankToNull(r.cost)?.toLowerCase().replace(/[\s-]+/g, '_') ?? 'free',
      eligibility: r.eligibility ?? '',
    };
    const parsed = ServiceFields.safeParse(candidate);
    if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`));
    if (problems.length > 0 || !parsed.success) {
      rejected.push({ row, reason: problems.join('; ') });
      return;
    }
    const fields = parsed.data;
    if ((fields.lat === null) !== (fields.lng === null)) {
      rejected.push({ row, reason: 'lat and lng must be given together (or both left empty).' });
      return;
    }
    if (fields.lat === null && !PLACELESS_KINDS.has(fields.kind)) {
      const place = (fields.postcode && places.find(fields.postcode, fields.country)) || (fields.city && places.find(fields.city, fields.country)) || null;
      if (!place || place.country !== fields.country) {
        rejected.push({ row, reason: `No coordinates, and neither the postcode nor the town is in Hearth's place table for ${fields.country}. Please add lat and lng.` });
        return;
      }
      fields.lat = place.lat;
      fields.lng = place.lng;
    }
    valid.push({ row, fields });
  });
  return { valid, rejected };
}
