import type { ChannelChoice } from '../../db/schema/notifications.ts';

/**
 * Types of notification a person can tune: the first segment of a kind ("session.reminder_24h" → "session").
 * Kinds from modules not listed here fall under "other" and use its defaults and generic wording.
 */
export const CATEGORIES = ['session', 'event', 'forum', 'direct', 'checkin', 'certificate', 'moderation', 'milestone', 'safety', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The kinds Hearth sends today. Others may be added by modules; they get the generic wording. */
export const KNOWN_KINDS = [
  'session.reminder_24h',
  'session.reminder_1h',
  'session.room_open',
  'forum.reply',
  'direct.request',
  'direct.accepted',
  'checkin.due',
  'certificate.expiring',
  'moderation.outcome',
  'milestone.reached',
  'milestone.thank_you_card',
  'safety.case_alert',
  'event.reminder_24h',
  'event.reminder_1h',
  'event.cancelled',
  'event.place_confirmed',
  'session.private_reminder_24h',
  'session.private_reminder_1h',
  'session.private_scheduled',
  'session.private_moved',
  'session.private_cancelled',
  'matching.cohort_assigned',
  'matching.cohort_program_changed',
  'group.member_removed',
] as const;

export function categoryOf(kind: string): Category {
  const head = kind.split('.')[0] as Category;
  return (CATEGORIES as readonly string[]).includes(head) ? head : 'other';
}

const DEFAULT: ChannelChoice = { inApp: true, email: true, push: true, digest: false };

/** Gentle defaults: milestones and forum replies stay in the app unless the person asks for more. */
const DEFAULTS: Partial<Record<Category, ChannelChoice>> = {
  forum: { inApp: true, email: false, push: true, digest: false },
  milestone: { inApp: true, email: false, push: false, digest: false },
};

/**
 * Safety alerts reach on-call staff: they cannot be hidden in the app, wait for quiet hours or go into a digest,
 * because a person may need someone now.
 */
export function isUrgentCategory(category: Category): boolean {
  return category === 'safety';
}

/** Which switches a person may not change for a type (the UI shows them disabled). */
export function lockedChoices(category: Category): Array<keyof ChannelChoice> {
  return isUrgentCategory(category) ? ['inApp', 'digest'] : [];
}

/** The effective choice for a type: defaults, overlaid with what the person saved, with locked switches enforced. */
export function resolveChoice(category: Category, saved: Record<string, Partial<ChannelChoice>> | undefined): ChannelChoice {
  const merged = { ...(DEFAULTS[category] ?? DEFAULT), ...(saved?.[category] ?? {}) };
  if (isUrgentCategory(category)) return { ...merged, inApp: true, digest: false };
  return merged;
}
