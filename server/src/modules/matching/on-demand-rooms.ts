import { writeAudit, type Tx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { MatchingErrors } from './matching.errors.ts';
import { canEndRoom, canHostRoom } from './matching.policy.ts';
import * as repo from './matching.repo.ts';
import { userRoom, type MatchingDeps } from './matching.deps.ts';
import type { JoinOnDemandBody, OnDemandPlacement } from './matching.schemas.ts';
import { createRoomIndex, ROOM_MAX, type LiveRoom, type RiskLevel, type Seeker } from './on-demand-placement.ts';
import { isWithinWindows } from './schedule.ts';
import { readMatchingSettings } from './matching-settings.ts';
import { lockSettingsForReading } from './matching-settings.repo.ts';
import { firstIdleCheckKey, nextIdleCheckKey, ROOM_IDLE_QUEUE } from './on-demand-idle.ts';
import { classifyTopics, isTopic, TOPIC_LABELS, type Topic } from './text-model/index.ts';

const RANK: Record<RiskLevel, number> = { none: 0, concern: 1, urgent: 2 };
const higher = (a: RiskLevel, b: RiskLevel) => (RANK[a] >= RANK[b] ? a : b);

export { ROOM_IDLE_QUEUE } from './on-demand-idle.ts';

/**
 * On-demand small groups: one sentence places the person in a live room of 3–6 people with related struggles, hosted
 * by a peer supporter or moderator; a new room opens when none fits. Safety: the sentence is assessed first, and two
 * people whose latest assessment is urgent are never placed in one room — the second is routed to on-call instead.
 * Placement (including opening the chat room and choosing the host) runs in one transaction under a per-organization
 * lock, so concurrent joins cannot break that rule, a host never goes over their limit, and a failure leaves nothing
 * behind. Rooms nobody has written in or joined for a while close on their own; the host can end one at any time.
 */
export function createOnDemandRooms(deps: MatchingDeps) {
  const { db, hub, jobs, logger, now, safety, notifier } = deps;
  const settingsOf = readMatchingSettings(deps);
  /**
   * The idle time, read under the settings' shared lock: a settings change (which holds it exclusively while it moves
   * the pending checks) either sees the check this schedules, or this sees the new value. Never a check by the old one.
   */
  const idleMsOf = async (tx: Tx, orgId: string) => {
    await lockSettingsForReading(tx, orgId);
    return (await settingsOf(tx, orgId)).roomIdleMinutes * 60_000;
  };

  /** A host who speaks the language, is taking requests, free now (when they gave windows) and under their room limit. */
  async function pickHost(tx: Tx, orgId: string, language: string, at: Date): Promise<string | null> {
    const { maxRoomsPerHost } = await settingsOf(tx, orgId);
    const hosts = (await repo.listHostCandidates(tx, orgId)).filter(
      (h) =>
        canHostRoom(h) && h.accepting && h.languages.includes(language) && h.hosting < maxRoomsPerHost &&
        (h.availability.length === 0 || isWithinWindows(at, h.availability, h.timezone)),
    );
    hosts.sort((a, b) => a.hosting - b.hosting || (a.role === 'peer_supporter' ? -1 : 1));
    for (const h of hosts) {
      if (h.role === 'moderator' || !deps.canTakeOneToOne || (await deps.canTakeOneToOne({ userId: h.id, orgId }))) return h.id;
    }
    return null;
  }

  /** Closes a room in the caller's transaction; returns who was in it, to tell them after commit. */
  async function closeRoom(tx: Tx, room: repo.OnDemandRoomRow, actorId: string | null, reason: 'idle' | 'ended' | 'empty') {
    const present = await repo.listPresentUserIds(tx, room.id);
    const at = now();
    await repo.markAllLeft(tx, room.id, at);
    await repo.closeOnDemandRoom(tx, room.id, at);
    await writeAudit(tx, { orgId: room.orgId, actorId, action: 'on_demand.closed', entityType: 'on_demand_room', entityId: room.id, data: { reason } });
    return present;
  }

  const tellClosed = async (userIds: string[]) => {
    for (const id of userIds) await hub.publish(userRoom(id), { type: 'invalidate', keys: ['matching.small-group'] }).catch(() => {});
  };

  /** Idle check: closes the room when nobody wrote or joined for the idle time, otherwise looks again later. */
  jobs.register(ROOM_IDLE_QUEUE, async (tx: Tx, payload, job) => {
    const room = await repo.lockOnDemandRoom(tx, String(payload.roomId));
    if (!room || room.status !== 'open') return;
    const [lastMessage, lastJoin] = await Promise.all([deps.chat.findLastMessageAt(room.roomId), repo.findLastJoinAt(tx, room.id)]);
    const last = Math.max(room.createdAt.getTime(), lastMessage?.getTime() ?? 0, lastJoin?.getTime() ?? 0);
    const at = now();
    // Read now, so a changed setting applies to rooms that are already open.
    const idleMs = await idleMsOf(tx, room.orgId);
    if (at.getTime() - last < idleMs) {
      const next = new Date(last + idleMs);
      await jobs.enqueue(tx, ROOM_IDLE_QUEUE, { roomId: room.id }, next, nextIdleCheckKey(room.id, job.id));
      return;
    }
    const present = await closeRoom(tx, room, null, 'idle');
    return async () => {
      await tellClosed(present);
      // Like ending by the host: everyone's live subscription to the closed room ends at once, on every node.
      await hub.revoke({ room: `room:${room.roomId}`, reason: 'closed' }).catch(() => {});
    };
  });

  return {
    /** One sentence → a place in a live small group, or on-call when placing them would break the safety rule. */
    async joinOnDemand(actor: Actor, body: JoinOnDemandBody): Promise<OnDemandPlacement> {
      const assessed = await safety.assess({ userId: actor.userId, orgId: actor.orgId }, body.text);
      const user = await repo.findUserBrief(db, actor.userId);
      const language = body.language ?? user?.languages[0] ?? 'en';
      const topics = classifyTopics(body.text, 3);
      const at = now();
      const since = new Date(at.getTime() - repo.CURRENT_LEVEL_MS);
      // Crisis routing first: on-call hears about concern or urgent words before anything else happens.
      if (assessed.level !== 'none') {
        await safety
          .raiseForPerson?.({ orgId: actor.orgId, userId: actor.userId, raisedBy: actor.userId, level: assessed.level, source: { kind: 'on_demand' }, reasons: [`on-demand group: ${assessed.level} language`] })
          .catch((err) => logger.error({ err }, 'on-call hand-off failed'));
      }

      const result = await db.transaction(async (tx) => {
        await repo.lockOrgPlacement(tx, actor.orgId);
        const current = await repo.findCurrentRoomOf(tx, actor.userId);
        if (current) return { kind: 'already' as const, room: current.room };
        const open = await repo.listOpenRooms(tx, actor.orgId);
        // Everyone's latest level is re-read here, inside the lock: a message since placement may have changed it.
        const presentIds = new Map<string, string[]>();
        for (const r of open) presentIds.set(r.room.id, await repo.listPresentMemberIds(tx, r.room.id));
        const levels = await repo.listLatestLevels(tx, [actor.userId, ...[...presentIds.values()].flat()], since);
        const level = higher(assessed.level, levels.get(actor.userId) ?? 'none');
        const index = createRoomIndex();
        for (const r of open) {
          if (!isTopic(r.room.topic)) continue;
          const ids = presentIds.get(r.room.id)!;
          const lv = ids.map((id) => higher(levels.get(id) ?? 'none', 'none'));
          index.upsert({
            id: r.room.id, topic: r.room.topic, language: r.room.language, size: ids.length, capacity: Math.min(r.room.capacity, ROOM_MAX),
            urgent: Math.max(r.urgent, lv.filter((l) => l === 'urgent').length), acute: Math.max(r.acute, lv.filter((l) => l !== 'none').length),
          } satisfies LiveRoom);
        }
        const seeker: Seeker = { topics: topics.map((t) => ({ topic: t.topic, p: t.p })), language, level };
        const placement = index.place(seeker);
        if (placement.kind === 'join') {
          const room = (await repo.findOnDemandRoom(tx, placement.roomId))!;
          const others = await repo.listLatestLevels(tx, presentIds.get(room.id)!, since);
          // The rule, checked once more against the database itself.
          if (level === 'urgent' && [...others.values()].includes('urgent')) return { kind: 'oncall' as const, level };
          await repo.upsertOnDemandMember(tx, { onDemandRoomId: room.id, userId: actor.userId, role: 'member', level, createdAt: at, updatedAt: at });
          await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'on_demand.joined', entityType: 'on_demand_room', entityId: room.id });
          return { kind: 'placed' as const, room, opened: false, size: presentIds.get(room.id)!.length + 1, level };
        }
        // Someone whose latest assessment is urgent joins only a room with no other urgent person in it; when no such
        // room fits, on-call takes them instead (a new room alone is no place for a person in crisis).
        if (level === 'urgent') return { kind: 'oncall' as const, level };
        // The chat room, the host and the first member are written together: all of it or none of it.
        const hostFor = await pickHost(tx, actor.orgId, language, at);
        const { roomId } = await deps.chat.openOnDemandRoom(actor.orgId, tx);
        const room = await repo.insertOnDemandRoom(tx, { orgId: actor.orgId, roomId, topic: placement.topic, language, hostId: hostFor, createdAt: at });
        if (hostFor) await repo.upsertOnDemandMember(tx, { onDemandRoomId: room.id, userId: hostFor, role: 'host', level: 'none', createdAt: at, updatedAt: at });
        await repo.upsertOnDemandMember(tx, { onDemandRoomId: room.id, userId: actor.userId, role: 'member', level, createdAt: at, updatedAt: at });
        const idleAt = new Date(at.getTime() + (await idleMsOf(tx, actor.orgId)));
        await jobs.enqueue(tx, ROOM_IDLE_QUEUE, { roomId: room.id }, idleAt, firstIdleCheckKey(room.id));
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'on_demand.opened', entityType: 'on_demand_room', entityId: room.id, data: { topic: placement.topic, hosted: !!hostFor } });
        return { kind: 'placed' as const, room, opened: true, size: 1, level };
      });

      const card = assessed.level === 'none' ? null : { card: assessed.level };
      if (result.kind === 'oncall') {
        await safety
          .raiseForPerson?.({ orgId: actor.orgId, userId: actor.userId, raisedBy: null, level: 'urgent', source: { kind: 'on_demand' }, reasons: ['on-demand group: routed to on-call instead of a room'] })
          .catch((err) => logger.error({ err }, 'on-call hand-off failed'));
        return { status: 'routed_to_oncall', room: null, safety: { card: 'urgent' } };
      }
      const room = result.room;
      if (result.kind === 'placed' && result.opened && room.hostId && notifier) {
        await notifier.notify({ userId: room.hostId, kind: 'matching.room_host', url: `/small-groups/${room.id}`, dedupeKey: `room-host:${room.id}` }).catch(() => {});
      }
      const size = result.kind === 'placed' ? result.size : (await repo.listPresentMemberIds(db, room.id)).length;
      return {
        status: 'placed',
        room: { id: room.id, roomId: room.roomId, topic: room.topic as Topic, language: room.language, size, hosted: room.hostId !== null, opened: result.kind === 'placed' && result.opened, abilities: { end: room.hostId === actor.userId } },
        safety: card,
      };
    },

    /** The small group the person is in now, if any. */
    async getMyOnDemandRoom(actor: Actor) {
      const current = await repo.findCurrentRoomOf(db, actor.userId);
      if (!current) return null;
      const size = (await repo.listPresentMemberIds(db, current.room.id)).length;
      const r = current.room;
      return { id: r.id, roomId: r.roomId, topic: r.topic as Topic, language: r.language, size, hosted: r.hostId !== null, opened: false, abilities: { end: false } };
    },

    /** One small group I am in (as a member or its host); 404 for anyone else. */
    async getOnDemandRoom(actor: Actor, id: string) {
      const room = await repo.findOnDemandRoom(db, id);
      const presence = room && room.orgId === actor.orgId ? await repo.findPresence(db, id, actor.userId) : null;
      if (!room || !presence) throw MatchingErrors.roomNotFound();
      const size = (await repo.listPresentMemberIds(db, room.id)).length;
      return { id: room.id, roomId: room.roomId, topic: room.topic as Topic, language: room.language, size, hosted: room.hostId !== null, opened: false, abilities: { end: canEndRoom(presence) } };
    },

    /** Leaving a small group; the room closes when its last member leaves. */
    async leaveOnDemand(actor: Actor, id: string) {
      const room = await repo.findOnDemandRoom(db, id);
      if (!room || room.orgId !== actor.orgId || !(await repo.findPresence(db, id, actor.userId))) throw MatchingErrors.roomNotFound();
      const told = await db.transaction(async (tx) => {
        await repo.lockOrgPlacement(tx, actor.orgId);
        await repo.markLeft(tx, id, actor.userId, now());
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'on_demand.left', entityType: 'on_demand_room', entityId: id });
        if ((await repo.listPresentMemberIds(tx, id)).length === 0) return closeRoom(tx, room, actor.userId, 'empty');
        return [];
      });
      await tellClosed(told);
      await hub.revoke({ userId: actor.userId, room: `room:${room.roomId}`, reason: 'left' }).catch(() => {});
      return { left: true };
    },

    /** The host ends the small group for everyone (members are told; the chat closes). */
    async endOnDemand(actor: Actor, id: string) {
      const room = await repo.findOnDemandRoom(db, id);
      const presence = room && room.orgId === actor.orgId ? await repo.findPresence(db, id, actor.userId) : null;
      if (!room || !presence) throw MatchingErrors.roomNotFound();
      if (!canEndRoom(presence)) throw MatchingErrors.onlyHostEnds();
      const told = await db.transaction(async (tx) => {
        const locked = await repo.lockOnDemandRoom(tx, id);
        if (!locked || locked.status !== 'open') return [];
        return closeRoom(tx, locked, actor.userId, 'ended');
      });
      await tellClosed(told);
      // Everyone's live subscription to the closed room is read again and ends (on every node).
      await hub.revoke({ room: `room:${room.roomId}`, reason: 'closed' }).catch(() => {});
      return { ended: true };
    },

    /** For chat: who may see and post in an on-demand room (present members and the host), and its title. */
    async findRoomFacts(roomId: string, userId: string) {
      const room = await repo.findOnDemandRoomByChatRoom(db, roomId);
      if (!room) return null;
      const presence = await repo.findPresence(db, room.id, userId);
      const label = TOPIC_LABELS[room.topic as Topic] ?? room.topic;
      return { participant: presence !== null, open: room.status === 'open', title: `Small group · ${label}` };
    },
  };
}
