import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { todayInVietnam } from '@steerco/contract/datetime';
import { periodLabel, type ScorecardRow } from '@steerco/contract/indicators';
import {
  IconAlertTriangle,
  IconChartBar,
  IconPencilPlus,
  IconRefresh,
  IconTarget,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { scorecardQueryOptions, useRefreshComputed } from '../api.ts';
import { PendingValues } from './approvals.tsx';
import { EnterValueModal } from './enter-value-modal.tsx';
import { IndicatorDrawer } from './indicator-drawer.tsx';
import { formatValue, LightBadge } from './light-badge.tsx';
import { ParSection } from './par-section.tsx';
import { TargetModal } from './target-modal.tsx';

// At 375 px the table scrolls inside its own box: the indicator's name stays in view on the left, and numbers
// never break between the figure and its unit.
const STICKY = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  minWidth: 150,
  maxWidth: 240,
} as const;
const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The committee's indicators: the scorecard with early warnings, approvals, and the PAR INDEX self-assessment. */
export function IndicatorsTab({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const card = useQuery(scorecardQueryOptions(committee.id, year));
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const [entering, setEntering] = useState<ScorecardRow | null>(null);
  const [showing, setShowing] = useState<ScorecardRow | null>(null);
  const [targeting, setTargeting] = useState<ScorecardRow | null>(null);
  const targetFrom = card.data?.targetFrom ?? null;
  const recompute = useRefreshComputed(committee.id);
  const frameworks = card.data?.frameworks ?? [];
  const framework =
    frameworks.find((f) => f.id === frameworkId) ??
    frameworks.find((f) => f.code === 'DA06') ??
    frameworks[0];
  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Title order={2} fz="h4">
          {t('indicators.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('indicators.subtitle')}
        </Text>
      </Stack>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('indicators.year')}
          w={110}
          data={[thisYear - 1, thisYear].map(String)}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          allowDeselect={false}
        />
        <Select
          label={t('indicators.framework')}
          style={{ flex: '1 1 16rem' }}
          data={frameworks.map((f) => ({ value: f.id, label: f.name }))}
          value={framework?.id ?? null}
          onChange={setFrameworkId}
          allowDeselect={false}
        />
      </Group>
      <ProblemAlert error={card.error} onRetry={() => void card.refetch()} />
      {card.data?.canApprove && <PendingValues committeeId={committee.id} />}
      {card.data && !framework && (
        <EmptyState icon={<IconChartBar size={28} />} title={t('indicators.empty')} />
      )}
      {framework && (
        <Stack gap="md">
          <Group gap={6}>
            {framework.isSample && <Badge variant="outline">{t('indicators.sample')}</Badge>}
            {framework.unconfirmed && (
              <Badge variant="outline" color="orange.9">
                {t('indicators.unconfirmed')}
              </Badge>
            )}
            {framework.basis && (
              <Text size="xs" c="dimmed">
                {framework.basis}
              </Text>
            )}
            {card.data?.canApprove &&
              framework.groups.some((g) => g.rows.some((r) => r.indicator.source === 'computed')) && (
                <Button
                  size="compact-sm"
                  variant="light"
                  ml="auto"
                  leftSection={<IconRefresh size={14} />}
                  loading={recompute.isPending}
                  onClick={() =>
                    recompute.mutate(undefined, {
                      onSuccess: (r) =>
                        notifications.show({
                          color: 'green',
                          message: t('indicators.recomputed', { count: r.written + r.removed }),
                        }),
                    })
                  }
                >
                  {t('indicators.recompute')}
                </Button>
              )}
          </Group>
          <ProblemAlert error={recompute.error} />
          {framework.groups.map((g) => (
            <Paper key={g.id} withBorder radius="md">
              <Text fw={600} px="md" pt="sm" pb={4}>
                {g.name}
              </Text>
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="xs" aria-label={g.name}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th style={STICKY}>{t('indicators.columns.indicator')}</Table.Th>
                      <Table.Th ta="right">{t('indicators.columns.target')}</Table.Th>
                      <Table.Th ta="right">{t('indicators.columns.latest')}</Table.Th>
                      <Table.Th ta="right">{t('indicators.columns.projection')}</Table.Th>
                      <Table.Th miw={180}>{t('indicators.columns.light')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {g.rows.map((r) => (
                      <Table.Tr key={r.indicator.id} data-code={r.indicator.code}>
                        <Table.Td style={{ ...STICKY, paddingLeft: r.indicator.parentId ? 28 : undefined }}>
                          <Text size="sm">{r.indicator.name}</Text>
                          <Text size="xs" c="dimmed">
                            {r.indicator.code}
                            {r.pending ? ` · ${t('indicators.pending')}` : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" style={NOWRAP}>
                          {formatValue(r.target, r.indicator.unit)}
                        </Table.Td>
                        <Table.Td ta="right">
                          <Text size="sm" style={NOWRAP}>
                            {formatValue(r.latest?.value, r.indicator.unit)}
                          </Text>
                          {r.latest && (
                            <Text size="xs" c="dimmed">
                              {periodLabel(r.indicator.frequency, r.latest.period)}
                              {r.latest.aggregated
                                ? ` · ${t('indicators.aggregated', { count: r.reporting })}`
                                : ''}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right" style={NOWRAP}>
                          {formatValue(r.projection, r.indicator.unit)}
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={2} align="flex-start">
                            <LightBadge light={r.light} />
                            {r.warning && (
                              <Text size="xs" c="red.9" role="note">
                                <IconAlertTriangle size={12} style={{ verticalAlign: 'middle' }} />{' '}
                                {t('indicators.warning', {
                                  value: formatValue(r.projection, r.indicator.unit),
                                  target: formatValue(r.target, r.indicator.unit),
                                })}
                              </Text>
                            )}
                          </Stack>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap" justify="flex-end">
                            {r.canEnter && (
                              <Button
                                size="compact-xs"
                                variant="light"
                                leftSection={<IconPencilPlus size={12} />}
                                onClick={() => setEntering(r)}
                              >
                                {t('indicators.enter')}
                              </Button>
                            )}
                            {targetFrom && (
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                leftSection={<IconTarget size={12} />}
                                onClick={() => setTargeting(r)}
                              >
                                {t('indicators.target.action')}
                              </Button>
                            )}
                            <Button size="compact-xs" variant="subtle" onClick={() => setShowing(r)}>
                              {t('indicators.details')}
                            </Button>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          ))}
        </Stack>
      )}
      <ParSection
        committeeId={committee.id}
        year={year}
        canOpen={
          !!card.data &&
          (card.data.canApprove ||
            card.data.frameworks.some(
              (f) => f.scored && f.groups.some((g) => g.rows.some((r) => r.canEnter)),
            ))
        }
      />
      {entering && (
        <EnterValueModal committeeId={committee.id} row={entering} onClose={() => setEntering(null)} />
      )}
      {targeting && targetFrom && (
        <TargetModal
          committeeId={committee.id}
          year={year}
          from={targetFrom}
          row={targeting}
          onClose={() => setTargeting(null)}
        />
      )}
      <IndicatorDrawer
        committeeId={committee.id}
        year={year}
        row={showing}
        onClose={() => setShowing(null)}
      />
    </Stack>
  );
}
