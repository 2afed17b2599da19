import { and, eq, gt } from 'drizzle-orm';
import { groups, rsvps, sessions } from '../db/schema/index.ts';
import type { Database } from '../platform/db/index.ts';
import type { NotificationsService } from '../modules/notifications/index.ts';
import { scheduleSessionReminders } from '../modules/sessions/index.ts';

/**
 * Demo notifications: the seed writes RSVPs straight into the database, so their reminders are scheduled here (as
 * real durable jobs, sent while the demo runs), and the demo member finds a few updates waiting under the bell.
 */
export async function seedDemoNotifications(services: { notifications: NotificationsService }, database: Database, member: { id: string }, now: Date) {
  const { notifier } = services.notifications;
  const going = await database.db
    .select({ userId: rsvps.userId, id: sessions.id, groupId: sessions.groupId, startsAt: sessions.startsAt, name: groups.name })
    .from(rsvps)
    .innerJoin(sessions, eq(sessions.id, rsvps.sessionId))
    .innerJoin(groups, eq(groups.id, sessions.groupId))
    .where(and(eq(rsvps.status, 'going'), eq(sessions.status, 'scheduled'), gt(sessions.startsAt, now)));
  await database.db.transaction(async (tx) => {
    for (const s of going) await scheduleSessionReminders(notifier, tx, s, { name: s.name }, s.userId, now);
  });

  const next = going.filter((s) => s.userId === member.id).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  if (next) {
    await notifier.notify({
      userId: member.id,
      kind: 'session.reminder_24h',
      url: `/groups/${next.groupId}`,
      params: { sessionId: next.id, startsAt: next.startsAt.toISOString(), groupName: next.name },
      dedupeKey: `demo:session:${next.id}`,
    });
  }
  await notifier.notify({ userId: member.id, kind: 'checkin.due', url: '/safety-plan', dedupeKey: 'demo:checkin' });
}
