import { CRISIS_LINES } from '@hearth/contracts';

/**
 * The personal-information guard: phone numbers, e-mail addresses, street addresses, social handles, and attempts to
 * move a conversation off Hearth. Anonymity protects people in a peer-support space; contact details shared in a
 * vulnerable moment cannot be taken back.
 */
export type PiiKind = 'phone' | 'email' | 'address' | 'handle' | 'off_platform';
export type PiiFinding = { kind: PiiKind; start: number; end: number };

const PHONE = /(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){1,4}/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const ADDRESS = /\b\d{1,5}\s+(?:[A-Za-z]+\s+){1,4}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|way|place|pl|terrace|close|crescent|calle|avenida)\b\.?/gi;
const PLATFORM = String.raw`(?:insta(?:gram)?|ig|snap(?:chat)?|sc|discord|telegram|tg|whats ?app|kik|tiktok|twitter|x\.com|facebook|fb|signal|wechat|line id)`;
/**
 * A handle: "@name", or a platform's name as a whole word followed by a handle. The platform must end at a word
 * boundary ("sc" is not the start of "scared") and the handle must be marked as one: by ":", "-", "=" or "@",
 * after "my/our <platform> is", or by looking like a handle (a digit, "_" or "."), so "my phone signal is bad"
 * and "facebook is draining" keep their words.
 */
const HANDLE = new RegExp(
  String.raw`(?:^|[\s(])@[A-Za-z0-9_.]{3,30}\b` +
    String.raw`|\b${PLATFORM}\b\s*(?:[:=-]|\bis\s*(?=@))\s*@?[A-Za-z0-9_.]{3,30}\b` +
    String.raw`|\b(?:my|our)\s+${PLATFORM}\s+is\s+@?[A-Za-z0-9_.]{3,30}\b` +
    String.raw`|\b${PLATFORM}\s+@?(?=[A-Za-z0-9_.]*[0-9_.])[A-Za-z0-9_.]{3,30}\b`,
  'gi',
);
const OFF_PLATFORM =
  /\b(?:add|follow|find|message|msg|dm|text|call|ring|hit) me (?:up )?(?:on|at|via|over)\b|\b(?:let'?s|lets|we (?:should|could)|wanna|want to|can we) (?:meet(?: up)?|hang out|link up|get together)\b|\bmeet (?:up )?(?:irl|in person|in real life|offline)\b|\b(?:talk|chat|continue) (?:on|over) (?:whats ?app|snap(?:chat)?|insta(?:gram)?|discord|telegram|text|the phone)\b/gi;

/** Asking someone else for their contact details: never allowed for peer supporters. */
const ASKS_FOR_CONTACT =
  /\b(?:what'?s|what is|give me|send me|can i (?:have|get)|could i (?:have|get)|share|drop|tell me) (?:me )?your (?:phone|number|cell|mobile|digits|e-?mail|address|home address|insta(?:gram)?|snap(?:chat)?|discord|whats ?app|telegram|socials?|handle|@)\b|\b(?:add|text|call|dm|message) me (?:on|at)\b|\b(?:let'?s|lets|can we|we should) meet(?: up)?\b/i;

/** Crisis line numbers (digits only) are never treated as personal information: pointing someone to help is good. */
const HELP_NUMBERS = new Set(
  CRISIS_LINES.flatMap((c) => c.lines.flatMap((l) => [l.phone, l.text]))
    .filter((n): n is string => typeof n === 'string')
    .map((n) => n.replace(/\D/g, ''))
    .filter((d) => d.length > 0),
);

function digitsOf(s: string) {
  return s.replace(/\D/g, '');
}

function collect(text: string, re: RegExp, kind: PiiKind, keep: (m: string) => boolean = () => true): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    if (keep(raw)) out.push({ kind, start: m.index! + lead, end: m.index! + raw.length });
  }
  return out;
}

/** Every piece of personal information in the text, in order. */
export function findPersonalInfo(text: string): PiiFinding[] {
  const emails = collect(text, EMAIL, 'email');
  const phones = collect(text, PHONE, 'phone', (m) => {
    const d = digitsOf(m);
    // 7+ digits is a phone number; shorter runs are times, years, counts. Crisis lines are help, not PII.
    return d.length >= 7 && d.length <= 15 && !HELP_NUMBERS.has(d) && !/^(19|20)\d\d$/.test(d);
  });
  const found = [
    ...emails,
    ...phones.filter((p) => !emails.some((e) => p.start < e.end && e.start < p.end)),
    ...collect(text, ADDRESS, 'address'),
    ...collect(text, HANDLE, 'handle').filter((h) => !emails.some((e) => h.start < e.end && e.start < h.end)),
    ...collect(text, OFF_PLATFORM, 'off_platform'),
  ];
  return found.sort((a, b) => a.start - b.start);
}

/** True when the text asks someone for their contact details or to meet outside Hearth. */
export function asksForContact(text: string): boolean {
  return ASKS_FOR_CONTACT.test(text);
}

/** Replaces each finding that is contact information with a plain marker; off-platform invitations are left as words. */
export function redactPersonalInfo(text: string, findings: PiiFinding[]): string {
  let out = '';
  let at = 0;
  for (const f of findings) {
    if (f.kind === 'off_platform' || f.start < at) continue;
    out += text.slice(at, f.start) + '[removed to protect your privacy]';
    at = f.end;
  }
  return out + text.slice(at);
}
