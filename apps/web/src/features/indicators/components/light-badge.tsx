import { Badge } from '@mantine/core';
import type { TrafficLight } from '@steerco/contract/indicators';
import { useTranslation } from 'react-i18next';

/** Colours of the traffic light; the badge always carries its words too. */
export const LIGHT_COLORS: Record<TrafficLight, string> = {
  meets: 'green',
  atRisk: 'yellow',
  offTrack: 'red',
  noTarget: 'gray',
  noData: 'gray',
};

export function LightBadge({ light }: { light: TrafficLight }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={LIGHT_COLORS[light]}
      variant={light === 'atRisk' ? 'filled' : 'light'}
      c={light === 'atRisk' ? 'dark' : undefined}
      data-light={light}
      styles={{ root: { maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {t(`indicators.light.${light}`)}
    </Badge>
  );
}

export const formatValue = (v: number | null | undefined, unit?: string) =>
  v === null || v === undefined
    ? '—'
    : `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(v)}${unit === 'percent' ? ' %' : ''}`;
