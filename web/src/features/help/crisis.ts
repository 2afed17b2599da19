import { CRISIS_LINES, findCrisisLines, type CountryCrisisLines } from '@hearth/contracts';

/** Guesses a country from browser locales such as "en-GB" or "es-419"; null when no region is given. */
export function guessCountryFromLocales(locales: readonly string[]): string | null {
  for (const locale of locales) {
    try {
      // Only explicit regions count: "en" alone would be a guess on a guess.
      const region = new Intl.Locale(locale).region;
      if (region && /^[A-Z]{2}$/.test(region)) return region;
    } catch {
      const match = /^[a-z]{2,3}[-_]([A-Za-z]{2})\b/.exec(locale);
      if (match?.[1]) return match[1].toUpperCase();
    }
  }
  return null;
}

/** The country to show first: the profile's, else the browser's guess, else null (show the directories). */
export function chooseCountry(profileCountry: string | null | undefined, locales: readonly string[]): string | null {
  if (profileCountry) return profileCountry.toUpperCase();
  return guessCountryFromLocales(locales);
}

/** The lines for a country, or null so the UI shows the international directories. */
export function linesFor(country: string | null): CountryCrisisLines | null {
  return findCrisisLines(country);
}

/** Countries with listed lines, for the picker. */
export function listedCountries(): { code: string; name: string }[] {
  return CRISIS_LINES.map((c) => ({ code: c.country, name: c.name }));
}

/** A tel: link for a phone number written for people, e.g. "988 (press 1)" → "tel:988". */
export function telHref(phone: string): string {
  const main = phone.split('(')[0] ?? phone;
  return `tel:${main.replace(/[^\d+]/g, '')}`;
}

/** An sms: link; "HOME to 741741" becomes sms:741741?body=HOME, a bare number becomes sms:<number>. */
export function smsHref(text: string): string {
  const match = /^(.+?)\s+to\s+([\d\s+]+)$/i.exec(text.trim());
  if (match?.[1] && match[2]) return `sms:${match[2].replace(/[^\d+]/g, '')}?body=${encodeURIComponent(match[1])}`;
  return `sms:${text.replace(/[^\d+]/g, '')}`;
}

/** The first emergency number from texts such as "112 or 999". */
export function emergencyHref(emergency: string): string {
  return telHref(emergency.split(/\s+or\s+/i)[0] ?? emergency);
}
