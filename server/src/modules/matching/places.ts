import { createPlaceIndex, haversineKm, normalizePlaceKey } from '../../platform/places/index.ts';

/**
 * Coarse location for matching, read from the one shared place table (platform/places, also used by the directory).
 * A city, or the first part of a postcode, resolves to the centre of that area, rounded to two decimals (about a
 * kilometre). We never store or ask for a precise address; distances are "about N km".
 */
export type Place = { key: string; label: string; country: string; lat: number; lng: number };

const index = createPlaceIndex();
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Resolves "Burlington", "05401" or "SW1A 1AA" to a coarse place, or null. UK, Irish and Canadian postcodes match on
 * their outward part; a US ZIP not in the table falls back to the nearest listed one sharing its first three digits.
 * Only the area's label and rounded centre leave this function, so the detail a person typed never lands anywhere.
 */
export function resolvePlace(input: string): Place | null {
  const hit = index.find(input) ?? findByZipArea(input);
  if (!hit) return null;
  return { key: `${hit.country}:${normalizePlaceKey(hit.postcode)}`, label: hit.city, country: hit.country, lat: round2(hit.lat), lng: round2(hit.lng) };
}

function findByZipArea(input: string) {
  const zip = input.trim().match(/^(\d{3})\d{2}(-\d{4})?$/);
  if (!zip) return null;
  return index.list().find((p) => p.country === 'US' && p.postcode.startsWith(zip[1]!)) ?? null;
}

/** Great-circle distance in kilometres (the shared formula). */
export const distanceKm = haversineKm;
