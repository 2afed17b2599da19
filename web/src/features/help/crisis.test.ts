import { describe, expect, it } from 'vitest';
import { chooseCountry, emergencyHref, guessCountryFromLocales, linesFor, smsHref, telHref } from './crisis.ts';

describe('crisis line lookup', () => {
  it('prefers the country in the profile over the browser locale', () => {
    expect(chooseCountry('gb', ['en-US'])).toBe('GB');
  });

  it('guesses the country from the first browser locale with a region', () => {
    expect(guessCountryFromLocales(['en', 'en-IE', 'en-GB'])).toBe('IE');
    expect(chooseCountry(null, ['fr', 'en-AU'])).toBe('AU');
  });

  it('does not guess a country from a language alone', () => {
    expect(guessCountryFromLocales(['en', 'es'])).toBeNull();
  });

  it('finds lines for listed countries, treating UK as GB', () => {
    expect(linesFor('UK')?.name).toBe('United Kingdom');
    expect(linesFor('US')?.emergency).toBe('911');
  });

  it('returns null for countries without listed lines so the directories show', () => {
    expect(linesFor('FR')).toBeNull();
    expect(linesFor(null)).toBeNull();
  });

  it('builds tel: and sms: links from numbers written for people', () => {
    expect(telHref('988 (press 1)')).toBe('tel:988');
    expect(telHref('116 123')).toBe('tel:116123');
    expect(smsHref('HOME to 741741')).toBe('sms:741741?body=HOME');
    expect(smsHref('0477 13 11 14')).toBe('sms:0477131114');
    expect(emergencyHref('112 or 999')).toBe('tel:112');
  });
});
