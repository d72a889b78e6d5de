// Loaded lazily (React.lazy): @mantine/charts and recharts stay out of the first page's bundle.
import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Stack, Text, Title } from '@mantine/core';
import { type Indicator, periodLabel, type Ranking } from '@steerco/contract/indicators';
import { useTranslation } from 'react-i18next';

// Colours from Mantine's palette with at least 4.5:1 contrast on white (WCAG AA); the light never relies on
// colour alone: every value is also written (tooltips, axis labels, the table beside the chart).
const VALUE = 'blue.8';
const TARGET = 'orange.9';

const format = (v: number | null | undefined) =>
  v === null || v === undefined
    ? '—'
    : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(v);

export interface IndicatorChartsProps {
  indicator: Indicator;
  year: number;
  target: number | null;
  trend: { period: number; value: number | null }[];
  ranking: Ranking | undefined;
}

/** The trend across periods (with the target), the ranking of the units below and their spread. */
export default function IndicatorCharts({ indicator, year, target, trend, ranking }: IndicatorChartsProps) {
  const { t } = useTranslation();
  const trendData = trend.map((p) => ({
    period: periodLabel(indicator.frequency, p.period),
    [t('indicators.detail.value')]: p.value,
    ...(target !== null ? { [t('indicators.detail.target')]: target } : {}),
  }));
  const ranked = (ranking?.items ?? []).filter((i) => i.value !== null);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={3} fz="h5">
          {t('indicators.detail.trend')} · {year}
        </Title>
        <LineChart
          h={220}
          data={trendData}
          dataKey="period"
          withLegend
          valueFormatter={format}
          series={[
            { name: t('indicators.detail.value'), color: VALUE },
            ...(target !== null
              ? [{ name: t('indicators.detail.target'), color: TARGET, strokeDasharray: '6 4' }]
              : []),
          ]}
          curveType="linear"
          connectNulls
          aria-label={t('indicators.detail.trend')}
        />
      </Stack>
      {ranking && (
        <Stack gap={4}>
          <Title order={3} fz="h5">
            {t('indicators.detail.ranking')}
            {ranking.period ? ` · ${periodLabel(indicator.frequency, ranking.period, ranking.year)}` : ''}
          </Title>
          {ranked.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('indicators.detail.noChildren')}
            </Text>
          ) : (
            <>
              <BarChart
                h={Math.max(160, ranked.length * 36)}
                data={ranked.map((i) => ({
                  name: i.name.replace(/^Ban Chỉ đạo\s+/i, ''),
                  [t('indicators.detail.value')]: i.value,
                }))}
                dataKey="name"
                orientation="vertical"
                yAxisProps={{ width: 150 }}
                valueFormatter={format}
                withBarValueLabel
                series={[{ name: t('indicators.detail.value'), color: VALUE }]}
                referenceLines={
                  target !== null ? [{ x: target, color: TARGET, label: t('indicators.detail.target') }] : []
                }
                aria-label={t('indicators.detail.ranking')}
              />
              <Title order={3} fz="h5">
                {t('indicators.detail.distribution')}
              </Title>
              <BarChart
                h={180}
                data={ranking.distribution.map((b) => ({
                  band: `${format(b.from)}–${format(b.to)}`,
                  count: b.count,
                }))}
                dataKey="band"
                valueFormatter={(v) => t('indicators.detail.units', { count: v })}
                series={[{ name: 'count', label: t('indicators.detail.unitCount'), color: 'teal.9' }]}
                aria-label={t('indicators.detail.distribution')}
              />
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
