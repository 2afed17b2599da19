import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { createMailer, type MailConfig } from '../../platform/mail/index.ts';
import { createPushSender } from '../../platform/push/index.ts';
import type { PersonalDataContributor } from '../../platform/personal-data.ts';
import type { ChannelChoice } from '../../db/schema/notifications.ts';
import { registerDelivery } from './notifications.deliver.ts';
import { userRoom, type NotificationsDeps, type StillDue } from './notifications.deps.ts';
import { NotificationErrors } from './notifications.errors.ts';
import { loadLinkSigner, loadVapidKeys } from './notifications.keys.ts';
import { CATEGORIES, isUrgentCategory, lockedChoices, resolveChoice, type Category } from './notifications.kinds.ts';
import { createNotifier } from './notifications.notifier.ts';
import { presentNotification } from './notifications.presenter.ts';
import * as repo from './notifications.repo.ts';
import type { ListQuery, Preferences, PreferencesBody, SubscriptionBody } from './notifications.schemas.ts';

export type NotificationsService = Awaited<ReturnType<typeof createNotificationsService>>;

export type NotificationsInput = Omit<NotificationsDeps, 'mailer' | 'push' | 'signer' | 'guards' | 'now'> & {
  now?: () => Date;
  mail: MailConfig;
  vapid: { publicKey?: string; privateKey?: string; subject: string };
};

/**
 * Notifications: the in-app list with its unread count (live on the person's private room), e-mail and Web Push per
 * the person's preferences, quiet hours, digests, unsubscribe links, and the durable scheduled reminders behind the
 * `Notifier` port. Async because the VAPID keys and link secret are loaded (or created) from the database.
 */
