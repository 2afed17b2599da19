import type { Db } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import { createCohortPrograms } from './cohort-programs.ts';
import { createRecommendations } from './group-recommendations.ts';
import type { MatchingDeps, MatchProfile, SafetyPort } from './matching.deps.ts';
import { createOnDemandRooms } from './on-demand-rooms.ts';
import { createMatchingSettings } from './matching-settings.ts';
import { createSupporterProfiles } from './supporter-profile.ts';
import { createSupportRequests } from './support-requests.ts';

export type MatchingService = ReturnType<typeof createMatchingService>;

/** Default wait before an unanswered one-to-one request goes to on-call. */
export const DEFAULT_REQUEST_WAIT_SECONDS = 300;
/** Default idle time before an on-demand small group closes, and how many rooms one host looks after at once (each organization's admins may change both). */
export const DEFAULT_ROOM_IDLE_MINUTES = 20;
export const DEFAULT_MAX_ROOMS_PER_HOST = 2;

/** Matching: group recommendations with reasons, one-to-one supporter matching and its queue, on-demand small groups. */
export function createMatchingService(input: {
  db: Db;
  hub: RealtimeHub;
  cipher: FieldCipher;
  jobs: JobQueue;
  logger: Logger;
  now?: () => Date;
  chat: MatchingDeps['chat'];
  sessions: MatchingDeps['sessions'];
  safety: SafetyPort;
  findProfile?: (userId: string) => Promise<MatchProfile | null>;
  notifier?: Notifier;
  canTakeOneToOne?: MatchingDeps['canTakeOneToOne'];
  supporterRatings?: MatchingDeps['supporterRatings'];
  groups?: MatchingDeps['groups'];
  requestWaitSeconds?: number;
  roomIdleMinutes?: number;
  maxRoomsPerHost?: number;
}) {
  const deps: MatchingDeps = {
    ...input,
    now: input.now ?? (() => new Date()),
    requestWaitSeconds: input.requestWaitSeconds ?? DEFAULT_REQUEST_WAIT_SECONDS,
    roomIdleMinutes: input.roomIdleMinutes ?? DEFAULT_ROOM_IDLE_MINUTES,
    maxRoomsPerHost: input.maxRoomsPerHost ?? DEFAULT_MAX_ROOMS_PER_HOST,
  };
  return {
    ...createRecommendations(deps),
    ...createSupportRequests(deps),
    ...createOnDemandRooms(deps),
    ...createSupporterProfiles(deps),
    ...createCohortPrograms(deps),
    ...createMatchingSettings(deps),
  };
}
