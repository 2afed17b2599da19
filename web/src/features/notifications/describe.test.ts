import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { describeNotification, kindKey } from './describe.ts';
import { notificationsMessages } from './messages.en.ts';

beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
});

const item = (kind: string, params: Record<string, string | number> = {}) => ({ id: '1', kind, url: '/x', params, createdAt: '2026-06-09T10:00:00Z', readAt: null });

describe('in-app notification text', () => {
  it('has words for every kind the server sends, and a fallback for new ones', () => {
    for (const kind of ['session.reminder_24h', 'session.reminder_1h', 'session.room_open', 'forum.reply', 'direct.request', 'direct.accepted', 'checkin.due', 'certificate.expiring', 'moderation.outcome', 'milestone.reached', 'milestone.thank_you_card', 'safety.case_alert', 'event.reminder_24h', 'event.reminder_1h', 'event.cancelled', 'event.place_confirmed', 'session.private_reminder_24h', 'session.private_reminder_1h', 'session.private_scheduled', 'session.private_moved', 'session.private_cancelled', 'matching.cohort_assigned', 'matching.cohort_program_changed', 'group.member_removed']) {
      expect(kindKey(kind, notificationsMessages.kinds)).not.toBe('fallback');
    }
    expect(kindKey('events.brand_new', notificationsMessages.kinds)).toBe('fallback');
    expect(describeNotification(i18n.t, item('events.brand_new'), 'UTC', 'en', notificationsMessages.kinds)).toEqual({ title: 'Update', body: 'You have a new notification.' });
  });

  it('names the event inside the app, in the viewer’s own time zone', () => {
    const text = describeNotification(i18n.t, item('event.reminder_1h', { startsAt: '2026-06-10T10:00:00Z', title: 'Sleep and mood webinar', eventId: 'e1' }), 'Europe/London', 'en-GB', notificationsMessages.kinds);
    expect(text.title).toBe('Event in about an hour');
    expect(text.body.replace(/\u202f/g, ' ')).toMatch(/^Sleep and mood webinar starts Wednesday 10 June, 11:00 BST\.$/);
    const cancelled = describeNotification(i18n.t, item('event.cancelled', { eventId: 'e1' }), 'UTC', 'en', notificationsMessages.kinds);
    expect(cancelled.body).toBe('The event you registered for has been cancelled. We are sorry for the change.');
  });

  it('shows a session reminder in the viewer’s own time zone, with the group’s name inside the app', () => {
    const text = describeNotification(i18n.t, item('session.reminder_24h', { startsAt: '2026-06-10T10:00:00Z', groupName: 'Thursday circle' }), 'Asia/Tokyo', 'en-GB', notificationsMessages.kinds);
    expect(text.title).toBe('Session tomorrow');
    expect(text.body.replace(/\u202f/g, ' ')).toMatch(/^Thursday circle meets Wednesday 10 June, 19:00 GMT\+9\.$/);
  });
});
