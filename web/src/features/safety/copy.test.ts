import { findUnsafePhrasing } from '@hearth/contracts';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { es } from '../../i18n/es.ts';

function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (!node || typeof node !== 'object') return [];
  return Object.values(node as Record<string, unknown>).flatMap(strings);
}

describe('safety copy', () => {
  const all = [...strings(en.safety), ...strings(es.safety), en.help.button];

  it('follows safe-messaging guidance in English and Spanish', () => {
    const broken = all.filter((text) => findUnsafePhrasing(text) !== null);
    expect(broken).toEqual([]);
  });

  it('holds every string in the app to the same shared rules', () => {
    const broken = [...strings(en), ...strings(es)].filter((text) => findUnsafePhrasing(text) !== null);
    expect(broken).toEqual([]);
  });

  it('offers hope and a person in the author’s card', () => {
    expect(en.safety.card.intro).toContain('You don’t have to go through this alone');
    expect(en.safety.card.talkNowDone).toContain('will reach out here soon');
  });

  it('offers hope and a person in the Spanish card too, and tells the author of a held post that someone will reach out', () => {
    expect(es.safety?.card?.intro).toContain('No tienes que pasar por esto a solas');
    expect(es.safety?.card?.talkNowDone).toContain('se pondrá en contacto contigo');
    expect(es.safety?.card?.held).toContain('se pondrá en contacto contigo');
    expect(es.forums?.heldNotice).toContain('se pondrá en contacto contigo');
    expect(en.forums.heldNotice).toContain('will reach out to you soon');
  });

  it('catches the phrasings safe-messaging rules out in Spanish, so the check above can fail', () => {
    expect(findUnsafePhrasing('Su hermano cometió suicidio el año pasado.')).not.toBeNull();
    expect(findUnsafePhrasing('Su hermano murió por suicidio el año pasado.')).toBeNull();
  });
});
