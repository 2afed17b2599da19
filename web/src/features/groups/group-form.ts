import { ApiError } from '../../lib/api-client.ts';
import type { GroupDetail, GroupFormat, GroupInput, GroupVisibility } from './api.ts';

/**
 * The create/edit group form as the person typed it (numbers still as text), and its conversion to the body
 * POST /api/groups and PATCH /api/groups/:id accept. Kept as plain data so it can live in a draft.
 */
export type GroupFormValues = {
  name: string;
  description: string;
  topics: string[];
  communities: string[];
  language: string;
  format: GroupFormat;
  venueName: string;
  venueAddress: string;
  venueLat: string;
  venueLng: string;
  capacity: string;
  visibility: GroupVisibility;
  timezone: string;
  agreements: string[];
};

/** Client-side problems, keyed like the server's field paths; values are catalog keys under groupForm.errors. */
export type GroupFormProblems = Partial<Record<'venue.lat' | 'venue.lng' | 'capacity', 'latitude' | 'longitude' | 'capacity'>>;

export function emptyGroupForm(timezone: string, language: string): GroupFormValues {
  return {
    name: '',
    description: '',
    topics: [],
    communities: [],
    language,
    format: 'online',
    venueName: '',
    venueAddress: '',
    venueLat: '',
    venueLng: '',
    capacity: '',
    visibility: 'open',
    timezone,
    agreements: [''],
  };
}

export function groupToForm(group: GroupDetail): GroupFormValues {
  return {
    name: group.name,
    description: group.description,
    topics: group.topics,
    communities: group.communities,
    language: group.language,
    format: group.format,
    venueName: group.venue?.name ?? '',
    venueAddress: group.venue?.address ?? '',
    venueLat: group.venue ? String(group.venue.lat) : '',
    venueLng: group.venue ? String(group.venue.lng) : '',
    capacity: group.capacity === null ? '' : String(group.capacity),
    visibility: group.visibility,
    timezone: group.timezone,
    agreements: group.agreements.length > 0 ? group.agreements : [''],
  };
}

/** Reads a decimal typed with a point or a comma; null when it is not a number. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return null;
  return Number(trimmed);
}

const hasVenueText = (v: GroupFormValues) => [v.venueName, v.venueAddress, v.venueLat, v.venueLng].some((s) => s.trim() !== '');

/** Problems the server could only describe in technical words (numbers typed as text). */
export function checkGroupForm(v: GroupFormValues): GroupFormProblems {
  const problems: GroupFormProblems = {};
  if (v.format !== 'online' && hasVenueText(v)) {
    const lat = parseDecimal(v.venueLat);
    const lng = parseDecimal(v.venueLng);
    if (lat === null || lat < -90 || lat > 90) problems['venue.lat'] = 'latitude';
    if (lng === null || lng < -180 || lng > 180) problems['venue.lng'] = 'longitude';
  }
  if (v.capacity.trim() !== '' && !/^\d+$/.test(v.capacity.trim())) problems.capacity = 'capacity';
  return problems;
}

/**
 * The request body. Online groups send no venue; an empty venue is sent as null so the server can say kindly that
 * in-person groups need one. Empty agreements are dropped.
 */
export function formToGroupInput(v: GroupFormValues): GroupInput {
  const venue =
    v.format === 'online' || !hasVenueText(v)
      ? null
      : { name: v.venueName.trim(), address: v.venueAddress.trim(), lat: parseDecimal(v.venueLat) ?? 0, lng: parseDecimal(v.venueLng) ?? 0 };
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    topics: v.topics,
    communities: v.communities,
    language: v.language,
    format: v.format,
    venue,
    capacity: v.capacity.trim() === '' ? null : Number(v.capacity.trim()),
    visibility: v.visibility,
    timezone: v.timezone,
    agreements: v.agreements.map((a) => a.trim()).filter((a) => a !== ''),
  };
}

/** Reads a saved draft back; null when it is missing or from an older shape. */
export function parseGroupDraft(raw: string): GroupFormValues | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<GroupFormValues>;
    if (typeof v.name !== 'string' || !Array.isArray(v.agreements) || !Array.isArray(v.topics) || typeof v.format !== 'string') return null;
    return v as GroupFormValues;
  } catch {
    return null;
  }
}

/** A server field message for exactly this path (not its children), e.g. "venue" when the whole venue is missing. */
export function exactFieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => f.path === path || f.path === `body.${path}`)?.message;
}
