import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { Actor } from '../../platform/http/actor.ts';

/**
 * Registers the `group:` channel: anyone who may see a group may listen for its invalidations (small
 * `{type:'invalidate', keys}` events; the client refetches through the API).
 */
export function registerGroupsRealtime(
  hub: RealtimeHub,
  service: { getVisibleGroup: (actor: Actor, groupId: string) => Promise<unknown>; canViewGroups: (checks: Array<{ actor: Actor; groupId: string }>) => Promise<boolean[]> },
) {
  hub.registerChannel('group', {
    async authorize(actor, id) {
      if (!isGroupId(id)) return false;
      return service.getVisibleGroup(actor, id).then(
        () => true,
        () => false,
      );
    },
    // The periodic re-check of every open group page on a node: one statement, not two per person and group.
    async authorizeMany(checks) {
      const valid = checks.filter((c) => isGroupId(c.id));
      const answers = await service.canViewGroups(valid.map((c) => ({ actor: c.actor, groupId: c.id })));
      const byCheck = new Map(valid.map((c, i) => [c, answers[i]!]));
      return checks.map((c) => byCheck.get(c) ?? false);
    },
  });
}

/** Room names come from the client: anything that is not a uuid cannot be a group (and must not reach SQL). */
function isGroupId(id: string) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
