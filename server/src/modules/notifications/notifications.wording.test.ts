import { describe, expect, it } from 'vitest';
import { KNOWN_KINDS } from './notifications.kinds.ts';
import { EXTERNAL_WORDING, GENERIC_WORDING, renderDigest, renderExternal } from './notifications.wording.ts';

const now = new Date('2026-06-09T10:00:00Z');
const startsAt = '2026-06-10T10:00:00Z'; // 19:00 in Tokyo, 11:00 in London, 06:00 in New York
const base = { now, timezone: 'Asia/Tokyo', showDetails: false };
const params = { sessionId: 's1', eventId: 'e1', title: 'Sleep and mood webinar', startsAt, groupName: 'Thursday circle', threadId: 't1', program: 'Eight weeks together', level: 'urgent', expiresAt: '2026-06-20T00:00:00Z' };

/** The wording table: what e-mail and push may say, kind by kind. */
const TABLE: Array<[string, Partial<typeof base>, string, string]> = [
  ['session.reminder_24h', {}, 'Reminder: your group session', 'A reminder for your group session tomorrow at 19:00.'],
  ['session.reminder_24h', { showDetails: true }, 'Reminder: your group session', 'A reminder for Thursday circle tomorrow at 19:00.'],
  ['session.reminder_24h', { timezone: 'America/New_York' }, 'Reminder: your group session', 'A reminder for your group session tomorrow at 06:00.'],
  ['session.reminder_1h', {}, 'Your group session starts soon', 'Your group session starts in about an hour, at 19:00.'],
  ['session.reminder_1h', { showDetails: true }, 'Your group session starts soon', 'Thursday circle starts in about an hour, at 19:00.'],
  ['session.room_open', {}, 'The live room is open', 'The live room for your group session is open. It starts at 19:00.'],
  ['forum.reply', { showDetails: true }, 'You have a new reply', 'Someone replied to your post in Hearth.'],
  ['direct.request', { showDetails: true }, 'You have a new message', 'Someone would like to talk with you one to one.'],
  ['direct.accepted', {}, 'You have a new message', 'Your one-to-one request was accepted.'],
  ['checkin.due', {}, 'A gentle reminder', 'Your check-in is ready whenever you are.'],
  ['certificate.expiring', {}, 'A certificate expires soon', 'One of your training certificates expires on Saturday 20 June.'],
  ['moderation.outcome', {}, 'An update from the moderators', 'There is an update for you from the moderators in Hearth.'],
  ['milestone.reached', {}, 'A new milestone', 'You reached a new milestone on your journey in Hearth.'],
  ['safety.case_alert', {}, 'Urgent: someone may need support now', 'Please open the on-call dashboard in Hearth.'],
  ['milestone.thank_you_card', { showDetails: true }, 'You received a thank-you card', 'A peer supporter sent you a thank-you card in Hearth.'],
  ['event.reminder_24h', {}, 'Reminder: your event', 'The event you registered for is tomorrow at 19:00.'],
  ['event.reminder_24h', { showDetails: true }, 'Reminder: your event', 'Sleep and mood webinar is tomorrow at 19:00.'],
  ['event.reminder_24h', { timezone: 'America/New_York' }, 'Reminder: your event', 'The event you registered for is tomorrow at 06:00.'],
  ['event.reminder_1h', {}, 'Your event starts soon', 'The event you registered for starts in about an hour, at 19:00.'],
  ['event.reminder_1h', { showDetails: true, timezone: 'Europe/London' }, 'Your event starts soon', 'Sleep and mood webinar starts in about an hour, at 11:00.'],
  ['event.cancelled', {}, 'An event was cancelled', 'The event you registered for has been cancelled. We are sorry for the change.'],
  ['event.cancelled', { showDetails: true }, 'An event was cancelled', 'Sleep and mood webinar has been cancelled. We are sorry for the change.'],
  ['event.place_confirmed', {}, 'You have a place', 'A place opened up for you at the event you registered for. It is yours unless you cancel.'],
  ['event.place_confirmed', { showDetails: true }, 'You have a place', 'A place opened up for you at Sleep and mood webinar. It is yours unless you cancel.'],
  ['session.private_reminder_24h', {}, 'Reminder: your meeting', 'A reminder for your sleep and mood webinar tomorrow at 19:00.'],
  ['session.private_reminder_1h', {}, 'Your meeting starts soon', 'Your sleep and mood webinar starts in about an hour, at 19:00.'],
  ['session.private_scheduled', { timezone: 'Europe/London' }, 'A meeting was arranged', 'A sleep and mood webinar was arranged for you tomorrow at 11:00.'],
  ['session.private_moved', {}, 'A meeting has moved', 'Your sleep and mood webinar has moved to tomorrow at 19:00.'],
  ['session.private_cancelled', {}, 'A meeting was cancelled', 'Your sleep and mood webinar was cancelled. It can be arranged again whenever suits.'],
  ['matching.cohort_assigned', { showDetails: true }, 'You have a place in a group', 'You have been placed in a group for the program you applied to. Open Hearth to see it.'],
  ['matching.cohort_program_changed', {}, 'A change to a program you applied to', 'A program you applied to has new dates or groups. It now starts tomorrow at 19:00. You can see the details in Hearth, and withdraw there if it no longer suits you.'],
  ['matching.cohort_program_changed', { showDetails: true }, 'A change to a program you applied to', 'Eight weeks together has new dates or groups. It now starts tomorrow at 19:00. You can see the details in Hearth, and withdraw there if it no longer suits you.'],
  ['group.member_removed', { showDetails: false }, 'A change to your groups', 'You are no longer a member of one of your groups. Other groups in Hearth are open to you whenever you would like.'],
  ['group.member_removed', { showDetails: true }, 'A change to your groups', 'You are no longer a member of Thursday circle. Other groups in Hearth are open to you whenever you would like.'],
  ['events.something_new', { showDetails: true }, GENERIC_WORDING.title, GENERIC_WORDING.body],
];

