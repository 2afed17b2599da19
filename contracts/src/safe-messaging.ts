/**
 * Safe-messaging rules for text Hearth itself writes (product copy, bot replies, generated text, library content):
 * phrasings the public guidance asks us never to use, sensational or alarming wording, and method words our own text
 * must not carry. Server and web check against this one list; run-time checks use it on generated replies too.
 */
export const UNSAFE_PHRASING: readonly RegExp[] = [
  // Blaming or judging wording ("committed" suicide, "successful"/"failed" attempts), English and Spanish.
  /\bcommit(s|ted|ting)?\s+suicide\b/i, /\b(un)?successful\s+suicide\b/i, /\bfailed\s+(suicide|attempt)\b/i,
  /\bcomet(i(ó|o|eron|do)|er)\s+suicidio\b/i, /\bsuicidio\s+exitoso\b/i, /\bintento\s+fallido\b/i,
  // Sensational or alarming wording.
  /\bsuicide\s+epidemic\b/i, /\bwarning!|\bdanger!|\balert!/i,
  // Method words and places, English and Spanish.
  /\b(hang(ing|ed)?|noose|overdos(e|ed|es|ing)|pills?|poison(ing)?|gun|firearm|knife|rope|razor|blade|bridge|jump(ing|ed)? off|wrists?|lethal)\b/i,
  /\b(ahorcar(se)?|sobredosis|pastillas?|veneno|pistola|arma de fuego|cuchillo|cuchilla|cuerda|puente|saltar de)\b/i,
];

/**
 * Stricter rules for content a person reads for support (library items, worksheets): beyond the shared rules it must
 * not talk about methods at all. Staff-facing guidance may say "no method details", so this is a separate layer.
 */
export const SUPPORT_CONTENT_PHRASING: readonly RegExp[] = [...UNSAFE_PHRASING, /\bmethods?\b/i, /\bmétodos?\b/i];

/** The first rule the text breaks, or null when it follows safe-messaging guidance. */
export function findUnsafePhrasing(text: string, rules: readonly RegExp[] = UNSAFE_PHRASING): RegExp | null {
  return rules.find((rule) => rule.test(text)) ?? null;
}
