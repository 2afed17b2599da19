import { describe, expect, it } from 'vitest';
import { assessRisk, assessRiskSafely, type RiskLevel } from './index.ts';
import { evaluateRules } from './rules.ts';

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
  // As a reviewer would try them.
  ['slang with a joke', "I'm going to kms lol jk", 'concern'],
  ['reported, past, slang', 'my sister tried to unalive herself last year', 'concern'],
  ['reported speech', 'my brother is suicidal and I dont know what to do', 'concern'],
  ['reported speech (Spanish)', 'mi hermano intentó suicidarse', 'concern'],
  ['passive', "I don't want to be here anymore", 'urgent'],
  ['passive', 'I wish I could fall asleep and never wake up', 'urgent'],
  ['passive', 'i hope i die in my sleep', 'urgent'],
  ['passive', 'I want to be dead', 'urgent'],
  ['passive', "I don't think I'll be around much longer", 'urgent'],
  ['Spanish', 'no quiero seguir viviendo', 'urgent'],
  ['Spanish', 'estoy cansada de vivir', 'urgent'],
  ['Spanish', 'me voy a matar esta noche', 'urgent'],
  ['Spanish passive', 'ojalá pudiera dormir y no despertar', 'urgent'],
  ['Spanish self-harm', 'me corté otra vez', 'concern'],
  ['Spanish farewell', 'lo siento por todo, adiós a todos', 'concern'],
  ['recovery (self-harm)', "I've been clean from cutting for 6 months", 'none'],
  ['recovery', "I attempted suicide last year but I'm in a much better place now", 'none'],
  ['farewell and letters', 'I gave my cat to my neighbour and wrote letters to everyone', 'urgent'],
  ['farewell pair', "I said goodbye to my family today, it's time", 'urgent'],
  ['will and letters', "I've written my will and my letters", 'urgent'],
  ['ordinary goodbye', 'I said goodbye to my family at the airport', 'none'],
  ['ordinary letters', 'I wrote letters to grandma for christmas', 'none'],
  ['plan', "I'm planning to jump tonight", 'urgent'],
  ['plan (slang)', 'ctb tonight', 'urgent'],
  ['plan (means)', 'just bought a rope', 'urgent'],
  ['idiom', 'that exam murdered me', 'none'],
  ['idiom', "I'm dead tired", 'none'],
  ['idiom', 'killing it at the gym today', 'none'],
  ['idiom', 'kill me now, monday again', 'none'],
  ['idiom', "I'm literally dying of heat", 'none'],
  ['title, not risk', 'the suicide squad movie was mid', 'none'],
  ['negation', "I'm not going to kill myself, don't worry", 'none'],
  ['asked and denied', "my therapist asked if I'm suicidal and I said no", 'none'],
  ['distress', "I can't keep living like this", ['concern', 'urgent']],
  ['distress', 'I just want it all to stop', ['concern', 'urgent']],
  ['self-harm slang', 'sh urges are bad tonight', ['concern', 'urgent']],
  ['obfuscation', 'su1c1dal', ['concern', 'urgent']],
  ['ordinary grief', 'My dad passed away last year and I miss him', 'none'],
  ['passive', 'I have nothing left to live for', 'urgent'],
  ['explicit', 'suicide feels like the only way out', 'urgent'],
  ['plan', "I've been planning my suicide", 'urgent'],
  ['distress', "I don't see any way out", ['concern', 'urgent']],
  ['Spanish passive', 'no tengo nada por que vivir', 'urgent'],
  ['Spanish passive', 'quiero irme de este mundo', 'urgent'],
  ['ordinary', 'I found a way out of the maze', 'none'],
];

