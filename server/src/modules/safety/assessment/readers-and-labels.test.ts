import { describe, expect, it } from 'vitest';
import { assessRisk, type RiskLevel } from './index.ts';

// Sentences written for these tests (not taken from any data set): who a risk phrase is about, topic labels, and
// general phrasings of a wish to be dead found missing from the rules in longer writing.
const cases: Array<[string, string, RiskLevel]> = [
  // Topic labels and tag lists name a subject; nobody's risk is stated.
  ['topic label', 'suicidal thoughts', 'none'],
  ['topic label', 'Self-harm', 'none'],
  ['topic label', 'self_harm', 'none'],
  ['topic label', 'Suicide', 'none'],
  ['topic label', 'crisis, safety plan, getting help, suicidal thoughts', 'none'],
  ['topic label', 'pensamientos suicidas', 'none'],
  ['topic label', '#selfharm, #suicide', 'none'],
  // ...but a statement, an obfuscated word or a bare "suicidal" is not a label.
  ['not a label', "I've been having suicidal thoughts", 'urgent'],
  ['not a label', 'suicidal', 'concern'],
  ['not a label', 'k.m.s', 'concern'],
  ['not a label', 'self harm again tonight', 'concern'],
  // Guidance addressed to the reader.
  ['guidance', 'If you are having thoughts of suicide, you deserve support. Call a crisis line.', 'none'],
  ['guidance', 'Be open with your doctor about thoughts of suicide if you have had them.', 'none'],
  ['guidance', 'If this month brought thoughts of hurting yourself, please tell someone you trust.', 'none'],
  ['guidance, then the author', 'If you are having thoughts of suicide, please reach out. I want to kill myself tonight.', 'urgent'],
  ['not guidance', "if you're reading this, I'm already gone", 'urgent'],
  // Said to the reader: a reply to someone (concern, resources for helping someone), not the author's own risk.
  ['addressed to the reader', 'why do you want to die? talk to me', 'concern'],
  ['addressed to the reader', 'are you thinking about suicide right now?', 'concern'],
  ['addressed, naming the author', 'you would all be better off without me', 'urgent'],
  // People in general.
  ['general statement', 'we are all going to die someday, so enjoy the cake', 'none'],
  ['general statement', 'people who feel suicidal deserve kindness, not judgement', 'none'],
  // Wish to be dead, general phrasings.
  ['wish to be dead', 'honestly I just want to not exist anymore', 'urgent'],
  ['wish to be dead', "I've lost my will to live", 'urgent'],
  ['wish to be dead', "I'd rather be dead than keep feeling this", 'urgent'],
  ['wish to be dead', 'i might as well be dead at this point', 'urgent'],
  ['wish to be dead', "I don't deserve to be alive", 'urgent'],
  ['wish to be dead', 'dying seems like the easier option lately', 'urgent'],
  ['wish to be dead', "life isn't worth living", 'urgent'],
  ['wish to be dead', "I'm too scared to kill myself, that's the only reason", 'urgent'],
  ['indifference', "I don't really care whether I live or die", 'concern'],
  ['the opposite', 'life is worth living, even on the hard days', 'none'],
  ['hyperbole', "I'd rather die than sing karaoke at the office party", 'none'],
  // Suicidal thoughts as one's own experience, or as a subject.
  ['own suicidal thoughts', 'my suicidal thoughts are back and louder', 'urgent'],
  ['own suicidal thoughts', 'suicidal urges again tonight', 'urgent'],
  ['own suicidal thoughts', "I've been dealing with suicidal thoughts for months", 'urgent'],
  ['suicidal thoughts as a subject', 'can a new medication cause suicidal thoughts as a side effect?', 'concern'],
  // Mortality and denials, not intent.
  ['mortality', "I'm going to die one day like everyone, so I might as well learn the cello", 'none'],
  ['negation', "she doesn't want to die, she wants the pain to stop being ignored", 'none'],
];

describe('who a risk phrase is about, and topic labels', () => {
  it.each(cases)('%s: "%s" → %s', (_kind, text, level) => {
    expect(assessRisk(text).level).toBe(level);
  });

  it('names why a label, guidance or a general statement is not a flag', () => {
    expect(assessRisk('suicidal thoughts').reasons).toEqual(['topic label']);
    expect(assessRisk('If you are having thoughts of suicide, you deserve support.').reasons).toContain('guidance');
    expect(assessRisk('people who feel suicidal deserve kindness').reasons).toContain('general statement');
    const reply = assessRisk('why do you want to die? talk to me');
    expect(reply.aboutSomeoneElse).toBe(true);
    expect(reply.reasons).toContain('about someone else');
  });

  it('lets a joking tone lower only the statement it follows in a long post', () => {
    const filler = 'work was long and the bus was late and the rain kept going all afternoon, ';
    const long = `${filler.repeat(4)}my cousin sent a silly video lol. ${filler.repeat(3)}I want to die and I have for weeks.`;
    expect(long.split(/\s+/).length).toBeGreaterThan(40);
    expect(assessRisk(long).level).toBe('urgent');
    expect(assessRisk(`${filler.repeat(4)}I want to die lol. ${filler.repeat(3)}`).level).toBe('concern');
    expect(assessRisk('i want to die lol').level).toBe('concern');
  });
});
