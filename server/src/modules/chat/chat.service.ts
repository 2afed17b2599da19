import type { Db } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { GroupsService } from '../groups/index.ts';
import type { SessionsService } from '../sessions/index.ts';

export type ChatService = ReturnType<typeof createChatService>;

/** Chat rooms, messages and one-to-one conversations. */
export function createChatService(_deps: { db: Db; hub: RealtimeHub; cipher: FieldCipher; groups: GroupsService; sessions: SessionsService }) {
  return {};
}
