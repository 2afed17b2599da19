import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { es } from './es.ts';

import { detectLanguage, SUPPORTED_LANGUAGES } from './detect.ts';

export { SUPPORTED_LANGUAGES };

const STORAGE_KEY = 'hearth.language';

function savedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Starts i18next with the bundled catalogs (no network needed, so help works offline). */
export function initI18n() {
  const lng = detectLanguage(savedLanguage(), typeof navigator !== 'undefined' ? navigator.languages ?? [navigator.language] : []);
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, es: { translation: es } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18n.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
  return i18n;
}

/** Switches language and remembers it on this device. */
export function setLanguage(code: string) {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    /* private mode */
  }
  void i18n.changeLanguage(code);
}

export { i18n };
