import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/**
 * A small, committed table of postcodes (US ZIP codes, UK and Irish outward codes, Canadian FSAs, Australian
 * postcodes) and towns with approximate centre coordinates. Hearth never calls a geocoding service at run time;
 * organizations extend this file for their area. One table for everything that places people or groups: the
 * directory's "near me" search and matching's coarse location for in-person groups.
 */
export type Place = { country: string; postcode: string; city: string; lat: number; lng: number };

const PLACES_FILE = fileURLToPath(new URL('./places.csv', import.meta.url));

/** "sw1a 1aa" → "SW1A1AA"; case, spaces and dashes do not matter. */
export function normalizePlaceKey(value: string): string {
  return value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[\s\-.,()]/g, '');
}

export function loadPlaces(file = PLACES_FILE): Place[] {
  const rows = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  return rows.map((r) => ({ country: r.country!, postcode: r.postcode!, city: r.city!, lat: Number(r.lat), lng: Number(r.lng) }));
}

/** Finds a place by postcode (full UK/Irish/Canadian codes match on their outward part) or by town name. */
export function createPlaceIndex(places: Place[] = loadPlaces()) {
  const byPostcode = new Map<string, Place>();
  const byCity = new Map<string, Place>();
  for (const p of places) {
    byPostcode.set(`${p.country}:${normalizePlaceKey(p.postcode)}`, p);
    const cityKey = `${p.country}:${normalizePlaceKey(p.city.replace(/\s*\(.*\)$/, ''))}`;
    if (!byCity.has(cityKey)) byCity.set(cityKey, p);
    byCity.set(`${p.country}:${normalizePlaceKey(p.city)}`, p);
  }
  const countries = [...new Set(places.map((p) => p.country))];

  function findIn(country: string, key: string): Place | null {
    const exact = byPostcode.get(`${country}:${key}`) ?? byCity.get(`${country}:${key}`);
    if (exact) return exact;
    // "SW1A 1AA" → "SW1A", "D02 X285" → "D02", "M5V 3L9" → "M5V": try the outward part (longest first).
    for (let len = Math.min(key.length - 1, 4); len >= 2; len--) {
      const hit = byPostcode.get(`${country}:${key.slice(0, len)}`);
      if (hit && country !== 'US' && country !== 'AU') return hit;
    }
    return null;
  }

  return {
    /** The place for a postcode or town, preferring the given country. */
    find(query: string, preferCountry?: string | null): Place | null {
      const key = normalizePlaceKey(query);
      if (!key) return null;
      const order = preferCountry ? [preferCountry, ...countries.filter((c) => c !== preferCountry)] : countries;
      for (const c of order) {
        const hit = findIn(c, key);
        if (hit) return hit;
      }
      return null;
    },
    list(): Place[] {
      return places;
    },
  };
}

export type PlaceIndex = ReturnType<typeof createPlaceIndex>;

/** Great-circle distance in kilometres (the same formula the SQL uses). */
export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
