import { eq } from 'drizzle-orm';
import { attendance, calendarFeeds, privateSessionParticipants, privateSessions, rsvps, sessions } from '../../db/schema/index.ts';
import { deletePrivateSessionsOf } from './private-sessions.repo.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';

/** The sessions part of "export my data" and "delete my account" (the module's personal-data repo). */
export function createSessionsPersonalData(deps: { db: Db }): PersonalDataContributor {
  const { db } = deps;
  return {
    name: 'sessions',
    async export(userId) {
      const replies = await db
        .select({ sessionId: rsvps.sessionId, title: sessions.title, startsAt: sessions.startsAt, status: rsvps.status, answeredAt: rsvps.updatedAt })
        .from(rsvps)
        .innerJoin(sessions, eq(sessions.id, rsvps.sessionId))
        .where(eq(rsvps.userId, userId));
      const attended = await db
        .select({ sessionId: attendance.sessionId, title: sessions.title, mode: attendance.mode, joinedAt: attendance.joinedAt, leftAt: attendance.leftAt })
        .from(attendance)
        .innerJoin(sessions, eq(sessions.id, attendance.sessionId))
        .where(eq(attendance.userId, userId));
      const feeds = await db.select({ createdAt: calendarFeeds.createdAt, revokedAt: calendarFeeds.revokedAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
      const privateMeetings = await db
        .select({ title: privateSessions.title, purpose: privateSessions.purpose, startsAt: privateSessions.startsAt, endsAt: privateSessions.endsAt, status: privateSessions.status, role: privateSessionParticipants.role })
        .from(privateSessionParticipants)
        .innerJoin(privateSessions, eq(privateSessions.id, privateSessionParticipants.sessionId))
        .where(eq(privateSessionParticipants.userId, userId));
      return { rsvps: replies, attendance: attended, calendarFeeds: feeds, privateSessions: privateMeetings };
    },
    async erase(tx: Tx, userId) {
      // Check-ins the person recorded for others stay (they are the others' attendance), without the checker.
      await tx.update(attendance).set({ checkedInBy: null }).where(eq(attendance.checkedInBy, userId));
      await tx.delete(attendance).where(eq(attendance.userId, userId));
      await tx.delete(rsvps).where(eq(rsvps.userId, userId));
      await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
      await deletePrivateSessionsOf(tx, userId);
    },
  };
}
