import { describe, expect, it } from 'vitest';
import { BUILT_IN_CURRICULUM } from './index.ts';
import { UNSAFE_PHRASING } from '../../safety/index.ts';
import { CreateLessonBody } from '../training.schemas.ts';
import { CERTIFICATE_REQUIRED, TrainingErrors } from '../training.errors.ts';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('the built-in curriculum', () => {
  it('has the ten modules of the issue, in order, each citing the public frameworks it draws on', () => {
    expect(BUILT_IN_CURRICULUM.map((c) => c.title.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    for (const c of BUILT_IN_CURRICULUM) expect(c.sources.length, c.title).toBeGreaterThan(0);
  });

  it('gives every module a quiz, and role-plays to the core listening and crisis modules', () => {
    for (const c of BUILT_IN_CURRICULUM) expect(c.lessons.some((l) => l.kind === 'quiz'), c.title).toBe(true);
    for (const key of ['active-listening', 'empathy-validation', 'crisis-escalation']) {
      expect(BUILT_IN_CURRICULUM.find((c) => c.key === key)!.lessons.some((l) => l.kind === 'roleplay'), key).toBe(true);
    }
    expect(BUILT_IN_CURRICULUM.filter((c) => c.kind === 'facilitation').map((c) => c.key)).toEqual(['facilitating-groups']);
  });

  it('passes the same validation as lessons authors write', () => {
    for (const c of BUILT_IN_CURRICULUM) for (const l of c.lessons) expect(CreateLessonBody.safeParse(l).success, `${c.key}: ${l.title}`).toBe(true);
  });

  it('teaches Hearth’s escalation protocol and safe messaging in the crisis module', () => {
    const crisis = strings(BUILT_IN_CURRICULUM.find((c) => c.key === 'crisis-escalation')).join('\n');
    for (const phrase of ['Talk to someone now', 'on-call', 'escalates', 'Get help now', 'died by suicide', 'C-SSRS', 'safety plan']) expect(crisis).toContain(phrase);
  });

  it.each([
    ['curriculum', strings(BUILT_IN_CURRICULUM)],
    ['training messages', [...strings(CERTIFICATE_REQUIRED), ...Object.values(TrainingErrors).map((f) => (f as (...a: unknown[]) => Error)(['a requirement'], 6, 2).message)]],
  ])('%s has no banned phrasing or method detail', (_name, texts) => {
    // The curriculum teaches safe messaging, so it is held to the same rules as the product's own copy.
    for (const text of texts) for (const pattern of UNSAFE_PHRASING) expect(text, `${pattern}`).not.toMatch(pattern);
  });
});
