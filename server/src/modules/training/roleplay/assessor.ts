import { findCues, CLOSED_QUESTION, PITFALLS, SKILLS, type Cue, type Label, type Pitfall, type Skill } from './rules.ts';
import { predict, type RoleplayModel } from './model.ts';

/** What the assessor says about one practice reply. */
export type ReplyAssessment = {
  /** True when the reply used at least one listening skill and fell into no pitfall. */
  listened: boolean;
  skills: Skill[];
  pitfalls: Pitfall[];
  /** The model's best guess and its probability (shown to authors, not trainees). */
  model: { label: Label; p: number };
  /** Specific feedback, one line per skill or pitfall, quoting the trainee's words. */
  feedback: Array<{ kind: 'strength' | 'pitfall' | 'tip'; label: Label | 'none'; text: string }>;
};

/** The model may add a label the rules missed only when it is this sure. */
const MODEL_SKILL_THRESHOLD = 0.55;
const MODEL_PITFALL_THRESHOLD = 0.6;

const STRENGTH: Record<Skill, (quote: string) => string> = {
  reflection: (q) => `Reflecting feelings: "${q}" puts into words what you heard. Hearing their experience said back helps a person feel understood and invites them to go on.`,
  validation: (q) => `Validating: "${q}" tells the person their reaction makes sense. That eases shame and makes it safer to keep talking.`,
  open_question: (q) => `Open question: "${q}" invites them to tell more in their own way, rather than answer yes or no.`,
};

const PITFALL: Record<Pitfall, (quote: string) => string> = {
  advice: (q) =>
    `Advice-giving: "${q}" jumps to a fix. Suggestions this early can feel like the person's problem is being handed back to them, or that they have not tried hard enough. Try reflecting what you heard first; if they later want ideas, ask what they have already tried.`,
  minimising: (q) =>
    `Minimising ("at least…"): "${q}" looks for a silver lining. Even when meant kindly, it can tell the person their pain is smaller than it feels. Stay with what they said instead.`,
  judgment: (q) =>
    `Judgment: "${q}" weighs in on whether their feelings or choices are right. People open up when they feel accepted; try naming the feeling without grading it.`,
  self_focus: (q) =>
    `Turning to your own story: "${q}" moves the spotlight to you. A short, purposeful bit of lived experience can help later, but right now bring the focus back to them.`,
};

const TIPS = {
  closed: 'Your question can be answered with yes or no. An open question ("What has that been like?") usually invites more.',
  none: 'This reply did not yet show a listening skill. Try saying back the feeling you heard ("It sounds like…"), or ask an open question.',
};

/** Assesses one practice reply with the documented rules first, then the text model for what the rules missed. */
export function assessReply(model: RoleplayModel, reply: string): ReplyAssessment {
  const cues = findCues(reply);
  const top = predict(model, reply)[0]!;
  const skills = new Set(cues.flatMap((c) => (isSkill(c.label) ? [c.label] : [])));
  const pitfalls = new Set(cues.flatMap((c) => (isPitfall(c.label) ? [c.label] : [])));
  const evidence = new Map<Label, string>(cues.map((c: Cue) => [c.label, c.evidence]));
  if (isSkill(top.label) && top.p >= MODEL_SKILL_THRESHOLD && pitfalls.size === 0) skills.add(top.label);
  if (isPitfall(top.label) && top.p >= MODEL_PITFALL_THRESHOLD) pitfalls.add(top.label);

  const quote = (label: Label) => evidence.get(label) ?? shorten(reply);
  const feedback: ReplyAssessment['feedback'] = [
    ...[...skills].map((s) => ({ kind: 'strength' as const, label: s as Label, text: STRENGTH[s](quote(s)) })),
    ...[...pitfalls].map((p) => ({ kind: 'pitfall' as const, label: p as Label, text: PITFALL[p](quote(p)) })),
  ];
  if (skills.size === 0 && pitfalls.size === 0) {
    const closed = CLOSED_QUESTION.test(reply.trim()) || top.label === 'closed_question';
    feedback.push({ kind: 'tip', label: closed ? 'closed_question' : 'none', text: closed ? TIPS.closed : TIPS.none });
  }
  return { listened: skills.size > 0 && pitfalls.size === 0, skills: [...skills], pitfalls: [...pitfalls], model: top, feedback };
}

/** The one label used to score the assessor against the labelled examples: a pitfall first, then a skill. */
export function primaryLabel(a: Pick<ReplyAssessment, 'skills' | 'pitfalls' | 'model'>, rulesOnly = false): Label {
  if (a.pitfalls[0]) return a.pitfalls[0];
  if (a.skills[0]) return a.skills[0];
  return rulesOnly ? 'closed_question' : a.model.label;
}

function isSkill(label: Label): label is Skill {
  return (SKILLS as readonly string[]).includes(label);
}
function isPitfall(label: Label): label is Pitfall {
  return (PITFALLS as readonly string[]).includes(label);
}
function shorten(text: string) {
  const t = text.trim();
  return t.length > 120 ? `${t.slice(0, 117)}…` : t;
}
