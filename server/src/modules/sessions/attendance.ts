import { randomInt } from 'node:crypto';
import { writeAudit } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { groupsPolicy } from '../groups/index.ts';
import * as repo from './sessions.repo.ts';
import type { SessionsContext } from './sessions.context.ts';
import type { Attendance, CheckInBody } from './sessions.schemas.ts';
import { SessionErrors } from './sessions.errors.ts';
import { CHECK_IN_OPENS_BEFORE_MS, isCheckInOpen, meetsInPerson, sessionAbilities } from './sessions.policy.ts';

/** No 0/O, 1/I/L, 2/Z, 5/S, 6/G or 8/B: easy to read off a sign and type on a phone. */
const CODE_ALPHABET = 'ACDEFHJKMNPRTUVWXY34679';
const CODE_LENGTH = 6;

export function generateCheckInCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** People type codes in many ways: ignore case, spaces and dashes. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** Attendance: online from live-room presence, in person from a facilitator or the venue code. */
export function createAttendanceUseCases(ctx: SessionsContext) {
  const { db, now, groups } = ctx;

  const audit = (orgId: string | null, actorId: string, action: string, sessionId: string, data: Record<string, unknown>) => ({ orgId, actorId, action, entityType: 'session', entityId: sessionId, data });

  async function requireAttendanceManager(actor: Actor, sessionId: string) {
    const { view, membership } = await ctx.loadReadable(actor, sessionId);
    if (!sessionAbilities(actor, view.group, membership, view.session, now(), { checkedIn: false }).manageAttendance) throw CommonErrors.forbidden();
    return view;
  }

  return {
    /**
     * Called by the live room when a person arrives. Idempotent: while a visit is open nothing changes; a person who
     * comes back after leaving starts a new visit row. Only active members of the group are recorded.
     */
    async recordOnlineJoin(sessionId: string, userId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const session = await repo.lockSession(tx, sessionId);
        if (!session || session.status === 'cancelled') return;
        if (!(await groups.isActiveMember(session.groupId, userId))) return;
        if (await repo.findOpenOnline(tx, sessionId, userId)) return;
        await repo.insertAttendance(tx, { sessionId, userId, mode: 'online', joinedAt: now() });
        const group = await groups.findGroup(session.groupId);
        await writeAudit(tx, audit(group?.orgId ?? null, userId, 'session.attendance_joined', sessionId, { userId, mode: 'online' }));
      });
    },

    /** Called by the live room when a person's last connection leaves. Idempotent. */
    async recordOnlineLeave(sessionId: string, userId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const session = await repo.lockSession(tx, sessionId);
        if (!session) return;
        if ((await repo.closeOpenOnline(tx, sessionId, userId, now())) === 0) return;
        const group = await groups.findGroup(session.groupId);
        await writeAudit(tx, audit(group?.orgId ?? null, userId, 'session.attendance_left', sessionId, { userId, mode: 'online' }));
      });
    },

    /** In-person check-in: a leader checks a member in, or the member types the code shown at the venue. */
    async checkIn(actor: Actor, sessionId: string, body: CheckInBody) {
      const { view, membership } = await ctx.loadReadable(actor, sessionId);
      const { session, group } = view;
      if (!meetsInPerson(group)) throw SessionErrors.notInPerson();
      if (session.status === 'cancelled') throw SessionErrors.cancelled();
      let userId: string;
      let checkedInBy: string | null = null;
      if ('userId' in body) {
        if (!sessionAbilities(actor, group, membership, session, now(), { checkedIn: false }).manageAttendance) throw CommonErrors.forbidden();
        // Leaders may record attendance after the end too, but not before check-in opens.
        if (now().getTime() < session.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS) throw SessionErrors.checkInClosed();
        const target = await groups.findMembership(group.id, body.userId);
        if (!groupsPolicy.isActive(target)) throw SessionErrors.notAMember();
        userId = body.userId;
        checkedInBy = actor.userId;
      } else {
        if (!groupsPolicy.isActive(membership)) throw SessionErrors.membersOnly();
        if (!isCheckInOpen(session, now())) throw SessionErrors.checkInClosed();
        if (!session.checkInCode || normalizeCode(body.code) !== session.checkInCode) throw SessionErrors.wrongCode();
        userId = actor.userId;
      }
      const record = await db.transaction(async (tx) => {
        await repo.lockSession(tx, sessionId);
        const existing = await repo.findInPerson(tx, sessionId, userId);
        if (existing) return existing;
        const row = await repo.insertAttendance(tx, { sessionId, userId, mode: 'in_person', joinedAt: now(), checkedInBy });
        await writeAudit(tx, audit(group.orgId, actor.userId, 'session.checked_in', sessionId, { userId, by: checkedInBy ? 'facilitator' : 'code' }));
        return row;
      });
      ctx.invalidate(group.id);
      return { sessionId, userId: record.userId, mode: record.mode, joinedAt: record.joinedAt.toISOString(), checkedInBy: record.checkedInBy };
    },

    /** The venue code for a session, created the first time a leader asks for it. */
    async getCheckInCode(actor: Actor, sessionId: string) {
      const view = await requireAttendanceManager(actor, sessionId);
      if (!meetsInPerson(view.group)) throw SessionErrors.notInPerson();
      if (view.session.checkInCode) return { code: view.session.checkInCode };
      await db.transaction(async (tx) => {
        await repo.setCheckInCode(tx, sessionId, generateCheckInCode());
        await writeAudit(tx, audit(view.group.orgId, actor.userId, 'session.check_in_code_created', sessionId, {}));
      });
      return { code: (await repo.findSession(db, sessionId))!.checkInCode! };
    },

    async listAttendance(actor: Actor, sessionId: string): Promise<Attendance> {
      const view = await requireAttendanceManager(actor, sessionId);
      const rows = await repo.listAttendance(db, sessionId);
      return {
        sessionId,
        attendeeCount: new Set(rows.map((r) => r.record.userId)).size,
        goingCount: view.goingCount,
        records: rows.map(({ record, displayName }) => ({
          userId: record.userId,
          displayName,
          mode: record.mode,
          joinedAt: record.joinedAt.toISOString(),
          leftAt: record.leftAt?.toISOString() ?? null,
          checkedInBy: record.checkedInBy,
        })),
      };
    },
  };
}
