import type { Tx } from '../../platform/db/index.ts';
import { categoryOf, isUrgentCategory, resolveChoice, type Category } from './notifications.kinds.ts';
import * as repo from './notifications.repo.ts';
import { QUEUES } from './notifications.repo.ts';
import { nextLocalHour, quietHoursEnd } from './notifications.time.ts';
import { renderDigest, renderExternal, type ExternalText } from './notifications.wording.ts';
import type { NotificationsDeps } from './notifications.deps.ts';

type Recipient = NonNullable<Awaited<ReturnType<typeof repo.findRecipient>>>;

/**
 * E-mail and Web Push, per the person's preferences: quiet hours defer (never drop), a digest collects, and each
 * channel records when it went out so a retried job does not send it twice. Runs in the job that claimed the
 * delivery, so two nodes never deliver the same notification.
 */
export function registerDelivery(deps: NotificationsDeps, announce: (row: repo.NotificationRow) => Promise<void>) {
  const { db, jobs, mailer, push, logger, now, publicUrl, signer } = deps;

  const quietOf = (prefs: repo.PreferencesRow | null) => (prefs?.quietStart && prefs.quietEnd ? { start: prefs.quietStart, end: prefs.quietEnd } : null);

  function composeMail(to: string, text: ExternalText, opts: { url: string; category: Category | '*'; userId: string; lines?: string[] }) {
    const unsubscribe = `${publicUrl}/unsubscribe?token=${encodeURIComponent(signer.sign({ userId: opts.userId, category: opts.category }))}`;
    const open = `${publicUrl}${opts.url}`;
    const settings = `${publicUrl}/notifications/settings`;
    const lines = opts.lines?.length ? `\n${opts.lines.map((l) => `- ${l}`).join('\n')}\n` : '';
    const plain = [
      text.body,
      lines,
      `Open Hearth: ${open}`,
      '',
      '--',
      'You get this e-mail because of your notification settings in Hearth.',
      `Stop e-mails like this (no sign-in needed): ${unsubscribe}`,
      `All notification settings: ${settings}`,
    ].join('\n');
    const html = [
      `<p>${escapeHtml(text.body)}</p>`,
      opts.lines?.length ? `<ul>${opts.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '',
      `<p><a href="${escapeHtml(open)}">Open Hearth</a></p>`,
      '<hr>',
      '<p style="font-size:13px;color:#555">You get this e-mail because of your notification settings in Hearth. ',
      `<a href="${escapeHtml(unsubscribe)}">Stop e-mails like this</a> (no sign-in needed) · <a href="${escapeHtml(settings)}">All notification settings</a></p>`,
    ].join('');
    return { to, subject: text.title, text: plain, html, headers: { 'List-Unsubscribe': `<${unsubscribe}>` } };
  }

  /** Sends a push to each of the person's browsers; forgets subscriptions the push service says are gone. */
  async function pushToAll(userId: string, text: ExternalText, data: { url: string; tag: string; urgent: boolean }): Promise<{ delivered: boolean; errors: unknown[] }> {
    const subs = await repo.listSubscriptions(db, userId);
    const payload = JSON.stringify({ title: text.title, body: text.body, url: data.url, tag: data.tag });
    let delivered = false;
    const errors: unknown[] = [];
    for (const sub of subs) {
      try {
        const result = await push.send({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload, { urgency: data.urgent ? 'high' : 'normal', ttlSeconds: data.urgent ? 3600 : 24 * 3600 });
        if (result.gone) await repo.deleteSubscriptionById(db, sub.id);
        else await repo.recordPushResult(db, sub.id, result.ok, now());
        if (result.ok) delivered = true;
        else if (!result.gone) errors.push(new Error(`push service answered ${result.status}`));
      } catch (err) {
        await repo.recordPushResult(db, sub.id, false, now());
        errors.push(err);
      }
    }
    return { delivered, errors };
  }

  /** Quiet hours apply to everything except urgent safety alerts; returns the instant to retry at, or null. */
  function deferral(recipient: Recipient, prefs: repo.PreferencesRow | null, category: Category | null): Date | null {
    if (category && isUrgentCategory(category)) return null;
    return quietHoursEnd(now(), recipient.timezone, quietOf(prefs));
  }

  jobs.register(QUEUES.deliver, async (tx: Tx, payload) => {
    const row = await repo.findNotification(tx, String(payload.notificationId));
    if (!row) return;
    const after = payload.announce === true ? () => announce(row) : undefined;
    const recipient = await repo.findRecipient(tx, row.userId);
    if (!recipient || row.readAt) return after;
    const prefs = await repo.findPreferences(tx, row.userId);
    const category = categoryOf(row.kind);
    const choice = resolveChoice(category, prefs?.categories);
    const subs = choice.push && !row.pushedAt ? await repo.listSubscriptions(tx, row.userId) : [];
    const wantEmail = choice.email && !!recipient.email && mailer.enabled && !row.emailedAt;
    const wantPush = subs.length > 0;
    if (!wantEmail && !wantPush) return after;

    if (choice.digest && !isUrgentCategory(category)) {
      if (!row.digestPendingAt) {
        await repo.updateNotification(tx, row.id, { digestPendingAt: now() });
        const at = nextLocalHour(now(), recipient.timezone, prefs?.digestHour ?? 8);
        await jobs.enqueue(tx, QUEUES.digest, { userId: row.userId }, at, `digest:${row.userId}:${at.toISOString()}`);
      }
      return after;
    }

    const until = deferral(recipient, prefs, category);
    if (until) {
      await repo.updateNotification(tx, row.id, { deferredUntil: until });
      await jobs.enqueue(tx, QUEUES.deliver, { notificationId: row.id }, until, `deliver:${row.id}:${until.toISOString()}`);
      return after;
    }

    const text = renderExternal(row.kind, row.params, { now: now(), timezone: recipient.timezone, showDetails: prefs?.showDetails ?? false });
    const errors: unknown[] = [];
    if (wantEmail) {
      try {
        await mailer.send(composeMail(recipient.email!, text, { url: row.url, category, userId: row.userId }));
        // Outside the job's transaction on purpose: once the mail has gone, a retry for push must not send it again.
        await repo.updateNotification(db, row.id, { emailedAt: now() });
      } catch (err) {
        errors.push(err);
      }
    }
    if (wantPush) {
      const pushed = await pushToAll(row.userId, text, { url: row.url, tag: row.id, urgent: isUrgentCategory(category) });
      if (pushed.delivered) await repo.updateNotification(db, row.id, { pushedAt: now() });
      if (!pushed.delivered) errors.push(...pushed.errors);
    }
    if (errors.length > 0) {
      logger.warn({ notificationId: row.id, failures: errors.length }, 'notification delivery failed; it will be retried');
      throw errors[0];
    }
    return after;
  });

  jobs.register(QUEUES.digest, async (tx: Tx, payload) => {
    const userId = String(payload.userId);
    const recipient = await repo.findRecipient(tx, userId);
    if (!recipient) return;
    const prefs = await repo.findPreferences(tx, userId);
    const items = await repo.listDigestPending(tx, userId);
    const unread = items.filter((n) => !n.readAt);
    if (unread.length > 0) {
      const until = deferral(recipient, prefs, null);
      if (until) {
        await jobs.enqueue(tx, QUEUES.digest, { userId }, until, `digest:${userId}:${until.toISOString()}`);
        return;
      }
      const choices = unread.map((n) => resolveChoice(categoryOf(n.kind), prefs?.categories));
      const text = renderDigest(unread, { now: now(), timezone: recipient.timezone, showDetails: false });
      if (choices.some((c) => c.email) && recipient.email && mailer.enabled) {
        await mailer.send(composeMail(recipient.email, text, { url: '/notifications', category: '*', userId, lines: text.lines }));
      }
      if (choices.some((c) => c.push)) await pushToAll(userId, text, { url: '/notifications', tag: `digest-${userId}`, urgent: false });
    }
    await repo.markDigested(tx, items.map((n) => n.id), now());
  });
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
