import type { KNOWN_KINDS } from './notifications.kinds.ts';
import { describeWhen } from './notifications.time.ts';

/** What an e-mail subject / push title and body say. */
export type ExternalText = { title: string; body: string };
export type WordingContext = { now: Date; timezone: string; /** The person allowed e-mail and push to name the group. */ showDetails: boolean };
type Params = Record<string, string | number>;
type Wording = (params: Params, ctx: WordingContext) => ExternalText;

/**
 * The wording table for e-mail and Web Push, one row per kind. These texts can appear on a lock screen or in a shared
 * inbox, so they never carry what anyone wrote, who wrote it, or anything about a person's health. The most they say
 * is "You have a new message"; a group's name appears only when the person allowed it (default: generic). Times are
 * in the recipient's own time zone.
 */
export const EXTERNAL_WORDING: Record<(typeof KNOWN_KINDS)[number], Wording> = {
  'session.reminder_24h': (p, ctx) => ({
    title: 'Reminder: your group session',
    body: `A reminder for ${sessionName(p, ctx)} ${when(p, ctx)}.`,
  }),
  'session.reminder_1h': (p, ctx) => ({
    title: 'Your group session starts soon',
    body: `${capitalize(sessionName(p, ctx))} starts in about an hour, at ${time(p, ctx)}.`,
  }),
  'session.room_open': (p, ctx) => ({
    title: 'The live room is open',
    body: `The live room for ${sessionName(p, ctx)} is open. It starts at ${time(p, ctx)}.`,
  }),
  'forum.reply': () => ({ title: 'You have a new reply', body: 'Someone replied to your post in Hearth.' }),
  'direct.request': () => ({ title: 'You have a new message', body: 'Someone would like to talk with you one to one.' }),
  'direct.accepted': () => ({ title: 'You have a new message', body: 'Your one-to-one request was accepted.' }),
  'checkin.due': () => ({ title: 'A gentle reminder', body: 'Your check-in is ready whenever you are.' }),
  'certificate.expiring': (p, ctx) => ({
    title: 'A certificate expires soon',
    body: typeof p.expiresAt === 'string' && isDate(p.expiresAt) ? `One of your training certificates expires ${describeWhen(new Date(p.expiresAt), ctx.now, ctx.timezone).day}.` : 'One of your training certificates expires soon.',
  }),
  'moderation.outcome': () => ({ title: 'An update from the moderators', body: 'There is an update for you from the moderators in Hearth.' }),
  'milestone.reached': () => ({ title: 'A new milestone', body: 'You reached a new milestone on your journey in Hearth.' }),
  'milestone.thank_you_card': () => ({ title: 'You received a thank-you card', body: 'A peer supporter sent you a thank-you card in Hearth.' }),
  'event.reminder_24h': (p, ctx) => ({
    title: 'Reminder: your event',
    body: `${capitalize(eventName(p, ctx))} is ${when(p, ctx)}.`,
  }),
  'event.reminder_1h': (p, ctx) => ({
    title: 'Your event starts soon',
    body: `${capitalize(eventName(p, ctx))} starts in about an hour, at ${time(p, ctx)}.`,
  }),
  'event.cancelled': (p, ctx) => ({
    title: 'An event was cancelled',
    body: `${capitalize(eventName(p, ctx))} has been cancelled. We are sorry for the change.`,
  }),
  'event.place_confirmed': (p, ctx) => ({
    title: 'You have a place',
    body: `A place opened up for you at ${eventName(p, ctx)}. It is yours unless you cancel.`,
  }),
  // Private sessions (e.g. supervision) are named only by their neutral title, never by who or why.
  'session.private_reminder_24h': (p, ctx) => ({ title: 'Reminder: your meeting', body: `A reminder for your ${privateName(p)} ${when(p, ctx)}.` }),
  'session.private_reminder_1h': (p, ctx) => ({ title: 'Your meeting starts soon', body: `Your ${privateName(p)} starts in about an hour, at ${time(p, ctx)}.` }),
  'session.private_scheduled': (p, ctx) => ({ title: 'A meeting was arranged', body: `A ${privateName(p)} was arranged for you ${when(p, ctx)}.` }),
  'session.private_moved': (p, ctx) => ({ title: 'A meeting has moved', body: `Your ${privateName(p)} has moved to ${when(p, ctx)}.` }),
  'session.private_cancelled': (p) => ({ title: 'A meeting was cancelled', body: `Your ${privateName(p)} was cancelled. It can be arranged again whenever suits.` }),
  'matching.cohort_assigned': () => ({ title: 'You have a place in a group', body: 'You have been placed in a group for the program you applied to. Open Hearth to see it.' }),
  // A program's name can say what it is about (e.g. grief), so like a group's name it appears only when allowed.
  'matching.cohort_program_changed': (p, ctx) => ({
    title: 'A change to a program you applied to',
    body: `${ctx.showDetails && typeof p.program === 'string' && p.program.trim() ? p.program.trim() : 'A program you applied to'} has new dates or groups.${typeof p.startsAt === 'string' && isDate(p.startsAt) ? ` It now starts ${when(p, ctx)}.` : ''} You can see the details in Hearth, and withdraw there if it no longer suits you.`,
  }),
  // Never says why: the reason is between the person and the group's leaders. It points to other groups instead.
  'group.member_removed': (p, ctx) => ({
    title: 'A change to your groups',
    body: `You are no longer a member of ${ctx.showDetails && typeof p.groupName === 'string' && p.groupName.trim() ? p.groupName.trim() : 'one of your groups'}. Other groups in Hearth are open to you whenever you would like.`,
  }),
  'safety.case_alert': (p) => ({
    title: p.level === 'urgent' ? 'Urgent: someone may need support now' : 'Someone may need support',
    body: 'Please open the on-call dashboard in Hearth.',
  }),
};

