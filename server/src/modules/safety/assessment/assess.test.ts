import { describe, expect, it } from 'vitest';
import { assessRisk, type RiskLevel } from './index.ts';

// Hard cases written for these tests (not taken from any dataset).
const cases: Array<[string, string, RiskLevel | RiskLevel[]]> = [
  ['idiom', 'this homework is killing me', 'none'],
  ['means at hand', "i can't do this anymore, i have the pills ready", 'urgent'],
  ['place of danger, now', "i'm standing on the bridge right now", 'urgent'],
  ['giving things away', "I gave my dog to my sister, I won't need him anymore", 'urgent'],
  ['burden', 'nobody would miss me if i was gone', 'concern'],
  ['burden', 'everyone would be happier without me', ['concern', 'urgent']],
  ['ordinary giving', 'I gave my old bike to my nephew, he loves it', 'none'],
  ['ordinary place', 'we walked across the bridge to the market this morning', 'none'],
  ['idiom', "I'd kill for a coffee right now", 'none'],
  ['idiom', 'dying to see the new movie!!', 'none'],
  ['idiom', 'my mom is going to kill me when she sees my grades', 'none'],
  ['idiom', 'I almost died laughing at that video', 'none'],
  ['everyday violence idiom', 'I could kill my brother for eating my fries', 'none'],
  ['Spanish idiom', 'me muero de risa jajaja', 'none'],
  ['Spanish idiom', 'este trabajo me está matando', 'none'],
  ['negation', 'I would never hurt myself', 'none'],
  ['negation', "I'm not suicidal, just really tired after work", 'none'],
  ['negation', "don't worry, I don't want to die, I just need a nap", 'none'],
  ['Spanish negation', 'nunca me haría daño', 'none'],
  ['negation breaker', "I can't stop thinking about killing myself", 'urgent'],
  ['reported speech', 'my friend says she wants to die', 'concern'],
  ['reported speech', "I'm worried my brother might hurt himself", 'concern'],
  ['reported speech (Spanish)', 'mi amiga dice que quiere morirse', 'concern'],
  ['recovery', 'two years since my attempt, doing better', 'none'],
  ['recovery', 'I used to want to die every day, now I am in recovery and proud of it', 'none'],
  ['past attempt without recovery', 'I keep thinking about my attempt', ['concern', 'urgent']],
  ['obfuscation', 'kms', 'urgent'],
  ['obfuscation', 'i just want to unalive myself', 'urgent'],
  ['obfuscation', 'thinking about sewer slide again', 'urgent'],
  ['obfuscation', 'i want to k!ll mys3lf', 'urgent'],
  ['obfuscation', 'k i l l  m y s e l f', 'urgent'],
  ['obfuscation', 'I wannnnt to diiiie', 'urgent'],
  ['explicit', 'I want to end my life', 'urgent'],
  ['explicit', "I don't want to be alive anymore", 'urgent'],
  ['passive', 'everyone would be better off without me', 'urgent'],
  ['plan', "I've been stockpiling pills", 'urgent'],
  ['plan', 'I wrote a note for my family', 'urgent'],
  ['plan', "thinking about jumping off the bridge tonight", 'urgent'],
  ['goodbye', "goodbye everyone, I've given away my things", 'urgent'],
  ['goodbye alone', 'thank you for everything', 'none'],
  ['Spanish', 'quiero morir', 'urgent'],
  ['Spanish', 'me quiero matar', 'urgent'],
  ['Spanish', 'no quiero vivir', 'urgent'],
  ['Spanish', 'ya no aguanto más', 'concern'],
  ['Spanish plan', 'estuve juntando pastillas', 'urgent'],
  ['ordinary sadness', 'I feel so low today', 'none'],
  ['ordinary sadness', 'I miss my mum', 'none'],
  ['ordinary sadness', 'rough week, I cried on the bus and I feel so alone', 'none'],
  ['distress', "I can't do this anymore, everything feels hopeless", 'concern'],
  ['self-harm', 'I cut myself again last night', 'concern'],
  ['joking tone', 'lol i want to die this exam was brutal', 'concern'],
];

describe('assessRisk hard cases', () => {
  it.each(cases)('%s: "%s" → %s', (_kind, text, expected) => {
    const result = assessRisk(text);
    const allowed = Array.isArray(expected) ? expected : [expected];
    expect(allowed).toContain(result.level);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('marks concern for another person as about someone else', () => {
    const r = assessRisk('my friend says she wants to die');
    expect(r.aboutSomeoneElse).toBe(true);
    expect(r.reasons).toContain('about someone else');
    expect(assessRisk('I want to die').aboutSomeoneElse).toBe(false);
  });

  it('gives readable reasons without repeating method details', () => {
    const r = assessRisk("I've been stockpiling pills and wrote a note, goodbye everyone");
    expect(r.level).toBe('urgent');
    expect(r.reasons).toEqual(expect.arrayContaining(['plan or method', 'farewell language']));
    for (const reason of r.reasons) expect(reason).not.toMatch(/pill|note|rope|bridge|gun/i);
  });

  it('labels negation and idioms in the reasons', () => {
    expect(assessRisk('I would never hurt myself').reasons).toContain('negated');
    expect(assessRisk('this homework is killing me').reasons).toContain('idiom');
    expect(assessRisk('two years since my attempt, doing better').reasons).toContain('recovery story');
  });

  it('copes with empty and very long input', () => {
    expect(assessRisk('').level).toBe('none');
    expect(assessRisk('hello '.repeat(5000)).level).toBe('none');
  });
});

describe('assessRisk context', () => {
  const now = Date.now();
  const ago = (hours: number) => new Date(now - hours * 3600_000);

  it('raises repeated concern within 24 hours to urgent', () => {
    const first = assessRisk("I can't do this anymore");
    expect(first.level).toBe('concern');
    const second = assessRisk("I can't do this anymore", { recent: [{ level: 'concern', score: 0.5, at: ago(3) }] });
    expect(second.level).toBe('urgent');
    expect(second.reasons).toContain('rising trend');
  });

  it('does not escalate on concern older than a day', () => {
    const r = assessRisk("I can't do this anymore", { recent: [{ level: 'concern', score: 0.5, at: ago(50) }] });
    expect(r.level).toBe('concern');
  });

  it('does not escalate concern about someone else', () => {
    const r = assessRisk('my friend says she wants to die', { recent: [{ level: 'concern', score: 0.5, at: ago(1) }] });
    expect(r.level).toBe('concern');
  });

  it('keeps ordinary sadness calm after a calm history', () => {
    const recent = Array.from({ length: 10 }, (_, i) => ({ level: 'none' as const, score: 0.05, at: ago(24 * (i + 1)) }));
    expect(assessRisk('I feel so low today', { recent }).level).toBe('none');
  });

  it('never lowers an explicit statement of intent', () => {
    const recent = Array.from({ length: 10 }, (_, i) => ({ level: 'none' as const, score: 0.05, at: ago(24 * (i + 1)) }));
    expect(assessRisk('I want to kill myself', { recent }).level).toBe('urgent');
  });
});
