import type { Db } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { GroupFacts } from '../groups/index.ts';
import type { RaiseForPerson } from '../safety/index.ts';

/** What the outcomes module needs, given by main.ts. */
export type OutcomesDeps = {
  db: Db;
  cipher: FieldCipher;
  logger: Logger;
  now: () => Date;
  /** Used in FHIR identifiers: `${publicUrl}/fhir/person`. */
  publicUrl: string;
  /** Reminders ("check-in due") and the decline nudge; absent in a build without notifications. */
  notifier?: Notifier;
  /** Opens a safety case for a PHQ-9 item 9 answer above 0 (the safety module's `raiseForPerson`). */
  raiseForPerson?: RaiseForPerson;
  /** The group's organization and the person's membership (the groups module's port). */
  groups: Pick<GroupFacts, 'findMembership'>;
  /** A person's organization and display name (the accounts module's port). */
  findPerson: (userId: string) => Promise<{ orgId: string; displayName: string } | null>;
};
