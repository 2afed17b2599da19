import type { TFunction } from 'i18next';

/** Topics people can look for and list as interests (the server's GROUP_TOPICS). Labels live in the catalogs under topics.*. */
export const TOPICS = [
  'anxiety', 'depression', 'grief', 'trauma', 'substance_use', 'caregivers', 'eating_disorders', 'bipolar', 'psychosis',
  'self_harm', 'loneliness', 'stress', 'chronic_illness', 'perinatal', 'ocd', 'adhd', 'suicide_loss', 'general_wellbeing',
] as const;

/** Communities a group may be for. Labels under communities.*. */
export const COMMUNITIES = [
  'lgbtq', 'bipoc', 'veterans', 'young_adults', 'parents', 'women', 'men', 'students', 'older_adults', 'disabled',
  'neurodivergent', 'faith', 'healthcare_workers', 'refugees',
] as const;

export const FORMATS = ['online', 'in_person', 'hybrid'] as const;

/** Languages offered in the profile and filters (ISO 639-1). */
export const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'pl', 'ar', 'zh', 'hi', 'ur', 'tr', 'uk', 'ru', 'ja', 'ko', 'vi', 'tl', 'sw'] as const;

/** ISO 3166-1 alpha-2 codes, named in the viewer's language with Intl.DisplayNames. */
const COUNTRY_CODES = (
  'AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ ' +
  'DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HK HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP ' +
  'KE KG KH KI KM KN KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO ' +
  'NP NR NZ OM PA PE PG PH PK PL PR PS PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM ' +
  'TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VN VU WS YE ZA ZM ZW'
).split(' ');

function displayNames(locale: string, type: 'region' | 'language'): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type });
  } catch {
    return null;
  }
}

/** Countries sorted by their name in the viewer's language. */
export function listCountries(locale: string): { value: string; label: string }[] {
  const names = displayNames(locale, 'region');
  return COUNTRY_CODES.map((code) => ({ value: code, label: names?.of(code) ?? code })).sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** A language's own name in the viewer's language, e.g. "Spanish" / "español". */
export function languageName(code: string, locale: string): string {
  return displayNames(locale, 'language')?.of(code) ?? code;
}

/** A country's name in the viewer's language. */
export function countryName(code: string, locale: string): string {
  return displayNames(locale, 'region')?.of(code) ?? code;
}

/** A topic's label, falling back to the raw value for topics a group invented. */
export function topicLabel(t: TFunction, value: string): string {
  return t(`topics.${value}`, { defaultValue: value.replace(/_/g, ' ') });
}

export function communityLabel(t: TFunction, value: string): string {
  return t(`communities.${value}`, { defaultValue: value.replace(/_/g, ' ') });
}

export function formatLabel(t: TFunction, value: string): string {
  return t(`formats.${value}`, { defaultValue: value.replace(/_/g, ' ') });
}
