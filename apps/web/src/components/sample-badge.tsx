import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Marks invented sample records (demo people, placeholder codes), so nobody mistakes them for official ones. */
export function SampleBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="yellow.8" variant="outline">
      {t('common.sampleData')}
    </Badge>
  );
}
