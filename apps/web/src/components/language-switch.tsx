import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, LANGUAGES } from '../i18n/i18n.ts';

/** Vietnamese / English toggle for pages without the user menu (login, password change). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('userMenu.language')}
      value={currentLanguage()}
      onChange={(value) => changeLanguage(value as (typeof LANGUAGES)[number])}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
    />
  );
}
