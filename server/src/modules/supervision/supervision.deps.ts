import type { Db } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { SessionsService } from '../sessions/index.ts';

/** What supervision needs from one-to-one chat (wired in main.ts, so supervision does not depend on chat). */
export type ConversationPort = {
  /** The caller's view of a conversation; throws a 404 when they are not in it. */
  getConversation(actor: Actor, id: string): Promise<{ status: string; myRole: 'member' | 'supporter'; respondedAt: string | null; roomId: string | null; supporterId: string }>;
  /** When the last message in the room was sent, or null. */
  lastMessageAt(actor: Actor, roomId: string): Promise<Date | null>;
};

/** What supervision needs from training (certificates, for supervisors and the dashboard). */
export type CertificatePort = {
  hasActiveCertificate(userId: string, kind: 'peer_supporter' | 'group_facilitator'): Promise<boolean>;
  listMine(actor: Actor): Promise<{ certificates: Array<{ kind: string; status: string; expiresAt: string }>; eligibility: Array<{ kind: string; eligible: boolean; requirements: Array<{ key: string; met: boolean; have: number; need: number }> }>; settings: { warningDays: number } }>;
};

/**
 * What the caseload dashboard reads from other modules (wired in main.ts): open one-to-one conversations from chat,
 * and safety cases a supporter was involved in from safety. A missing port shows as "not available", never as zero.
 */
export type CaseloadPort = {
  countOpenConversations?: (supporterIds: string[]) => Promise<Map<string, number>>;
  countSafetyCases?: (supporterIds: string[], since: Date) => Promise<Map<string, number>>;
};

/** Supervision meetings are private sessions on the sessions module: time, status, reminders and calendar entries live there. */
export type PrivateSessionsPort = Pick<SessionsService, 'schedulePrivateSession' | 'reschedulePrivateSession' | 'cancelPrivateSession' | 'listPrivateSessions'>;

export type SupervisionDeps = { db: Db; cipher: FieldCipher; now: () => Date; notifier?: Notifier; conversations?: ConversationPort; certificates: CertificatePort; caseload?: CaseloadPort; sessions: PrivateSessionsPort };

