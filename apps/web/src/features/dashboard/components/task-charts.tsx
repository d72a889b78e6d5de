import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DERIVED_STATUS_LABELS, TASK_STATUS_LABELS } from '@steerco/contract/labels';
import type { DerivedTaskStatus as TDerived, TaskStatus as TStatus } from '@steerco/contract/tasks';
import { useTranslation } from 'react-i18next';
import { domainShort } from '../../committees/components/committee-badges.tsx';
import { BarChart } from '../../tasks/components/bar-chart.tsx';
import { DERIVED_COLORS, STATUS_COLORS } from '../../tasks/tasks.ts';

/**
 * Charts of the dashboard (issue #8): my tasks by display status, and for those who manage a committee its tasks.
 * The numbers come with the dashboard's one request (issue 19).
 */
const DERIVED = Object.keys(DERIVED_STATUS_LABELS) as TDerived[];
const STATUSES = Object.keys(TASK_STATUS_LABELS) as TStatus[];

/** A committee I manage tasks on, with its counts (GET /api/v1/dashboard). */
interface ManagedCommittee {
  id: string;
  name: string;
  byStatus: Partial<Record<TStatus, number>>;
  byDomain: { code: string; name: string; count: number }[];
}

interface Loading {
  pending: boolean;
  error: Error | null;
}

/** My tasks (any role) by what their deadline says today: on time, due soon, overdue, done on time / late … */
export function MyTasksChart({
  counts,
  pending,
  error,
}: { counts: Partial<Record<TDerived, number>> } & Loading) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <BarChart
        title={t('tasks.charts.mineByDerived')}
        bars={DERIVED.map((d) => ({
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
export function ManagedCommitteesCharts({ managed }: { managed: ManagedCommittee[] }) {
  const { t } = useTranslation();
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

function CommitteeCharts({ committee }: { committee: ManagedCommittee }) {
  const { t } = useTranslation();
  const byDomain = Object.fromEntries(committee.byDomain.map((d) => [d.code, d.count]));
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
          bars={STATUSES.map((s) => ({
            key: s,
            label: t(`tasks.status.${s}`),
            color: STATUS_COLORS[s],
            search: { ban: committee.id, status: s },
          }))}
          counts={committee.byStatus}
          pending={false}
          error={null}
        />
        {committee.byDomain.length > 0 && (
          <BarChart
            title={t('tasks.charts.byDomain')}
            bars={committee.byDomain.map((d) => ({
              key: d.code,
              label: `${domainShort(d.code)} — ${d.name}`,
              color: 'govRed',
              search: { ban: committee.id, domain: d.code, status: 'all' },
            }))}
            counts={byDomain}
            pending={false}
            error={null}
          />
        )}
      </SimpleGrid>
    </Paper>
  );
}
