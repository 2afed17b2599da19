import type { Database } from '../platform/db/index.ts';
import type { Logger } from '../platform/logger.ts';
import type { AccountsService } from '../modules/accounts/index.ts';
import type { OrgsService } from '../modules/orgs/index.ts';
import type { GroupsService } from '../modules/groups/index.ts';
import type { SessionsService } from '../modules/sessions/index.ts';
import type { ChatService } from '../modules/chat/index.ts';
import type { ForumsService } from '../modules/forums/index.ts';

/** The services the seed uses (structural, so the seed does not import the composition root). */
export type SeedServices = {
  accounts: AccountsService;
  orgs: OrgsService;
  groups: GroupsService;
  sessions: SessionsService;
  chat: ChatService;
  forums: ForumsService;
};

/** Seeds the demo organization on first start (idempotent: does nothing when an organization exists). */
export async function seedDemo(services: SeedServices, _database: Database, logger: Logger): Promise<void> {
  if ((await services.orgs.listOrgs()).length > 0) return;
  await services.orgs.createOrg(null, { name: 'Hearth Community', slug: 'hearth', country: 'US', timezone: 'America/New_York' });
  logger.info('seeded the demo organization');
}
