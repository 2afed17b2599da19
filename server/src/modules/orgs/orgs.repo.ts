import { eq } from 'drizzle-orm';
import { orgs } from '../../db/schema/index.ts';
import type { DbOrTx } from '../../platform/db/index.ts';

export type OrgRow = typeof orgs.$inferSelect;

export async function listOrgs(db: DbOrTx): Promise<OrgRow[]> {
  return db.select().from(orgs).orderBy(orgs.createdAt);
}

export async function findOrg(db: DbOrTx, id: string): Promise<OrgRow | null> {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
  return row ?? null;
}

export async function findOrgBySlug(db: DbOrTx, slug: string): Promise<OrgRow | null> {
  const [row] = await db.select().from(orgs).where(eq(orgs.slug, slug));
  return row ?? null;
}

export async function insertOrg(db: DbOrTx, values: typeof orgs.$inferInsert): Promise<OrgRow> {
  const [row] = await db.insert(orgs).values(values).returning();
  return row!;
}
