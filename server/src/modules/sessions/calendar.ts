import { writeAudit } from '../../platform/db/index.ts';
import { createToken, hashToken } from '../../platform/crypto/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import * as repo from './sessions.repo.ts';
import type { SessionsContext } from './sessions.context.ts';
import { SessionErrors } from './sessions.errors.ts';
import { buildCalendar, type IcsEvent } from './ics.ts';
import { HORIZON_MS } from './materialize.ts';
import { listPrivateSessionsOf } from './private-sessions.repo.ts';
import { privateSessionEvent } from './private-sessions.ts';

/** Feeds show recent history too, so a calendar keeps last month's meetings. */
const FEED_PAST_MS = 90 * 86_400_000;

type CalendarRow = Awaited<ReturnType<typeof repo.listCalendarSessions>>[number];

/** Only what a calendar needs: title, time, place, status. Never who is going, and nothing about the subscriber. */
function toEvent({ session, group }: CalendarRow, origin: string): IcsEvent {
  const title = session.title ?? group.name;
  const venue = group.venueName ? [group.venueName, group.venueAddress].filter(Boolean).join(', ') : null;
  const location = group.format === 'online' || !venue ? 'Online in Hearth' : group.format === 'hybrid' ? `${venue} (or online in Hearth)` : venue;
  const url = `${origin}/sessions/${session.id}`;
  return {
    uid: `${session.id}@hearth`,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    summary: title,
    description: `${title === group.name ? '' : `${group.name}\n`}Open in Hearth: ${url}`,
    location,
    url,
    cancelled: session.status === 'cancelled',
    updatedAt: session.updatedAt,
  };
}

/** iCalendar feeds: one per group, and a personal one behind an unguessable, revocable URL. */
export function createCalendarUseCases(ctx: SessionsContext) {
  const { db, now, groups, materializer } = ctx;

  /** Group sessions, plus the private sessions (e.g. supervision) of the feed's owner when there is one. */
  async function calendarFor(groupIds: string[], name: string, origin: string, privateOf?: string) {
    await materializer.ensureHorizon(groupIds);
    const at = now();
    const from = new Date(at.getTime() - FEED_PAST_MS);
    const to = new Date(at.getTime() + HORIZON_MS);
    const rows = await repo.listCalendarSessions(db, groupIds, from, to);
    const events = rows.map((r) => toEvent(r, origin));
    if (privateOf) events.push(...(await listPrivateSessionsOf(db, privateOf, from, to)).map((s) => privateSessionEvent(s, origin)));
    events.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    return buildCalendar({ name, now: at, events });
  }

  return {
    /** The group's meetings, for anyone who may see the group. */
    async groupCalendar(actor: Actor, groupId: string, origin: string): Promise<string> {
      const { group } = await groups.getVisibleGroup(actor, groupId);
      return calendarFor([groupId], group.name, origin);
    },

    /** Creates a personal feed URL, revoking any earlier one: the old link stops working at once. */
    async createPersonalFeed(actor: Actor) {
      const token = createToken();
      const feed = await db.transaction(async (tx) => {
        const revoked = await repo.revokeFeeds(tx, actor.userId, now());
        const feed = await repo.insertFeed(tx, actor.userId, hashToken(token));
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: revoked ? 'calendar_feed.rotated' : 'calendar_feed.created', entityType: 'calendar_feed', entityId: feed.id });
        return feed;
      });
      return { token, createdAt: feed.createdAt };
    },

    async revokePersonalFeed(actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        if ((await repo.revokeFeeds(tx, actor.userId, now())) > 0) {
          await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'calendar_feed.revoked', entityType: 'user', entityId: actor.userId });
        }
      });
    },

    async getPersonalFeedStatus(actor: Actor) {
      const feed = await repo.findLiveFeedOf(db, actor.userId);
      return { active: feed !== null, createdAt: feed?.createdAt.toISOString() ?? null };
    },

    /** The person's groups' meetings and their private sessions, for a calendar app holding the secret URL (no cookie). */
    async personalCalendar(token: string, origin: string): Promise<string> {
      const feed = await repo.findLiveFeedByHash(db, hashToken(token));
      if (!feed) throw SessionErrors.feedNotFound();
      return calendarFor(await groups.listActiveGroupIds(feed.userId), 'Hearth meetings', origin, feed.userId);
    },
  };
}
