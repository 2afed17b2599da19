export const SUPPORTED_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const;

/** The saved choice, else the first supported browser language, else English. */
export function detectLanguage(saved: string | null, browser: readonly string[]): string {
  const supported = SUPPORTED_LANGUAGES.map((l) => l.code as string);
  if (saved && supported.includes(saved)) return saved;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (supported.includes(base)) return base;
  }
  return 'en';
}
