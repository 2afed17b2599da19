import type { Db } from '../../platform/db/index.ts';
import { writeAudit } from '../../platform/db/index.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import * as repo from './orgs.repo.ts';
import type { CreateOrgBody } from './orgs.schemas.ts';

export type OrgsService = ReturnType<typeof createOrgsService>;

/** Organizations host groups; people and groups belong to exactly one. */
export function createOrgsService(deps: { db: Db }) {
  const { db } = deps;
  return {
    /** Creates an organization. `actor` is null only for the boot-time default organization. */
    async createOrg(actor: Actor | null, body: CreateOrgBody) {
      if (actor && actor.role !== 'admin') throw CommonErrors.forbidden();
      return db.transaction(async (tx) => {
        if (await repo.findOrgBySlug(tx, body.slug)) {
          throw new AppError('slug_taken', 409, 'Another organization already uses that short name. Please choose a different one.', [{ path: 'slug', message: 'Already in use.' }]);
        }
        const org = await repo.insertOrg(tx, body);
        await writeAudit(tx, { orgId: org.id, actorId: actor?.userId ?? null, action: 'org.created', entityType: 'org', entityId: org.id });
        return org;
      });
    },
    listOrgs: () => repo.listOrgs(db),
    async getOrg(id: string) {
      const org = await repo.findOrg(db, id);
      if (!org) throw CommonErrors.notFound('That organization');
      return org;
    },
    findOrgBySlug: (slug: string) => repo.findOrgBySlug(db, slug),
  };
}
