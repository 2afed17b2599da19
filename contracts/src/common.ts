import { z } from 'zod';

/** An IANA time zone such as Europe/London; times are stored in UTC and shown in the viewer's zone. */
export const TimeZone = z
  .string()
  .min(1, 'Please choose a time zone from the list, like Europe/London.')
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Please choose a time zone from the list, like Europe/London.');

export const LanguageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'Use a language code such as en or es.');

export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as US or GB.');
