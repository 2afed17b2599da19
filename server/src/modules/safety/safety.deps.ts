import type { Db } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { ChatService } from '../chat/index.ts';

/** A forum post as a reviewer sees it in a case (forums reads safety, so main.ts passes this in). */
export type ForumPostForReview = { id: string; threadId: string; title: string; body: string; held: boolean };

/** What the safety module needs, given by main.ts. */
export type SafetyDeps = {
  db: Db;
  hub: RealtimeHub;
  cipher: FieldCipher;
  jobs: JobQueue;
  logger: Logger;
  now: () => Date;
  chat: Pick<ChatService, 'listMessagesAround' | 'openStaffConversation'>;
  findForumPost?: (postId: string) => Promise<ForumPostForReview | null>;
  /** Web push and e-mail (the notifications module): the fallback for staff who are not watching the dashboard. */
  notifier?: Notifier;
};

export const oncallRoom = (orgId: string) => `oncall:${orgId}`;
export const userRoom = (userId: string) => `user:${userId}`;
