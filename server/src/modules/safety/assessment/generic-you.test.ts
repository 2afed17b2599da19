import { describe, expect, it } from 'vitest';
import { assessRisk, type RiskLevel } from './index.ts';

// Sentences written for these tests (not taken from any data set). "You" can address someone (a question, advice, a
// reply to what they said) or stand for the writer in general terms ("it makes you want to die"): the first is concern
// about someone else, the second is the writer's own state and is read like "I". Spanish impersonal "uno" and generic
// "te" are self-description too.
type Case = [kind: string, text: string, level: RiskLevel, aboutSomeoneElse: boolean];

const generic: Case[] = [
  ['generic you, causative', 'it makes you want to die', 'urgent', false],
  ['generic you, causative', 'the pain makes you want to end it', 'urgent', false],
  ['generic you, "some days"', 'some days you feel like ending it all', 'urgent', false],
  ['generic you, "when you…, you…"', "when you're this tired you stop wanting to live", 'urgent', false],
  ['generic you, "to the point where"', 'honestly it gets to the point where you want to kill yourself', 'urgent', false],
  ['generic you, "a point where"', "there's a point where you think about suicide every day", 'urgent', false],
  ['generic you, narration', "you wake up and you just don't want to live anymore", 'urgent', false],
  ['generic you, "after…"', 'after a year of this you stop wanting to be alive', 'urgent', false],
  ['generic you, "that feeling when"', 'you know that feeling when you just want to die', 'urgent', false],
  ['generic you, "you just"', 'you just want to disappear', 'concern', false],
  ['generic te', 'te dan ganas de morir', 'urgent', false],
  ['generic te, "a veces"', 'a veces te dan ganas de morir y ya', 'urgent', false],
  ['generic te, "llega un punto"', 'llega un punto en que te quieres morir', 'urgent', false],
  ['impersonal uno', 'uno ya no quiere vivir', 'urgent', false],
  ['impersonal uno', 'a veces uno quiere desaparecer', 'concern', false],
  // The same states in the first person, for comparison.
  ['first person', 'some days I feel like ending it all', 'urgent', false],
  ['first person', 'lately I stop wanting to live by the evening', 'urgent', false],
  ['first person', 'me dan ganas de morir', 'urgent', false],
];

const addressed: Case[] = [
  ['question', 'why do you want to die', 'concern', true],
  ['question', 'do you want to die?', 'concern', true],
  ['question', 'are you thinking about suicide?', 'concern', true],
  ['question beats "makes you"', 'what makes you want to die?', 'concern', true],
  ['question beats "makes you"', 'does it make you want to end it all?', 'concern', true],
  ['question, then an offer', "you want to die? talk to me, I'm here", 'concern', true],
  ['question beats "some days"', 'some days you feel like ending it all?', 'concern', true],
  ['reply to what they said', 'you said you want to kill yourself, are you safe right now?', 'concern', true],
  ['reply to what they said', 'Sam, you said you feel like ending it all', 'concern', true],
  ['speaker to listener', 'I know you want to die right now and I am staying with you', 'concern', true],
  ['quoted reply', '> you just want to die\nI hear you, and you are not alone', 'concern', true],
  ['Spanish question', '¿por qué quieres morir?', 'concern', true],
  ['Spanish question', '¿te dan ganas de morir?', 'concern', true],
  ['Spanish question', '¿quieres suicidarte?', 'concern', true],
  // Advice and conditions on the reader with help: guidance, nobody's risk.
  ['advice', 'you should tell your doctor if you feel like dying', 'none', false],
  ['advice', 'if you want to die, please call a crisis line tonight', 'none', false],
  ['advice', 'when you feel like ending it all, call the crisis line', 'none', false],
  ['Spanish advice', 'si quieres morir, llama a una línea de ayuda', 'none', false],
  // A phrase that names the author is the author's, whoever it is said to.
  ['names the author', 'you would all be better off without me', 'urgent', false],
  // Everyday things that "make you want to die" are hyperbole, as with "me".
  ['hyperbole', 'this traffic makes you want to die', 'none', false],
];

const labels: Case[] = [
  // A lone "overdose" is a topic label or a tag, like "Suicide"; said of oneself or now, it is urgent.
  ['topic label', 'overdose', 'none', false],
  ['topic label', 'Overdose.', 'none', false],
  ['topic label', '#overdose', 'none', false],
  ['topic label', 'overdose awareness, harm reduction, grief', 'none', false],
  ['topic label', 'sobredosis', 'none', false],
  ['first person', 'I overdosed', 'urgent', false],
  ['first person', 'overdose tonight', 'urgent', false],
  ['first person', 'overdosing', 'urgent', false],
  ['first person', 'going to overdose', 'urgent', false],
  ['first person', 'voy a tomar una sobredosis', 'urgent', false],
];

const hyperbole: Case[] = [
  // "I'd rather kill myself than <something mundane>": hyperbole, concern at most (a private card, a low-priority look).
  ['mundane comparison', "I'd rather kill myself than sit through another meeting", 'concern', false],
  ['mundane comparison', 'id rather kill myself than do another group project', 'concern', false],
  ['mundane comparison', "I'd honestly rather kill myself than go to that party", 'concern', false],
  ['mundane comparison', 'prefiero matarme que ir a otra reunión', 'concern', false],
  // Anything else after "than" is a statement about living: urgent.
  ['not mundane', "I'd rather kill myself than go back to him", 'urgent', false],
  ['not mundane', "I'd rather kill myself than live like this", 'urgent', false],
  ['not mundane', "I'd rather kill myself than go back to the hospital", 'urgent', false],
  ['not mundane', "I'd rather kill myself than face tomorrow", 'urgent', false],
  ['mundane, then a real statement', "I'd rather kill myself than sit through another meeting. honestly I want to die every day", 'urgent', false],
];

function expectCase(_kind: string, text: string, level: RiskLevel, other: boolean) {
  const a = assessRisk(text);
  expect(a.level).toBe(level);
  expect(a.aboutSomeoneElse).toBe(other);
}

describe('generic "you" and "uno" as self-description vs addressing someone', () => {
  it.each([...generic, ...addressed])('%s: "%s" → %s', expectCase);

  it('does not call generic self-description "about someone else"', () => {
    for (const [, text] of generic) expect(assessRisk(text).reasons).not.toContain('about someone else');
  });
});

describe('bare "overdose" as a topic label', () => {
  it.each(labels)('%s: "%s" → %s', expectCase);

  it('says why a lone label is not a flag', () => {
    expect(assessRisk('overdose').reasons).toEqual(['topic label']);
  });
});

describe('"I\'d rather kill myself than …" hyperbole', () => {
  it.each(hyperbole)('%s: "%s" → %s', expectCase);

  it('names the hyperbole and never the method', () => {
    const a = assessRisk("I'd rather kill myself than sit through another meeting");
    expect(a.reasons).toContain('hyperbole');
    expect(a.reasons).not.toContain('explicit intent');
  });
});
