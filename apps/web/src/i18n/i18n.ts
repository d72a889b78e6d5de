import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { viCore } from './vi.ts';
import type { Vi } from './vi-pages.ts';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'steerco.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Vi };
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

/** English is loaded only by those who chose it: the first page of everyone else does not carry it. */
async function loadLanguage(language: Language) {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./en.ts');
    i18n.addResourceBundle('en', 'translation', en);
  }
}

/** Resolves once the stored language can be shown (at once for Vietnamese). */
export async function initI18n() {
  const lng = storedLanguage();
  document.documentElement.lang = lng;
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: viCore } },
    lng,
    fallbackLng: 'vi',
    initAsync: false,
    // No advertisement in the console of a government system.
    showSupportNotice: false,
    // React escapes rendered text already.
    interpolation: { escapeValue: false },
  });
  if (lng !== 'vi') {
    await loadLanguage(lng).catch(() => undefined);
    await i18n.changeLanguage(lng);
  }
  return i18n;
}

export function changeLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted; the switch still applies to this visit.
  }
  void loadLanguage(language).then(() => {
    document.documentElement.lang = language;
    return i18n.changeLanguage(language);
  });
}

export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'vi');
