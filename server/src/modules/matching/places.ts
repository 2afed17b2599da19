/**
 * A small committed table of places for coarse location: a city, or the first part of a postcode, resolves to the
 * centre of that area. We never store or ask for a precise address; distances are "about N km".
 * Coordinates are public city centres, rounded to two decimals (about a kilometre).
 */
export type Place = { key: string; label: string; country: string; lat: number; lng: number; aliases?: string[] };

export const PLACES: Place[] = [
  { key: 'burlington-vt', label: 'Burlington, VT', country: 'US', lat: 44.48, lng: -73.21, aliases: ['burlington', '05401', '05405', '054'] },
  { key: 'south-burlington-vt', label: 'South Burlington, VT', country: 'US', lat: 44.47, lng: -73.17, aliases: ['south burlington', '05403'] },
  { key: 'winooski-vt', label: 'Winooski, VT', country: 'US', lat: 44.49, lng: -73.19, aliases: ['winooski', '05404'] },
  { key: 'essex-vt', label: 'Essex Junction, VT', country: 'US', lat: 44.49, lng: -73.11, aliases: ['essex junction', 'essex', '05452'] },
  { key: 'montpelier-vt', label: 'Montpelier, VT', country: 'US', lat: 44.26, lng: -72.58, aliases: ['montpelier', '05602'] },
  { key: 'boston-ma', label: 'Boston, MA', country: 'US', lat: 42.36, lng: -71.06, aliases: ['boston', '021', '022'] },
  { key: 'new-york-ny', label: 'New York, NY', country: 'US', lat: 40.71, lng: -74.01, aliases: ['new york', 'nyc', 'manhattan', '100', '101', '102'] },
  { key: 'brooklyn-ny', label: 'Brooklyn, NY', country: 'US', lat: 40.68, lng: -73.94, aliases: ['brooklyn', '112'] },
  { key: 'philadelphia-pa', label: 'Philadelphia, PA', country: 'US', lat: 39.95, lng: -75.17, aliases: ['philadelphia', '191'] },
  { key: 'washington-dc', label: 'Washington, DC', country: 'US', lat: 38.91, lng: -77.04, aliases: ['washington', 'dc', '200'] },
  { key: 'chicago-il', label: 'Chicago, IL', country: 'US', lat: 41.88, lng: -87.63, aliases: ['chicago', '606'] },
  { key: 'houston-tx', label: 'Houston, TX', country: 'US', lat: 29.76, lng: -95.37, aliases: ['houston', '770'] },
  { key: 'austin-tx', label: 'Austin, TX', country: 'US', lat: 30.27, lng: -97.74, aliases: ['austin', '787'] },
  { key: 'denver-co', label: 'Denver, CO', country: 'US', lat: 39.74, lng: -104.99, aliases: ['denver', '802'] },
  { key: 'los-angeles-ca', label: 'Los Angeles, CA', country: 'US', lat: 34.05, lng: -118.24, aliases: ['los angeles', 'la', '900'] },
  { key: 'san-francisco-ca', label: 'San Francisco, CA', country: 'US', lat: 37.77, lng: -122.42, aliases: ['san francisco', 'sf', '941'] },
  { key: 'seattle-wa', label: 'Seattle, WA', country: 'US', lat: 47.61, lng: -122.33, aliases: ['seattle', '981'] },
  { key: 'miami-fl', label: 'Miami, FL', country: 'US', lat: 25.76, lng: -80.19, aliases: ['miami', '331'] },
  { key: 'toronto-on', label: 'Toronto, ON', country: 'CA', lat: 43.65, lng: -79.38, aliases: ['toronto', 'm5v', 'm4'] },
  { key: 'montreal-qc', label: 'Montréal, QC', country: 'CA', lat: 45.5, lng: -73.57, aliases: ['montreal', 'montréal', 'h2'] },
  { key: 'vancouver-bc', label: 'Vancouver, BC', country: 'CA', lat: 49.28, lng: -123.12, aliases: ['vancouver', 'v6'] },
  { key: 'london-gb', label: 'London', country: 'GB', lat: 51.51, lng: -0.13, aliases: ['london', 'sw1', 'se1', 'n1', 'e1', 'w1', 'ec1', 'wc1', 'nw1'] },
  { key: 'manchester-gb', label: 'Manchester', country: 'GB', lat: 53.48, lng: -2.24, aliases: ['manchester', 'm1', 'm2'] },
  { key: 'birmingham-gb', label: 'Birmingham', country: 'GB', lat: 52.49, lng: -1.89, aliases: ['birmingham', 'b1'] },
  { key: 'leeds-gb', label: 'Leeds', country: 'GB', lat: 53.8, lng: -1.55, aliases: ['leeds', 'ls1'] },
  { key: 'glasgow-gb', label: 'Glasgow', country: 'GB', lat: 55.86, lng: -4.25, aliases: ['glasgow', 'g1'] },
  { key: 'edinburgh-gb', label: 'Edinburgh', country: 'GB', lat: 55.95, lng: -3.19, aliases: ['edinburgh', 'eh1'] },
  { key: 'bristol-gb', label: 'Bristol', country: 'GB', lat: 51.45, lng: -2.59, aliases: ['bristol', 'bs1'] },
  { key: 'cardiff-gb', label: 'Cardiff', country: 'GB', lat: 51.48, lng: -3.18, aliases: ['cardiff', 'cf10'] },
  { key: 'dublin-ie', label: 'Dublin', country: 'IE', lat: 53.35, lng: -6.26, aliases: ['dublin', 'd01', 'd02'] },
  { key: 'cork-ie', label: 'Cork', country: 'IE', lat: 51.9, lng: -8.47, aliases: ['cork', 't12'] },
  { key: 'sydney-au', label: 'Sydney', country: 'AU', lat: -33.87, lng: 151.21, aliases: ['sydney', '2000'] },
  { key: 'melbourne-au', label: 'Melbourne', country: 'AU', lat: -37.81, lng: 144.96, aliases: ['melbourne', '3000'] },
  { key: 'madrid-es', label: 'Madrid', country: 'ES', lat: 40.42, lng: -3.7, aliases: ['madrid', '28001', '280'] },
  { key: 'barcelona-es', label: 'Barcelona', country: 'ES', lat: 41.39, lng: 2.17, aliases: ['barcelona', '08001', '080'] },
  { key: 'mexico-city-mx', label: 'Ciudad de México', country: 'MX', lat: 19.43, lng: -99.13, aliases: ['mexico city', 'ciudad de mexico', 'cdmx'] },
  { key: 'buenos-aires-ar', label: 'Buenos Aires', country: 'AR', lat: -34.6, lng: -58.38, aliases: ['buenos aires'] },
  { key: 'bogota-co', label: 'Bogotá', country: 'CO', lat: 4.71, lng: -74.07, aliases: ['bogota', 'bogotá'] },
];

const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();

const byName = new Map<string, Place>();
for (const p of PLACES) {
  byName.set(fold(p.label.split(',')[0]!), p);
  for (const a of p.aliases ?? []) byName.set(fold(a), p);
}

/**
 * Resolves "Burlington", "05401" or "SW1A 1AA" to a coarse place, or null. Postcodes are cut to their area
 * (the outward part, or a US ZIP's first three digits) before anything is looked up, so the detail never lands here.
 */
export function resolvePlace(input: string): Place | null {
  const q = fold(input);
  if (!q) return null;
  const exact = byName.get(q);
  if (exact) return exact;
  const first = q.split(' ')[0]!;
  if (/^\d{5}$/.test(q)) return byName.get(q) ?? byName.get(q.slice(0, 3)) ?? null;
  if (/\d/.test(first)) {
    for (let n = first.length; n >= 2; n--) {
      const hit = byName.get(first.slice(0, n));
      if (hit) return hit;
    }
  }
  return byName.get(q.split(',')[0]!.trim()) ?? null;
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
