import { describe, expect, it } from 'vitest';
import { asksForContact, findPersonalInfo, findToxicity, reviewText, type AutomodRules } from './index.ts';

const rules: AutomodRules = { piiAction: 'redact', profanityAction: 'censor', watched: [] };
const member = { isPeerSupporter: false, isNewMember: false };

describe('personal-information guard', () => {
  it('finds phone numbers, e-mails, street addresses, handles and invitations off Hearth', () => {
    const kinds = (t: string) => findPersonalInfo(t).map((f) => f.kind);
    expect(kinds('call me on 555-867-5309 tonight')).toEqual(['off_platform', 'phone']);
    expect(kinds('my number is +44 7700 900123')).toEqual(['phone']);
    expect(kinds('write to sam.r@example.org')).toEqual(['email']);
    expect(kinds('I live at 42 Maple Street now')).toEqual(['address']);
    expect(kinds('my insta is @sunny_days22')).toContain('handle');
    expect(kinds('add me on snapchat')).toContain('off_platform');
    expect(kinds("let's meet up after the session")).toEqual(['off_platform']);
  });

  it('finds handles only where a platform is named as a word and a handle follows it', () => {
    const kinds = (t: string) => findPersonalInfo(t).map((f) => f.kind);
    expect(kinds('snap: moonlit_fox')).toEqual(['handle']);
    expect(kinds('my discord is rivertalks')).toEqual(['handle']);
    expect(kinds('ig sunny.days22')).toEqual(['handle']);
    expect(kinds('my insta is @sunny_days22')).toEqual(['handle']);
  });

  it("leaves people's own words alone when they only look like a platform's abbreviation", () => {
    for (const text of [
      'I feel so scared tonight',
      'School was hard and I ignored it',
      'it helps me stop scrolling',
      'my phone signal is bad here',
      'facebook is draining me lately',
      'I deleted tiktok last week and feel calmer',
    ]) {
      expect(findPersonalInfo(text), text).toEqual([]);
    }
  });

  it('does not treat crisis lines, times, years or counts as personal information', () => {
    expect(findPersonalInfo('please call 988 or text HOME to 741741')).toEqual([]);
    expect(findPersonalInfo('Samaritans are on 116 123, any time')).toEqual([]);
    expect(findPersonalInfo('in 2019 I slept 10 hours, at 7:30 I woke up')).toEqual([]);
  });

  it('redacts contact details and tells nobody the number', () => {
    const d = reviewText('text me at 555 867 5309 ok?', rules, member, false);
    expect(d.verdict).toBe('deliver');
    expect(d.redacted).toBe(true);
    expect(d.text).not.toMatch(/867/);
    expect(d.pii).toEqual(['off_platform', 'phone']);
  });

  it('holds instead when the organization chooses to hold', () => {
    expect(reviewText('my email is a@b.co', { ...rules, piiAction: 'hold' }, member, false).verdict).toBe('hold');
  });

  it('never lets a peer supporter ask for contact details', () => {
    expect(asksForContact("what's your number?")).toBe(true);
    const d = reviewText("what's your number? I can text you", rules, { isPeerSupporter: true, isNewMember: false }, false);
    expect(d).toMatchObject({ verdict: 'block', blockCode: 'asks_for_contact' });
    expect(reviewText("what's your favourite song?", rules, { isPeerSupporter: true, isNewMember: false }, false).verdict).toBe('deliver');
  });
});

describe('harassment and profanity', () => {
  it('tells venting apart from attacking someone', () => {
    expect(findToxicity('this week has been fucking awful')).toEqual({ profanity: true, hate: false, harassment: false });
    expect(findToxicity('you are a pathetic loser')).toMatchObject({ harassment: true });
    expect(findToxicity('just kys')).toMatchObject({ harassment: true });
    expect(findToxicity('I am queer and proud')).toEqual({ profanity: false, hate: false, harassment: false });
  });

  it('censors plain swearing by default and holds harassment for review', () => {
    const vent = reviewText('this week has been fucking awful', rules, member, false);
    expect(vent.verdict).toBe('deliver');
    expect(vent.text).not.toMatch(/fuck/);
    expect(reviewText('you are a worthless idiot', rules, member, false).verdict).toBe('hold');
  });

  it('delivers the words of a person at risk unchanged, never blocked or held, and only queues them for a look', () => {
    const strict: AutomodRules = { piiAction: 'hold', profanityAction: 'block', watched: [{ pattern: 'fuck*', action: 'block' }] };
    const text = 'I fucking want to end it all, call me 555 867 5309';
    const d = reviewText(text, strict, member, true);
    expect(d).toMatchObject({ verdict: 'deliver', text, redacted: false, censored: false, flag: true });
    expect(reviewText(text, strict, member, false).verdict).toBe('block');
  });
});

describe('watched words and new members', () => {
  it('applies each watched-word action', () => {
    const watched: AutomodRules['watched'] = [
      { pattern: 'casino', action: 'block' },
      { pattern: 'diet pills', action: 'require_approval' },
      { pattern: 'meds', action: 'flag' },
      { pattern: 'darn', action: 'censor' },
    ];
    const r = { ...rules, watched };
    expect(reviewText('best CASINO bonus', r, member, false).blockCode).toBe('watched_word');
    expect(reviewText('anyone tried diet  pills?', r, member, false).verdict).toBe('hold');
    expect(reviewText('my meds changed', r, member, false)).toMatchObject({ verdict: 'deliver', flag: true });
    expect(reviewText('darn it', r, member, false).text).toBe('**** it');
    expect(reviewText('medsly is not a word', r, member, false).flag).toBe(false);
  });

  it('gives the same answer for every message when a pattern is reused (compiled once, no state kept between messages)', () => {
    const r = { ...rules, watched: [{ pattern: 'meds', action: 'flag' as const }, { pattern: 'darn', action: 'censor' as const }] };
    for (let i = 0; i < 3; i++) {
      expect(reviewText('my meds changed, darn', r, member, false)).toMatchObject({ flag: true, text: 'my meds changed, ****' });
      expect(reviewText('darn darn meds', r, member, false)).toMatchObject({ flag: true, text: '**** **** meds' });
      expect(reviewText('nothing to see', r, member, false)).toMatchObject({ flag: false, text: 'nothing to see' });
    }
  });

  it('stops new members from posting links', () => {
    expect(reviewText('look at www.example.com', rules, { isPeerSupporter: false, isNewMember: true }, false).blockCode).toBe('new_member_link');
    expect(reviewText('look at www.example.com', rules, member, false).verdict).toBe('deliver');
  });
});