export async function createNotificationsService(input: NotificationsInput) {
  const { db, cipher } = input;
  const vapid = await loadVapidKeys(db, cipher, input.vapid);
  const deps: NotificationsDeps = {
    ...input,
    now: input.now ?? (() => new Date()),
    mailer: createMailer(input.mail),
    push: createPushSender({ vapid, subject: input.vapid.subject }),
    signer: await loadLinkSigner(db, cipher),
    guards: new Map(),
  };
  const { hub, now, mailer, push, signer } = deps;
  const { notifier, announce } = createNotifier(deps);
  registerDelivery(deps, announce);

  async function publishRead(userId: string) {
    const unreadCount = await repo.countUnread(db, userId);
    await hub.publish(userRoom(userId), { type: 'notification.read', unreadCount }).catch(() => {});
    return unreadCount;
  }

  async function presentPreferences(actor: Actor): Promise<Preferences> {
    const [prefs, recipient, subs] = await Promise.all([repo.findPreferences(db, actor.userId), repo.findRecipient(db, actor.userId), repo.listSubscriptions(db, actor.userId)]);
    return {
      categories: CATEGORIES.map((category) => ({ category, ...resolveChoice(category, prefs?.categories), locked: lockedChoices(category) })),
      quietHours: prefs?.quietStart && prefs.quietEnd ? { start: prefs.quietStart, end: prefs.quietEnd } : null,
      digestHour: prefs?.digestHour ?? 8,
      showDetails: prefs?.showDetails ?? false,
      timezone: recipient?.timezone ?? actor.timezone,
      email: { hasAddress: Boolean(recipient?.email), serverCanSend: mailer.enabled },
      push: { publicKey: push.publicKey, subscriptions: subs.length },
    };
  }

  /** Turns e-mail off for one type, or for every type ("*"), keeping the other channels as they were. */
  function withoutEmail(saved: Record<string, Partial<ChannelChoice>>, category: Category | '*') {
    const next = { ...saved };
    for (const c of category === '*' ? CATEGORIES : [category]) next[c] = { ...resolveChoice(c, saved), email: false };
    return next;
  }

  /** What an unsubscribe link would do; reading it changes nothing (mail scanners open links). */
  async function describeUnsubscribe(token: string) {
    const claim = signer.verify(token);
    if (!claim || !(claim.category === '*' || (CATEGORIES as readonly string[]).includes(claim.category))) throw NotificationErrors.badLink();
    const prefs = await repo.findRecipient(db, claim.userId).then((r) => (r ? repo.findPreferences(db, claim.userId) : undefined));
    if (prefs === undefined) throw NotificationErrors.badLink();
    const categories = claim.category === '*' ? CATEGORIES : [claim.category as Category];
    const unsubscribed = categories.every((c) => !resolveChoice(c, prefs?.categories).email);
    return { category: claim.category as Category | '*', unsubscribed };
  }

  const personalData: PersonalDataContributor = {
    name: 'notifications',
    export: (userId) => repo.exportUser(db, userId),
    erase: (tx, userId) => repo.eraseUser(tx, userId),
  };

  return {
    notifier,
    personalData,
    /** Whether SMTP is configured (e-mail is off otherwise). */
    mailerEnabled: mailer.enabled,
    close: () => mailer.close(),

    /** Lets main.ts say when a scheduled kind no longer applies (checked when it comes due). */
    registerStillDue(kindPrefix: string, check: StillDue) {
      deps.guards.set(kindPrefix, check);
    },

    async listNotifications(actor: Actor, query: ListQuery) {
      const rows = await repo.listNotifications(db, actor.userId, { before: query.before, limit: query.limit + 1 });
      const page = rows.slice(0, query.limit);
      return {
        notifications: page.map(presentNotification),
        unreadCount: await repo.countUnread(db, actor.userId),
        nextBefore: rows.length > query.limit ? page[page.length - 1]!.id : null,
      };
    },

    countUnread: (actor: Actor) => repo.countUnread(db, actor.userId).then((unreadCount) => ({ unreadCount })),

    async markRead(actor: Actor, id: string) {
      const row = await repo.markRead(db, actor.userId, id, now());
      if (!row) throw NotificationErrors.notFound();
      await publishRead(actor.userId);
      return presentNotification(row);
    },

    async markAllRead(actor: Actor) {
      await repo.markAllRead(db, actor.userId, now());
      return { unreadCount: await publishRead(actor.userId) };
    },

    getPreferences: presentPreferences,

    async savePreferences(actor: Actor, body: PreferencesBody) {
      const categories: Record<string, Partial<ChannelChoice>> = {};
      for (const [category, choice] of Object.entries(body.categories)) {
        // Locked switches (safety alerts in the app) are not stored, so they cannot be turned off by a crafted request.
        const resolved = { ...resolveChoice(category as Category, undefined), ...choice };
        categories[category] = isUrgentCategory(category as Category) ? { ...resolved, inApp: true, digest: false } : resolved;
      }
      await db.transaction(async (tx) => {
        const current = await repo.findPreferences(tx, actor.userId);
        await repo.upsertPreferences(tx, actor.userId, {
          categories: { ...(current?.categories ?? {}), ...categories },
          quietStart: body.quietHours?.start ?? null,
          quietEnd: body.quietHours?.end ?? null,
          digestHour: body.digestHour,
          showDetails: body.showDetails,
        });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'notification_preferences.saved', entityType: 'user', entityId: actor.userId, data: { categories: Object.keys(categories) } });
      });
      return presentPreferences(actor);
    },

    async subscribePush(actor: Actor, body: SubscriptionBody, userAgent: string | null) {
      const url = new URL(body.endpoint);
      if (url.protocol !== 'https:' && !(deps.allowHttpPushEndpoints && url.protocol === 'http:')) throw NotificationErrors.insecureEndpoint();
      const row = await repo.upsertSubscription(db, { userId: actor.userId, endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth, userAgent: userAgent?.slice(0, 300) ?? null });
      return { id: row.id };
    },

    async unsubscribePush(actor: Actor, endpoint: string) {
      if (!(await repo.deleteSubscription(db, actor.userId, endpoint))) throw NotificationErrors.subscriptionNotFound();
      return { ok: true as const };
    },

    describeUnsubscribe,

    /** Stops e-mail of that type for the person in the link, without signing in. */
    async unsubscribe(token: string) {
      const { category } = await describeUnsubscribe(token);
      const claim = signer.verify(token)!;
      await db.transaction(async (tx) => {
        const current = await repo.findPreferences(tx, claim.userId);
        await repo.upsertPreferences(tx, claim.userId, {
          categories: withoutEmail(current?.categories ?? {}, category),
          quietStart: current?.quietStart ?? null,
          quietEnd: current?.quietEnd ?? null,
          digestHour: current?.digestHour ?? 8,
          showDetails: current?.showDetails ?? false,
        });
        await writeAudit(tx, { actorId: claim.userId, action: 'notification_email.unsubscribed', entityType: 'user', entityId: claim.userId, data: { category, via: 'link' } });
      });
      return { category, unsubscribed: true };
    },
  };
}
