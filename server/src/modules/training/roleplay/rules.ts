/**
 * Hand-written cues for the listening skills the curriculum teaches. Each cue is a phrase pattern; a match yields the
 * skill (or pitfall) and the words that triggered it, so feedback can quote the trainee's own reply back to them.
 * The patterns are documented in ./README.md and tested in assessor.test.ts.
 */

export const SKILLS = ['reflection', 'validation', 'open_question'] as const;
export const PITFALLS = ['advice', 'minimising', 'judgment', 'self_focus'] as const;
export type Skill = (typeof SKILLS)[number];
export type Pitfall = (typeof PITFALLS)[number];
/** Every label the assessor knows; closed_question is neither a skill nor a pitfall. */
export const LABELS = [...SKILLS, ...PITFALLS, 'closed_question'] as const;
export type Label = (typeof LABELS)[number];

export type Cue = { label: Skill | Pitfall; evidence: string };

type Rule = { label: Skill | Pitfall; pattern: RegExp };

const RULES: Rule[] = [
  // Advice: suggestions and instructions before the person has been heard.
  { label: 'advice', pattern: /\b(have you (tried|thought about|considered)|why (don'?t|not) you|why not (try|join|take|go)|you (should|ought to|need to|have to|must|could try|might try)|if i were you|my advice|what you need is|the best thing (to do )?is|maybe you should|i think you should|try (to|a|an|drinking|going|cutting|not)\b|just (stop|ignore|breathe|relax|talk|go|get|put)|go for a (walk|run)|download (a|an|the)|(take|took) up \w+|get (a|some) (hobby|rest|exercise)|join a)/i },
  // "At least…" and other minimising or silver-lining replies.
  { label: 'minimising', pattern: /\b(at least|could (be|have been) (a lot )?worse|look on the bright side|bright side|everything happens for a reason|(others|other people|some people) have it (much |a lot )?worse|it'?s not that bad|not a big deal|cheer up|chin up|don'?t worry|don'?t be sad|you'?ll (get over it|be fine)|it'?ll (all )?(be fine|work out|sort itself out)|everything will (work out|be fine)|time heals|plenty more fish|think of all the good|tomorrow will be better|things always look better|it'?s (just|only) a\b|move on)/i },
  // Judgment: telling the person their feelings or choices are wrong.
  { label: 'judgment', pattern: /\b(you shouldn'?t (feel|have)|you'?re (overreacting|being (too|so|a bit)|wrong|blowing)|overreact|too sensitive|your (own )?fault|brought this on yourself|(that'?s|that was|it'?s) (a bit |pretty |so )?(silly|stupid|dramatic|ridiculous|selfish|lazy|weird|not very smart)|why would you|why didn'?t you|stop (being|feeling sorry)|should (know better|be grateful)|grow up|making a (big )?fuss|i can'?t believe you|can'?t really blame them|not a healthy way)/i },
  // Turning the conversation to oneself.
  { label: 'self_focus', pattern: /\b(same (thing )?happened to me|i know exactly how you feel|that reminds me of (when )?my|when i (lost|moved|was|went|had)|when my \w+|i went through|i'?ve been there|same here|me too|i'?m the same|happened to me|let me tell you (about|what)|my (sister|brother|friend|mum|mom|dad|mother|father|cousin) (had|went|did|was)|i remember (my|when|crying)|i (had|have) (a|the) (terrible|awful|bad) (week|day)|i felt like that)/i },
  // Reflection: saying back the feeling or meaning heard.
  { label: 'reflection', pattern: /\b(it sounds (like|as if|as though)|sounds like you|you sound|you'?re feeling|you feel|you seem|it seems (like|as if)|i'?m hearing|i hear (that|how|you)|what i'?m hearing|so you(')?(ve|re)?\b|you'?re (worried|scared|afraid|angry|hurt|exhausted|tired|grieving|feeling)|so the \w+ (has |have )?(left|hurt))/i },
  // Validation: saying the feeling makes sense, or thanking them for sharing.
  { label: 'validation', pattern: /\b(makes (a lot of |complete |total )?sense|understandable|no wonder|anyone (in your position )?would|(that|this|it) (sounds|must be|must feel) (really |so |incredibly |such a )?(hard|painful|tough|difficult|frightening|scary|exhausting|heavy|lonely)|your (feelings|reaction)s? (are|is|makes) (valid|completely|understandable)|(it'?s|it is) (okay|ok|fine|natural|normal) (to|not to|that)|thank you for (trusting|sharing|telling)|i'?m (really )?glad you (reached out|told|shared)|takes courage|a (lot|heavy thing) (to carry|for anyone)|of course you'?re|nothing wrong with|i can see why|very human|i appreciate you (telling|sharing))/i },
];

/** Questions that invite a story rather than a yes or no. */
const OPEN_QUESTION = /(^|[.!?]\s+|,\s*)(what|how|where|tell me|could you say|can you (say|tell)|i'?m wondering|i wonder)\b[^?.!]*(\?|$)/i;
/** Closed questions (yes/no); not a pitfall, but they do not open the conversation up. */
export const CLOSED_QUESTION = /(^|[.!?]\s+)(are|is|was|were|do|does|did|have|has|can|could|would|will)\s+(you|it|he|she|they|that|this|your)\b[^?]*\?/i;

/** Advice dressed as a question ("have you tried…?") must not count as an open question. */
const ADVICE_QUESTION = /\b(have you (tried|thought about|considered)|why (don'?t|not))/i;

/** All cues in a reply, in the order the rules are listed (pitfalls first). */
export function findCues(reply: string): Cue[] {
  const text = reply.replace(/[’‘]/g, "'").trim();
  const cues: Cue[] = [];
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (match) cues.push({ label: rule.label, evidence: quoteAround(text, match.index, match[0].length) });
  }
  const open = OPEN_QUESTION.exec(text);
  if (open && !ADVICE_QUESTION.test(open[0])) cues.push({ label: 'open_question', evidence: quoteAround(text, open.index + open[1]!.length, open[0].length - open[1]!.length) });
  return cues;
}

/** The sentence (or clause) that holds the match, trimmed to a readable quote. */
function quoteAround(text: string, start: number, length: number): string {
  const before = text.slice(0, start);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? ')) + 1;
  const afterMatch = text.slice(start + length);
  const endRel = afterMatch.search(/[.!?](\s|$)/);
  const end = endRel === -1 ? text.length : start + length + endRel + 1;
  const quote = text.slice(sentenceStart, end).trim();
  return quote.length > 120 ? `${quote.slice(0, 117)}…` : quote;
}
