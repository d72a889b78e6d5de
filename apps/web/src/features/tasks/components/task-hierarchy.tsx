import {
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Paper,
  Radio,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate } from '@steerco/contract/datetime';
import { DerivedTaskStatus, TaskStatus } from '@steerco/contract/tasks';
import { IconSubtask } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../components/modal-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { childCommitteesQueryOptions } from '../../committees/api.ts';
import {
  type RollupView,
  rollupQueryOptions,
  subtreeCountersQueryOptions,
  type TaskView,
  useCascade,
} from '../api.ts';
import { presentEntries } from '../charts.ts';
import { DERIVED_COLORS, STATUS_COLORS } from '../tasks.ts';
import { DerivedStatusBadge, ProgressValue, TaskStatusBadge } from './task-badges.tsx';

/*
 * Hierarchy (issue #8): a higher committee's directive handed down to the committees below it, each with its own
 * copy led by its own People's Committee (R1), and each copy's progress rolled up to the task that sent it.
 */

/**
 * "Giao cho Ban Chỉ đạo cấp dưới": shown to those who may manage the task (the same right as cancelling it) on a
 * committee that has committees below; the server decides and its refusal is shown with its title.
 */
export function CascadeButton({ task, childCount }: { task: TaskView; childCount: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (childCount === 0 || !task.allowedActions.includes('cancel')) return null;
  return (
    <>
      <Button variant="light" leftSection={<IconSubtask size={16} />} onClick={() => setOpen(true)}>
        {t('tasks.hierarchy.cascade')}
      </Button>
      {open && <CascadeDialog task={task} onClose={() => setOpen(false)} />}
    </>
  );
}

function CascadeDialog({ task, onClose }: { task: TaskView; onClose: () => void }) {
  const { t } = useTranslation();
  const cascade = useCascade(task.id);
  const children = useQuery(childCommitteesQueryOptions(task.committeeId));
  const rollup = useQuery(rollupQueryOptions(task.id));
  const [mode, setMode] = useState<'all' | 'some'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const active = (children.data ?? []).filter((c) => c.status === 'active');
  // A committee that already holds a copy is skipped by the server; it is shown ticked and locked.
  const received = new Set((rollup.data?.rows ?? []).map((r) => r.committeeId));
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('tasks.hierarchy.cascade')}
      submitLabel={t('tasks.hierarchy.cascadeSubmit')}
      submitting={cascade.isPending}
      error={cascade.error}
      onSubmit={(event) => {
        event.preventDefault();
        if (mode === 'some' && chosen.length === 0) return setError(t('tasks.hierarchy.pickOne'));
        cascade.mutate(mode === 'all' ? {} : { committeeIds: chosen }, {
          onSuccess: ({ created }) => {
            notifications.show({
              color: created ? 'green' : 'blue',
              message: created
                ? t('tasks.hierarchy.cascaded', { count: created })
                : t('tasks.hierarchy.nothingNew'),
            });
            onClose();
          },
        });
      }}
    >
      <Text size="sm">{t('tasks.hierarchy.cascadeHint')}</Text>
      {children.isError && <ProblemAlert error={children.error} />}
      {children.isPending ? (
        <Center py="sm">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : (
        <Radio.Group
          label={t('tasks.hierarchy.recipients')}
          value={mode}
          onChange={(v) => {
            setMode(v as 'all' | 'some');
            setError(null);
          }}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="all" label={t('tasks.hierarchy.allChildren', { count: active.length })} />
            <Radio value="some" label={t('tasks.hierarchy.someChildren')} />
          </Stack>
        </Radio.Group>
      )}
      {mode === 'some' && (
        <Checkbox.Group
          label={t('tasks.hierarchy.pick')}
          value={[...chosen, ...received]}
          error={error}
          onChange={(v) => {
            setChosen(v.filter((id) => !received.has(id)));
            setError(null);
          }}
        >
          <Stack gap={6} mt="xs">
            {active.map((c) => (
              <Checkbox
                key={c.id}
                value={c.id}
                disabled={received.has(c.id)}
                label={c.name}
                description={received.has(c.id) ? t('tasks.hierarchy.alreadyReceived') : c.unitName}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    </ModalForm>
  );
}

/** "Tiến độ ở cấp dưới": counts by display status and one row per copy below; nothing when none was handed down. */
export function RollupSection({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const rollup = useQuery(rollupQueryOptions(task.id));
  if (rollup.isError) return <ProblemAlert error={rollup.error} onRetry={() => void rollup.refetch()} />;
  if (!rollup.data?.rows.length) return null;
  const { summary, rows } = rollup.data;
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-label={t('tasks.hierarchy.title')}
    >
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} fz="h5">
            {t('tasks.hierarchy.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('tasks.hierarchy.hint', { count: rows.length })}
          </Text>
        </Stack>
        <Group gap={6} component="ul" aria-label={t('tasks.hierarchy.summary')} style={listReset}>
          {presentEntries(DerivedTaskStatus.options, summary).map(({ key, value }) => (
            <li key={key}>
              <Badge
                color={DERIVED_COLORS[key]}
                variant={key === 'overdue' ? 'filled' : 'light'}
                size="lg"
                data-rollup={key}
              >
                {t(`tasks.derived.${key}`)}: {value}
              </Badge>
            </li>
          ))}
        </Group>
        <RollupTable rows={rows} />
        <Stack
          gap="xs"
          hiddenFrom="sm"
          component="ul"
          aria-label={t('tasks.hierarchy.table')}
          style={listReset}
        >
          {rows.map((row) => (
            <Paper key={row.taskId} component="li" withBorder radius="md" p="sm">
              <Stack gap={6}>
                <CopyLink row={row} />
                <Group gap={6}>
                  <TaskStatusBadge status={row.status} />
                  <DerivedStatusBadge derived={row.derivedStatus} />
                </Group>
                <ProgressValue value={row.progress} />
                <Text size="sm" c="dimmed">
                  {t('tasks.hierarchy.deadlineOn', { date: formatDate(row.deadline) })}
                  {row.completedOn &&
                    ` · ${t('tasks.hierarchy.completedOnDate', { date: formatDate(row.completedOn) })}`}
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

const listReset = { listStyle: 'none', padding: 0, margin: 0 } as const;

type RollupRow = RollupView['rows'][number];

/** The committee of a copy, opening that copy; a grandchild's copy is marked with its level. */
function CopyLink({ row }: { row: RollupRow }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Anchor component={Link} to={`/nhiem-vu/${row.taskId}`} size="sm" fw={600}>
        {row.committeeName}
      </Anchor>
      <Text size="xs" c="dimmed">
        {t(`units.levels.${row.unitLevel}`, { defaultValue: row.unitLevel })}
      </Text>
    </Box>
  );
}

function RollupTable({ rows }: { rows: RollupRow[] }) {
  const { t } = useTranslation();
  return (
    <Box visibleFrom="sm">
      <Table.ScrollContainer minWidth={680}>
        <Table striped withTableBorder verticalSpacing={6} fz="sm" aria-label={t('tasks.hierarchy.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={220}>{t('tasks.hierarchy.committee')}</Table.Th>
              <Table.Th>{t('tasks.hierarchy.status')}</Table.Th>
              <Table.Th miw={130}>{t('tasks.hierarchy.progress')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('tasks.hierarchy.deadline')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('tasks.hierarchy.completedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.taskId}>
                <Table.Td>
                  <CopyLink row={row} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <TaskStatusBadge status={row.status} />
                    <DerivedStatusBadge derived={row.derivedStatus} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <ProgressValue value={row.progress} />
                </Table.Td>
                <Table.Td>{formatDate(row.deadline)}</Table.Td>
                <Table.Td>{row.completedOn ? formatDate(row.completedOn) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}

/**
 * "Toàn bộ Ban Chỉ đạo cấp dưới": the tasks of a committee and every committee below it, by status, with the
 * overdue ones (a district sees its wards' load at a glance).
 */
export function SubtreeCounters({ committeeId }: { committeeId: string }) {
  const { t } = useTranslation();
  const counters = useQuery(subtreeCountersQueryOptions(committeeId));
  const tiles: { key: string; label: string; value: number | undefined; color: string }[] = [
    { key: 'total', label: t('tasks.hierarchy.total'), value: counters.data?.total, color: 'dark' },
    { key: 'overdue', label: t('tasks.derived.overdue'), value: counters.data?.overdue, color: 'red.7' },
    ...TaskStatus.options.map((s) => ({
      key: s,
      label: t(`tasks.status.${s}`),
      value: counters.data?.byStatus[s] ?? (counters.data ? 0 : undefined),
      color: `${STATUS_COLORS[s]}.7`,
    })),
  ];
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-label={t('tasks.hierarchy.subtree')}
    >
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} fz="h5">
            {t('tasks.hierarchy.subtree')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('tasks.hierarchy.subtreeHint')}
          </Text>
        </Stack>
        {counters.isError ? (
          <ProblemAlert error={counters.error} onRetry={() => void counters.refetch()} />
        ) : (
          <SimpleGrid
            cols={{ base: 3, xs: 5, lg: 9 }}
            spacing="xs"
            component="ul"
            aria-label={t('tasks.hierarchy.subtree')}
            style={listReset}
          >
            {tiles.map((tile) => (
              <Box
                key={tile.key}
                component="li"
                p={6}
                style={{ borderRadius: 6, background: 'var(--mantine-color-gray-0)' }}
                data-subtree={tile.key}
              >
                <Text size="xs" c="dimmed" lh={1.25}>
                  {tile.label}
                </Text>
                {tile.value === undefined ? (
                  <Skeleton h={24} w={32} mt={2} />
                ) : (
                  <Text fz="xl" fw={700} lh={1.2} c={tile.value > 0 ? tile.color : 'dimmed'}>
                    {tile.value}
                  </Text>
                )}
              </Box>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
