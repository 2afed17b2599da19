import type { TFunction } from 'i18next';
import { languageName } from '../../lib/options.ts';
import type { MatchReason } from './api.ts';

/** A weekday name (1 = Monday) in the viewer's language, plural where the language says "on Tuesdays". */
function weekdayName(weekday: number, locale: string): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}

/** One reason in the viewer's words. Unknown kinds fall back to the server's plain English. */
export function describeReason(r: MatchReason, t: TFunction, locale: string): string {
  switch (r.kind) {
    case 'topic':
      return t(`matching.topics.${String(r.topic)}`, { defaultValue: r.text });
    case 'language':
      return languageName(String(r.language), locale);
    case 'schedule':
      return t('matching.reason.schedule', { day: weekdayName(Number(r.weekday), locale), time: String(r.time) });
    case 'places':
      return t('matching.reason.places', { count: Number(r.count) });
    case 'distance':
      return t('matching.reason.distance', { km: Math.max(1, Number(r.km)) });
    case 'online':
      return t('matching.reason.online');
    case 'community':
      return t(`communities.${String(r.community)}`, { defaultValue: r.text });
    case 'lived_experience':
      return t('matching.reason.livedExperience', { topic: t(`matching.topics.${String(r.topic)}`, { defaultValue: String(r.topic) }) });
    case 'available_now':
      return t('matching.reason.availableNow');
    case 'certified':
      return t('matching.reason.certified');
    case 'preference':
      return t('matching.reason.preference');
    default:
      return r.text;
  }
}

/** "grief · English · Tuesdays 19:00 your time · 3 places left · 4 km away" in the viewer's language. */
export function describeReasons(reasons: MatchReason[], t: TFunction, locale: string): string {
  return reasons.map((r) => describeReason(r, t, locale)).join(' · ');
}
