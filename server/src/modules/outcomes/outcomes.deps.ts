import type { Db } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { ChatFacts } from '../chat/index.ts';
import type { GroupFacts } from '../groups/index.ts';
import type { RaiseForPerson } from '../safety/index.ts';
import type { SessionFacts } from '../sessions/index.ts';

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
  /** Sessions and who attended them (the sessions module's port). */
  sessions: Pick<SessionFacts, 'findSessionWithAttendance' | 'findLatestAttendedSession' | 'listAttendedSessionStarts' | 'listGroupSessionIds'>;
  /** One-to-one supporters and a group's rooms (the chat module's port). */
  chat: Pick<ChatFacts, 'listSupportersOf' | 'listGroupRoomIds'>;
  /** A person's organization and display name (the accounts module's port). */
  findPerson: (userId: string) => Promise<{ orgId: string; displayName: string } | null>;
  /** How long a chat message's mood waits to be stored with others in one statement (ms; 0 = next tick). Default 1000. */
  moodBatchMs?: number;
};
