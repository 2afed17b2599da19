import { describe, expect, it } from 'vitest';
import { findUnsafePhrasing, SUPPORT_CONTENT_PHRASING, UNSAFE_PHRASING } from './safe-messaging.ts';

describe('safe-messaging rules', () => {
  it.each([
    'he committed suicide',
    'she commits suicide',
    'a failed attempt',
    'an unsuccessful suicide',
    'the suicide epidemic',
    'took pills',
    'an overdose',
    'jumped off a bridge',
    'WARNING! read this',
    'cometió suicidio',
    'tomó pastillas',
  ])('catches "%s"', (text) => {
    expect(findUnsafePhrasing(text)).not.toBeNull();
  });

  it.each(['died by suicide', 'You don’t have to go through this alone. Talk to someone now.', 'Follow safe-messaging guidance: no method details, always point to help.', 'murió por suicidio'])(
    'lets safe wording through: "%s"',
    (text) => {
      expect(findUnsafePhrasing(text)).toBeNull();
    },
  );

  it('holds support content to a stricter layer that also refuses talk of methods', () => {
    const guidance = 'Follow safe-messaging guidance: no method details.';
    expect(findUnsafePhrasing(guidance, UNSAFE_PHRASING)).toBeNull();
    expect(findUnsafePhrasing(guidance, SUPPORT_CONTENT_PHRASING)).not.toBeNull();
    for (const rule of UNSAFE_PHRASING) expect(SUPPORT_CONTENT_PHRASING).toContain(rule);
  });
});
