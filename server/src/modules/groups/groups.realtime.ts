import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { Actor } from '../../platform/http/actor.ts';

/**
 * Registers the `group:` channel: anyone who may see a group may listen for its invalidations (small
 * `{type:'invalidate', keys}` events; the client refetches through the API).
 */
export function registerGroupsRealtime(hub: RealtimeHub, service: { getVisibleGroup: (actor: Actor, groupId: string) => Promise<unknown> }) {
  hub.registerChannel('group', {
    async authorize(actor, id) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
      return service.getVisibleGroup(actor, id).then(
        () => true,
        () => false,
      );
    },
  });
}
