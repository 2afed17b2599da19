/**
 * Safe-messaging rules for text Hearth itself writes (product copy, bot replies, generated text): phrasings the
 * guidance asks us never to use, and method words our own text must not carry. Used by the copy tests and, at run
 * time, to check any generated reply before a person sees it.
 */
export const UNSAFE_PHRASING: readonly RegExp[] = [
  /committed suicide/i, /commit suicide/i, /commits suicide/i, /committing suicide/i, /successful suicide/i, /unsuccessful suicide/i, /failed attempt/i,
  /cometi[óo] suicidio/i, /cometer suicidio/i, /suicidio exitoso/i, /intento fallido/i,
  /\b(hang(ing|ed)?|noose|overdos(e|ing)|pills?|poison(ing)?|gun|firearm|rope|razor|blade|bridge|jump(ing)? off|wrists?|lethal)\b/i,
  /\b(ahorcar(se)?|sobredosis|pastillas?|veneno|pistola|arma de fuego|cuchilla|saltar de)\b/i,
];

/** The first rule the text breaks, or null when it follows safe-messaging guidance. */
export function findUnsafePhrasing(text: string): RegExp | null {
  return UNSAFE_PHRASING.find((p) => p.test(text)) ?? null;
}
