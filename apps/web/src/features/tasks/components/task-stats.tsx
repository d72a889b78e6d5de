import { Center, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { type TaskStatsView, taskStatsQueryOptions } from '../api.ts';
import type { TaskFilters } from '../tasks.ts';

const FIGURES = ['assigned', 'done', 'doneOnTime', 'doneLate', 'overdue', 'open'] as const;

/** Per-unit and per-member statistics (assigned, done on time / late, overdue, open) of a committee. */
export function TaskStatsPanel({ committeeId, filters }: { committeeId: string; filters: TaskFilters }) {
  const { t } = useTranslation();
  const stats = useQuery(taskStatsQueryOptions(committeeId, filters));
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-label={t('tasks.stats.title')}
    >
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="h5">
            {t('tasks.stats.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('tasks.stats.hint')}
          </Text>
        </Stack>
        {stats.isError && <ProblemAlert error={stats.error} onRetry={() => void stats.refetch()} />}
        {stats.isPending && (
          <Center py="md">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        )}
        {stats.data && (
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
            <StatsTable title={t('tasks.stats.byUnit')} rows={stats.data.byUnit} totals={stats.data.totals} />
            <StatsTable
              title={t('tasks.stats.byMember')}
              rows={stats.data.byMember}
              totals={stats.data.totals}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

function StatsTable({
  title,
  rows,
  totals,
}: {
  title: string;
  rows: TaskStatsView['byUnit'];
  totals: TaskStatsView['totals'];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder verticalSpacing={6} fz="sm" aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={200}>{t('tasks.stats.name')}</Table.Th>
              {FIGURES.map((f) => (
                <Table.Th key={f} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t(`tasks.stats.${f}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={FIGURES.length + 1}>
                  <Text size="sm" c="dimmed" ta="center">
                    {t('tasks.stats.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{row.name}</Table.Td>
                {FIGURES.map((f) => (
                  <Table.Td key={f} ta="right" c={f === 'overdue' && row[f] > 0 ? 'red.7' : undefined}>
                    {row[f]}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          {rows.length > 0 && (
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Td>{t('tasks.stats.totals')}</Table.Td>
                {FIGURES.map((f) => (
                  <Table.Td key={f} ta="right">
                    {totals[f]}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
