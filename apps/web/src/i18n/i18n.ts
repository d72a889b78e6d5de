import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { vi } from './vi.ts';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'steerco.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'vi';
  } catch {
    // Storage can be disabled (private mode, policies): Vietnamese then.
    return 'vi';
  }
}

export function initI18n() {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'vi',
    initAsync: false,
    // No advertisement in the console of a government system.
    showSupportNotice: false,
    // React escapes rendered text already.
    interpolation: { escapeValue: false },
  });
  return i18n;
}

export function changeLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted; the switch still applies to this visit.
  }
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'vi');
