import type { Db } from '../../platform/db/index.ts';
import { writeAudit } from '../../platform/db/index.ts';
import { parseDirectoryCsv } from './csv-import.ts';
import { DirectoryErrors } from './directory.errors.ts';
import * as policy from './directory.policy.ts';
import type { DirectoryActor } from './directory.policy.ts';
import { presentService, presentSuggestion } from './directory.presenter.ts';
import * as repo from './directory.repo.ts';
import type { DecisionBody, ImportReport, SearchQuery, Service, Suggestion, SuggestionBody } from './directory.schemas.ts';
import { createPlaceIndex, type PlaceIndex } from './places.ts';

export type DirectoryService = ReturnType<typeof createDirectoryService>;

const keyOf = (name: string, postcode: string | null) => `${name.trim().toLowerCase()}|${(postcode ?? '').replace(/\s/g, '').toUpperCase()}`;

/**
 * The services directory: crisis lines, clinics, community centres and groups hosted elsewhere. Search by distance
 * from a postcode or town (no geocoding service: a committed place table), CSV import, and suggested corrections.
 */
export function createDirectoryService(deps: { db: Db; places?: PlaceIndex; orgCountry?: (orgId: string) => Promise<string | null>; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const places = deps.places ?? createPlaceIndex();

  async function loadService(actor: DirectoryActor, id: string) {
    const row = await repo.findService(db, id);
    if (!row || !policy.canReadService(actor, row)) throw DirectoryErrors.serviceNotFound();
    return row;
  }

  return {
    /** Nearest first within the radius when a place is given; national lines and online services listed apart. */
    async searchServices(actor: DirectoryActor, query: SearchQuery) {
      const filters = { orgId: actor.orgId, kind: query.kind, language: query.language, q: query.q };
      const abilities = { import: policy.canImport(actor), review: policy.canReviewSuggestions(actor) };
      if (query.near) {
        const country = (await deps.orgCountry?.(actor.orgId)) ?? null;
        const place = places.find(query.near, country);
        if (!place) throw DirectoryErrors.unknownPlace();
        const [near, national] = await Promise.all([
          repo.listNear(db, { ...filters, lat: place.lat, lng: place.lng, radiusKm: query.radiusKm, limit: query.limit }),
          repo.listPlaceless(db, { ...filters, country: place.country, limit: query.limit }),
        ]);
        return {
          origin: { label: `${place.postcode} ${place.city}`, country: place.country, lat: place.lat, lng: place.lng },
          radiusKm: query.radiusKm,
          services: near.map((r) => presentService(r.service, r.distanceKm)),
          national: national.map((r) => presentService(r)),
          abilities,
        };
      }
      const [local, national] = await Promise.all([repo.listLocal(db, { ...filters, limit: query.limit }), repo.listPlaceless(db, { ...filters, limit: query.limit })]);
      return { origin: null, radiusKm: query.radiusKm, services: local.map((r) => presentService(r)), national: national.map((r) => presentService(r)), abilities };
    },

    async getService(actor: DirectoryActor, id: string): Promise<Service> {
      return presentService(await loadService(actor, id));
    },

    /** The postcodes and towns the search understands (for the place picker). */
    listPlaces() {
      return places.list().map(({ country, postcode, city }) => ({ country, postcode, city }));
    },

    /** Imports every valid row (updating a service with the same name and postcode) and reports each rejected row. */
    async importCsv(actor: DirectoryActor, csv: string): Promise<ImportReport> {
      if (!policy.canImport(actor)) throw DirectoryErrors.cannotImport();
      const { valid, rejected } = parseDirectoryCsv(csv, places);
      let imported = 0;
      let updated = 0;
      await db.transaction(async (tx) => {
        const existing = new Map((await repo.listServiceKeys(tx, actor.orgId)).map((s) => [keyOf(s.name, s.postcode), s.id]));
        for (const { fields } of valid) {
          const key = keyOf(fields.name, fields.postcode);
          const id = existing.get(key);
          if (id) {
            await repo.updateService(tx, id, fields);
            updated++;
          } else {
            const row = await repo.insertService(tx, { ...fields, orgId: actor.orgId });
            existing.set(key, row.id);
            imported++;
          }
        }
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'directory.imported', entityType: 'directory', data: { imported, updated, rejected: rejected.length } });
      });
      return { imported, updated, rejected };
    },

    /** Anyone signed in may suggest a correction; it waits for a moderator. */
    async suggestCorrection(actor: DirectoryActor, serviceId: string, body: SuggestionBody): Promise<Suggestion> {
      const service = await loadService(actor, serviceId);
      const row = await db.transaction(async (tx) => {
        const created = await repo.insertSuggestion(tx, { orgId: actor.orgId, serviceId, userId: actor.userId, changes: body.changes, note: body.note });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'directory.suggestion_created', entityType: 'directory_suggestion', entityId: created.id, data: { serviceId, fields: Object.keys(body.changes) } });
        return created;
      });
      return presentSuggestion(row, service.name);
    },

    async listSuggestions(actor: DirectoryActor, status: 'pending' | 'approved' | 'rejected'): Promise<Suggestion[]> {
      if (!policy.canReviewSuggestions(actor)) throw DirectoryErrors.cannotReview();
      return (await repo.listSuggestions(db, actor.orgId, status)).map((r) => presentSuggestion(r.suggestion, r.serviceName));
    },

    /** Approving applies the suggested changes to the service in the same transaction. */
    async decideSuggestion(actor: DirectoryActor, id: string, body: DecisionBody): Promise<{ suggestion: Suggestion; service: Service }> {
      if (!policy.canReviewSuggestions(actor)) throw DirectoryErrors.cannotReview();
      return db.transaction(async (tx) => {
        const suggestion = await repo.lockSuggestion(tx, id);
        if (!suggestion || suggestion.orgId !== actor.orgId) throw DirectoryErrors.suggestionNotFound();
        if (suggestion.status !== 'pending') throw DirectoryErrors.alreadyDecided();
        let service = (await repo.findService(tx, suggestion.serviceId))!;
        if (body.decision === 'approve' && Object.keys(suggestion.changes).length > 0) {
          const changes = { ...suggestion.changes } as Partial<repo.ServiceInsert>;
          // A new postcode moves the service when the place table knows it.
          if (typeof changes.postcode === 'string') {
            const place = places.find(changes.postcode, service.country);
            if (place && place.country === service.country) Object.assign(changes, { lat: place.lat, lng: place.lng });
          }
          service = await repo.updateService(tx, service.id, changes);
        }
        const decided = await repo.updateSuggestion(tx, id, { status: body.decision === 'approve' ? 'approved' : 'rejected', decidedBy: actor.userId, decidedAt: now() });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: `directory.suggestion_${decided.status}`, entityType: 'directory_suggestion', entityId: id, data: { serviceId: service.id } });
        return { suggestion: presentSuggestion(decided, service.name), service: presentService(service) };
      });
    },
  };
}
