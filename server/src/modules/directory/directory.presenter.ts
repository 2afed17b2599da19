import type { ServiceRow, SuggestionRow } from './directory.repo.ts';
import type { Service, Suggestion } from './directory.schemas.ts';

export function presentService(row: ServiceRow, distanceKm: number | null = null): Service {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    address: row.address,
    postcode: row.postcode,
    city: row.city,
    country: row.country,
    lat: row.lat,
    lng: row.lng,
    phone: row.phone,
    website: row.website,
    openingHours: row.openingHours,
    languages: row.languages,
    cost: row.cost,
    eligibility: row.eligibility,
    distanceKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A suggestion as moderators see it: what would change, never who suggested it. */
export function presentSuggestion(row: SuggestionRow, serviceName: string): Suggestion {
  return {
    id: row.id,
    serviceId: row.serviceId,
    serviceName,
    changes: row.changes,
    note: row.note,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}
