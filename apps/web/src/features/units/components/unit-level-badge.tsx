import { Badge } from '@mantine/core';
import type { UnitLevel } from '@steerco/contract/units';
import { useTranslation } from 'react-i18next';

const LEVEL_COLORS: Record<UnitLevel, string> = {
  national: 'govRed',
  province: 'orange',
  district: 'blue',
  commune: 'teal',
  agency: 'gray',
};

export function UnitLevelBadge({ level }: { level: UnitLevel }) {
  const { t } = useTranslation();
  return <Badge color={LEVEL_COLORS[level]}>{t(`units.levels.${level}`)}</Badge>;
}