/** Kinds without a row (added by other modules later) still say only this. */
export const GENERIC_WORDING: ExternalText = { title: 'You have a new notification', body: 'You have a new notification in Hearth.' };

/** The e-mail subject / push title and body for a notification. */
export function renderExternal(kind: string, params: Params, ctx: WordingContext): ExternalText {
  const wording = (EXTERNAL_WORDING as Record<string, Wording | undefined>)[kind];
  if (!wording) return GENERIC_WORDING;
  try {
    return wording(params, ctx);
  } catch {
    return GENERIC_WORDING;
  }
}

/** The digest: how many updates, by generic title only. */
export function renderDigest(items: Array<{ kind: string; params: Params }>, ctx: WordingContext): ExternalText & { lines: string[] } {
  const counts = new Map<string, number>();
  for (const item of items) {
    const { title } = renderExternal(item.kind, {}, { ...ctx, showDetails: false });
    counts.set(title, (counts.get(title) ?? 0) + 1);
  }
  const lines = [...counts].map(([title, n]) => (n > 1 ? `${title} (${n})` : title));
  const n = items.length;
  return { title: n === 1 ? 'Your Hearth update' : `Your Hearth updates (${n})`, body: `You have ${n} new ${n === 1 ? 'update' : 'updates'} in Hearth.`, lines };
}

function sessionName(p: Params, ctx: WordingContext) {
  return ctx.showDetails && typeof p.groupName === 'string' && p.groupName.trim() ? p.groupName.trim() : 'your group session';
}

/** An event's title says what it is about (e.g. grief), so like a group's name it appears only when allowed. */
function eventName(p: Params, ctx: WordingContext) {
  return ctx.showDetails && typeof p.title === 'string' && p.title.trim() ? p.title.trim() : 'the event you registered for';
}

/** A private session's title is neutral by design ("Supervision session"); lower-cased to sit inside a sentence. */
function privateName(p: Params) {
  return typeof p.title === 'string' && p.title.trim() ? p.title.trim().toLowerCase() : 'meeting';
}

function isDate(value: string) {
  return !Number.isNaN(new Date(value).getTime());
}

function when(p: Params, ctx: WordingContext) {
  return typeof p.startsAt === 'string' && isDate(p.startsAt) ? describeWhen(new Date(p.startsAt), ctx.now, ctx.timezone).phrase : 'soon';
}

function time(p: Params, ctx: WordingContext) {
  return typeof p.startsAt === 'string' && isDate(p.startsAt) ? describeWhen(new Date(p.startsAt), ctx.now, ctx.timezone).time : 'the usual time';
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
