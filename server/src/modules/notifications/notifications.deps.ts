import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Mailer } from '../../platform/mail/index.ts';
import type { PushSender } from '../../platform/push/index.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { LinkSigner } from './notifications.keys.ts';
import type { NotificationInput } from '../../platform/notify.ts';

/**
 * Decides, when a scheduled notification comes due, whether it still applies (e.g. the person still goes to that
 * session at that time). Registered by main.ts per kind prefix, so this module never reads another module's tables.
 */
export type StillDue = (input: NotificationInput) => Promise<boolean>;

/** What the notifications module needs, given by main.ts. */
export type NotificationsDeps = {
  db: Db;
  hub: RealtimeHub;
  jobs: JobQueue;
  cipher: FieldCipher;
  logger: Logger;
  now: () => Date;
  mailer: Mailer;
  push: PushSender;
  signer: LinkSigner;
  publicUrl: string;
  /** Only tests point subscriptions at a plain-http local push endpoint; real push services are https. */
  allowHttpPushEndpoints: boolean;
  guards: Map<string, StillDue>;
};

export const userRoom = (userId: string) => `user:${userId}`;
