import type { Db } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { ChatService } from '../chat/index.ts';
import type { GroupsService } from '../groups/index.ts';
import type { SessionFacts } from '../sessions/index.ts';
import type { RiskLevel } from './on-demand-placement.ts';
import type { WeeklyWindow } from './schedule.ts';

/** What matching needs from a person's intake profile (the intake module owns it; main.ts binds the lookup). */
export type MatchProfile = {
  text: string;
  challenges: string[];
  communities: string[];
  languages: string[];
  timezone: string | null;
  windows: WeeklyWindow[];
  format: 'online' | 'in_person' | 'hybrid' | 'any';
  place: { lat: number; lng: number; label: string } | null;
  supporter: { gender: string | null; ageRange: string | null; livedExperience: string[] };
};

/** Hands a person to the on-call team (the safety module's `raiseForPerson`). */
export type RaiseForPerson = (input: {
  orgId: string;
  userId: string;
  raisedBy: string | null;
  level: 'concern' | 'urgent';
  source: { kind: string; id?: string };
  reasons: string[];
}) => Promise<{ caseId: string }>;

/**
 * The safety checks matching and intake run on everything a person writes. `assess` is the same assessment chat uses
 * (rules, classifier and the person's recent trajectory); a concern or urgent level is then handed to on-call.
 */
export type SafetyPort = {
  assess(author: { userId: string; orgId: string }, text: string): Promise<{ level: RiskLevel }>;
  raiseForPerson?: RaiseForPerson;
};

/** The matching service's factory arguments. */
export type MatchingDeps = {
  db: Db;
  hub: RealtimeHub;
  cipher: FieldCipher;
  jobs: JobQueue;
  logger: Logger;
  now: () => Date;
  chat: Pick<ChatService, 'openMatchedConversation' | 'openOnDemandRoom' | 'findLastMessageAt' | 'countOpenConversations'>;
  /** Groups' upcoming meeting times (the sessions module's port). */
  sessions: Pick<SessionFacts, 'listUpcomingStarts'>;
  safety: SafetyPort;
  findProfile?: (userId: string) => Promise<MatchProfile | null>;
  notifier?: Notifier;
  /** Whether a person holds an active peer-supporter certificate (the training module). Enforced when given. */
  canTakeOneToOne?: (who: { userId: string; orgId: string }) => Promise<boolean>;
  /** Enrols people in groups (the groups module), for applying a cohort assignment. */
  groups?: Pick<GroupsService, 'enrolMembers'>;
  /** Members' ratings of supporters' ended one-to-one conversations (the supervision module's feedback), when wired. */
  supporterRatings?: (userIds: string[]) => Promise<Map<string, { count: number; average: number | null }>>;
  /** How long an on-demand request waits for a peer supporter before it goes to on-call. */
  requestWaitSeconds: number;
  /** The default for organizations without their own setting: an on-demand room nobody wrote in or joined for this long closes. */
  roomIdleMinutes: number;
  /** The default for organizations without their own setting: how many on-demand rooms one host looks after at once. */
  maxRoomsPerHost: number;
};

export const userRoom = (userId: string) => `user:${userId}`;