// Short first-person messages (chat-length), English and Spanish, and everyday look-alikes. Written for these tests.
const shortCases: Array<[string, string, RiskLevel | RiskLevel[]]> = [
  ['wish to be dead', "I don't want to wake up tomorrow", 'urgent'],
  ['wish to be dead', 'I wish I was never born', 'urgent'],
  ['wish to be dead', "I wish I didn't exist", 'urgent'],
  ['wish to be dead', "wish i wasnt alive", 'urgent'],
  ['wish to be dead', "I'm so tired of being alive", 'urgent'],
  ['wish to be dead', 'why am I still alive', 'urgent'],
  ['burden, ideation', 'everyone would be better off without me', 'urgent'],
  ['time frame', "I won't be around much longer", 'urgent'],
  ['time frame', 'this is my last night', 'urgent'],
  ['time frame', "I'll be dead by tomorrow", 'urgent'],
  ['done with life', "I'm so done with life", 'urgent'],
  ['method research', "I've been looking up painless ways to die", 'urgent'],
  ['method research', 'how many pills would it take', 'urgent'],
  ['negation exception', "the only reason I didn't kill myself tonight is my cat", 'urgent'],
  ['hopelessness + goodbye', "I can't do this anymore, goodbye everyone", 'urgent'],
  ['burden + goodbye', "I'm a burden to everyone. goodbye", 'urgent'],
  ['hopelessness', "I can't go on", 'concern'],
  ['hopelessness', "there's no way out", 'concern'],
  ['hopelessness', "there's no point in anything anymore", 'concern'],
  ['hopelessness', 'I just want it to be over', 'concern'],
  ['hopelessness', "I don't want to keep fighting anymore", 'concern'],
  ['burden', "I'm such a burden to everyone", 'concern'],
  ['ambiguous wish', "I wish I wasn't here", 'concern'],
  ['lone goodbye', 'just saying goodbye', 'concern'],
  ['lone farewell', 'this is my last post', 'concern'],
  ['self-harm', 'cutting again', 'concern'],
  ['self-harm', 'relapsed on sh last night', 'concern'],
  ['self-harm', 'I started cutting again', 'concern'],
  ['self-harm intent', 'I really want to cut tonight', ['concern', 'urgent']],
  ['question about someone else', 'how do I support someone who wants to die?', 'concern'],
  ['someone else', 'my sister wishes she was never born', 'concern'],
  ['Spanish wish to be dead', 'no quiero despertarme nunca más', 'urgent'],
  ['Spanish wish to be dead', 'ojalá me muriera', 'urgent'],
  ['Spanish wish to be dead', 'quisiera no haber nacido', 'urgent'],
  ['Spanish wish to be dead', 'quiero dejar de existir', 'urgent'],
  ['Spanish', 'ya no quiero estar viva', 'urgent'],
  ['Spanish', 'tengo ganas de morirme', 'urgent'],
  ['Spanish', 'estoy harto de vivir', 'urgent'],
  ['Spanish time frame', 'esta es mi última noche', 'urgent'],
  ['Spanish hopelessness + goodbye', 'ya no aguanto más, esta es mi despedida', 'urgent'],
  ['Spanish plan + goodbye', 'ya tengo todo planeado, esta es mi despedida', 'urgent'],
  ['Spanish', 'quiero desaparecer', 'concern'],
  ['Spanish', 'soy una carga para todos', 'concern'],
  ['Spanish', 'no hay salida', 'concern'],
  ['Spanish', 'nada tiene sentido', 'concern'],
  ['Spanish', 'no puedo seguir así', 'concern'],
  ['Spanish self-harm', 'me volví a cortar', 'concern'],
  ['Spanish lone farewell', 'esta es mi despedida', 'concern'],
  // Look-alikes that are not a crisis.
  ['look-alike', "I'm done with this assignment", 'none'],
  ['look-alike', "I'm done with everything for today, going to bed", 'none'],
  ['look-alike', 'this traffic makes me want to die lol', 'none'],
  ['look-alike', "I don't want to wake up early tomorrow", 'none'],
  ['look-alike', "I wish I wasn't here at this boring party", 'none'],
  ['look-alike', "I can't keep going to these meetings every week", 'none'],
  ['look-alike', "there's no way out of this phone contract lol", 'none'],
  ['look-alike', 'this is my last night in Lisbon, so sad to leave', 'none'],
  ['look-alike', 'this is my last post before my holiday', 'none'],
  ['look-alike', "I won't be around tomorrow, see you monday", 'none'],
  ['look-alike', 'I cut myself shaving this morning', 'none'],
  ['look-alike', 'goodbye everyone, see you tomorrow', 'none'],
  ['look-alike', "I don't want to go on the trip with them", 'none'],
  ['look-alike', "I'm so tired I could sleep forever", 'none'],
  ['look-alike', 'I want out of this group chat', 'none'],
  ['look-alike', "I'm thinking about throwing myself into my work", 'none'],
  ['Spanish look-alike', 'estoy muerta de risa', 'none'],
  ['Spanish look-alike', 'me quiero morir de la vergüenza jaja', 'none'],
  ['Spanish look-alike', 'ya no aguanto más este calor', 'none'],
  ['Spanish look-alike', 'me corté el pelo ayer', 'none'],
  ['Spanish look-alike', 'no puedo más con la tarea jaja', 'none'],
  ['Spanish look-alike', 'esta es mi última noche en Madrid', 'none'],
  ['recovery', 'I used to wish I was never born, but therapy helped and I am doing better', 'none'],
  ['negation', "I'd never want to end my life, don't worry", 'none'],
];

describe('assessRisk hard cases', () => {
  it.each([...cases, ...shortCases])('%s: "%s" → %s', (_kind, text, expected) => {
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

  it('marks risk phrases on a "none" result as weak signals, keeping what lowered it', () => {
    const ordinary = assessRisk('we walked across the bridge to the market this morning');
    expect(ordinary.level).toBe('none');
    expect(ordinary.reasons).toEqual(['weak signal: plan or method']);
    const negated = assessRisk('I would never hurt myself');
    expect(negated.reasons).toContain('negated');
    expect(negated.reasons).not.toContain('self-harm');
    // The classifier is named only where it changed the level; here the phrase alone is urgent.
    expect(assessRisk('I want to end my life').reasons).toEqual(['explicit intent']);
  });

  it('treats a history separator as text unless the caller names it', () => {
    const history = Array.from({ length: 4 }, (_, i) => `post ${i}: I feel so low and alone these days, nothing much happened at work`).join(' ||| ');
    expect(evaluateRules(history).posts).toBe(1);
    expect(evaluateRules(history, { historySeparator: ' ||| ' }).posts).toBe(4);
    expect(evaluateRules('just one message', { historySeparator: ' ||| ' }).posts).toBe(1);
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

describe('assessRiskSafely', () => {
  it('fails safe to concern with a reason and reports the error when the assessment throws', () => {
    const errors: unknown[] = [];
    // A malformed context (a date that is not a Date) makes the real assessment throw inside the context layer.
    const broken = { recent: [{ level: 'concern' as const, score: 0.5, at: null as unknown as Date }] };
    expect(() => assessRisk("I can't do this anymore", broken)).toThrow();
    const r = assessRiskSafely("I can't do this anymore", broken, (err) => errors.push(err));
    expect(r.level).toBe('concern');
    expect(r.reasons).toEqual(['assessment error']);
    expect(errors).toHaveLength(1);
  });

  it('passes a working assessment through unchanged', () => {
    const errors: unknown[] = [];
    expect(assessRiskSafely('I want to end my life', undefined, (err) => errors.push(err)).level).toBe('urgent');
    expect(assessRiskSafely('see you at the group call', undefined, (err) => errors.push(err)).level).toBe('none');
    expect(errors).toHaveLength(0);
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
