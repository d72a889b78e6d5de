import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { CommitteeDetail } from '@steerco/contract/committees';
import {
  DerivedTaskStatus,
  TaskStatus,
  type DerivedTaskStatus as TDerived,
  type TaskStatus as TStatus,
} from '@steerco/contract/tasks';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { committeeQueryOptions } from '../../committees/api.ts';
import { domainShort } from '../../committees/components/committee-badges.tsx';
import { useCommitteeTaskCounts, useMyDerivedCounts } from '../../tasks/api.ts';
import { BarChart } from '../../tasks/components/bar-chart.tsx';
import { DERIVED_COLORS, STATUS_COLORS } from '../../tasks/tasks.ts';

/** Charts of the dashboard (issue #8): my tasks by display status, and for those who manage a committee its tasks. */

/** My tasks (any role) by what their deadline says today: on time, due soon, overdue, done on time / late … */
export function MyTasksChart() {
  const { t } = useTranslation();
  const { counts, pending, error } = useMyDerivedCounts(DerivedTaskStatus.options);
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <BarChart
        title={t('tasks.charts.mineByDerived')}
        bars={DerivedTaskStatus.options.map((d: TDerived) => ({
          key: d,
          label: t(`tasks.derived.${d}`),
          color: DERIVED_COLORS[d],
          search: { derived: d },
        }))}
        counts={counts}
        pending={pending}
        error={error}
      />
    </Paper>
  );
}

/** One card for each committee I may manage tasks on (head, deputy, standing agency): by status and by domain. */
export function ManagedCommitteesCharts({ committeeIds }: { committeeIds: string[] }) {
  const { t } = useTranslation();
  const details = useQueries({ queries: committeeIds.map((id) => committeeQueryOptions(id)) });
  const managed = details
    .map((d) => d.data)
    .filter((c): c is CommitteeDetail => !!c?.myPermissions.includes('task.manage'));
  if (!managed.length) return null;
  return (
    <Stack gap="md" component="section" aria-label={t('tasks.charts.committeesTitle')}>
      <Stack gap={2}>
        <Title order={2} fz="h4">
          {t('tasks.charts.committeesTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('tasks.charts.committeesHint')}
        </Text>
      </Stack>
      {managed.map((committee) => (
        <CommitteeCharts key={committee.id} committee={committee} />
      ))}
    </Stack>
  );
}

function CommitteeCharts({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const byStatus = useCommitteeTaskCounts(
    committee.id,
    TaskStatus.options.map((s) => ({ key: s, filters: { status: s } })),
  );
  const byDomain = useCommitteeTaskCounts(
    committee.id,
    committee.domains.map((d) => ({ key: d.code, filters: { domain: d.code } })),
  );
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="article"
      aria-label={committee.name}
    >
      <Text fw={650} mb="sm">
        {committee.name}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <BarChart
          title={t('tasks.charts.byStatus')}
          bars={TaskStatus.options.map((s: TStatus) => ({
            key: s,
            label: t(`tasks.status.${s}`),
            color: STATUS_COLORS[s],
            search: { ban: committee.id, status: s },
          }))}
          counts={byStatus.counts}
          pending={byStatus.pending}
          error={byStatus.error}
        />
        {committee.domains.length > 0 && (
          <BarChart
            title={t('tasks.charts.byDomain')}
            bars={committee.domains.map((d) => ({
              key: d.code,
              label: `${domainShort(d.code)} — ${d.name}`,
              color: 'govRed',
              search: { ban: committee.id, domain: d.code, status: 'all' },
            }))}
            counts={byDomain.counts}
            pending={byDomain.pending}
            error={byDomain.error}
          />
        )}
      </SimpleGrid>
    </Paper>
  );
}