describe('e-mail and push wording', () => {
  it.each(TABLE)('%s %o says only what the table allows', (kind, ctx, title, body) => {
    expect(renderExternal(kind, params, { ...base, ...ctx })).toEqual({ title, body });
  });

  it('has a row for every kind Hearth sends, and the table above covers each one', () => {
    expect(Object.keys(EXTERNAL_WORDING).sort()).toEqual([...KNOWN_KINDS].sort());
    for (const kind of KNOWN_KINDS) expect(TABLE.some(([k]) => k === kind)).toBe(true);
  });

  it('never repeats a parameter other than the time or (when allowed) the group name', () => {
    const secret = { ...params, body: 'I had a terrible night', threadTitle: 'My diagnosis', displayName: 'Quiet River' };
    for (const kind of KNOWN_KINDS) {
      for (const showDetails of [false, true]) {
        const text = JSON.stringify(renderExternal(kind, secret, { ...base, showDetails }));
        expect(text).not.toMatch(/terrible|diagnosis|Quiet River/);
        if (!showDetails) expect(text).not.toMatch(/Thursday circle|Sleep and mood/);
      }
    }
  });

  it('falls back to generic wording when a parameter is missing or odd', () => {
    expect(renderExternal('session.reminder_24h', {}, base).body).toBe('A reminder for your group session soon.');
    expect(renderExternal('session.reminder_1h', { startsAt: 'not a date' }, base).body).toBe('Your group session starts in about an hour, at the usual time.');
  });

  it('writes the digest as counts of generic titles', () => {
    const digest = renderDigest([{ kind: 'forum.reply', params }, { kind: 'forum.reply', params }, { kind: 'direct.request', params }], { ...base, showDetails: true });
    expect(digest).toEqual({ title: 'Your Hearth updates (3)', body: 'You have 3 new updates in Hearth.', lines: ['You have a new reply (2)', 'You have a new message'] });
  });
});
