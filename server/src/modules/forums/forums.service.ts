import type { Db } from '../../platform/db/index.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { GroupsService } from '../groups/index.ts';

export type ForumsService = ReturnType<typeof createForumsService>;

/** Public and per-group boards, threads, replies and supportive reactions. */
export function createForumsService(_deps: { db: Db; hub: RealtimeHub; groups: GroupsService }) {
  return {};
}
