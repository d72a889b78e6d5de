import { Drawer, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { periodLabel, type ScorecardRow } from '@steerco/contract/indicators';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { rankingQueryOptions, valueHistoryQueryOptions } from '../api.ts';
import { formatValue, LightBadge } from './light-badge.tsx';

// The charts (and recharts) load only when a detail is opened.
const IndicatorCharts = lazy(() => import('./indicator-charts.tsx'));

/** One indicator: its trend, the ranking and spread of the units below, and the history of its values. */
export function IndicatorDrawer({
  committeeId,
  year,
  row,
  onClose,
}: {
  committeeId: string;
  year: number;
  row: ScorecardRow | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ranking = useQuery({ ...rankingQueryOptions(committeeId, row?.indicator.id ?? ''), enabled: !!row });
  const history = useQuery({
    ...valueHistoryQueryOptions(committeeId, row?.indicator.id ?? ''),
    enabled: !!row,
  });
  return (
    <Drawer opened={!!row} onClose={onClose} position="right" size="xl" title={row?.indicator.name}>
      {row && (
        <Stack gap="md">
          <Stack gap={4}>
            <LightBadge light={row.light} />
            {ranking.data?.aggregate !== null && ranking.data?.aggregate !== undefined && (
              <Text size="sm">
                {t('indicators.detail.aggregate', {
                  rule: t(`indicators.aggregation.${row.indicator.aggregation}`),
                  value: formatValue(ranking.data.aggregate, row.indicator.unit),
                })}
              </Text>
            )}
          </Stack>
          <ProblemAlert error={ranking.error} />
          <Suspense fallback={<Loader size="sm" aria-label={t('indicators.detail.chartsLoading')} />}>
            <IndicatorCharts
              indicator={row.indicator}
              year={year}
              target={row.target}
              trend={row.trend}
              ranking={ranking.data}
            />
          </Suspense>
          {ranking.data && ranking.data.items.length > 0 && (
            <Table.ScrollContainer minWidth={320}>
              <Table verticalSpacing={4} aria-label={t('indicators.detail.ranking')}>
                <Table.Tbody>
                  {ranking.data.items.map((i) => (
                    <Table.Tr key={i.committeeId}>
                      <Table.Td>{i.rank ?? '—'}</Table.Td>
                      <Table.Td>{i.name}</Table.Td>
                      <Table.Td ta="right">{formatValue(i.value, row.indicator.unit)}</Table.Td>
                      <Table.Td>
                        <LightBadge light={i.light} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {history.data && history.data.length > 0 && (
            <Stack gap={4}>
              <Title order={3} fz="h5">
                {t('indicators.detail.history')}
              </Title>
              {history.data.map((v) => (
                <Text key={v.id} size="xs">
                  {periodLabel(v.frequency, v.period, v.year)}: {formatValue(v.value, row.indicator.unit)} ·{' '}
                  {t(`indicators.valueStatus.${v.status}`)}
                  {v.enteredByName ? ` · ${v.enteredByName}` : ''}
                  {v.decisionNote ? ` · ${v.decisionNote}` : ''}
                </Text>
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
