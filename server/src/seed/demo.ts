import type { Database } from '../platform/db/index.ts';
import type { Logger } from '../platform/logger.ts';
import type { BuiltServer } from '../main.ts';

/** Seeds the demo organization on first start (idempotent: does nothing when an organization exists). */
export async function seedDemo(services: BuiltServer['services'], _database: Database, logger: Logger): Promise<void> {
  if ((await services.orgs.listOrgs()).length > 0) return;
  await services.orgs.createOrg(null, { name: 'Hearth Community', slug: 'hearth', country: 'US', timezone: 'America/New_York' });
  logger.info('seeded the demo organization');
}
