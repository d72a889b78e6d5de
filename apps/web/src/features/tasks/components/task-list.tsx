import { Anchor, Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { formatDate } from '@steerco/contract/datetime';
import { IconCalendarDue, IconUser } from '@tabler/icons-react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import type { TaskItem, TaskPage } from '../api.ts';
import { DerivedStatusBadge, PriorityBadge, ProgressValue, TaskStatusBadge } from './task-badges.tsx';

interface TaskListProps {
  query: UseInfiniteQueryResult<InfiniteData<TaskPage>>;
  emptyTitle: string;
  emptyHint?: string;
  emptyIcon: ReactNode;
}

/** Tasks by deadline, a page at a time ("Xem thêm" asks for the rows after the last one: keyset paging). */
export function TaskList({ query, emptyTitle, emptyHint, emptyIcon }: TaskListProps) {
  const { t } = useTranslation();
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  const items = query.data.pages.flatMap((p) => p.items);
  const total = query.data.pages[0]?.total ?? 0;
  if (!items.length)
    return (
      <EmptyState icon={emptyIcon} title={emptyTitle}>
        {emptyHint}
      </EmptyState>
    );
  return (
    <Stack gap="xs" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
      <Text size="sm" c="dimmed">
        {t('tasks.list.total', { count: total })}
      </Text>
      <Stack
        gap="xs"
        component="ul"
        aria-label={t('tasks.list.caption')}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {items.map((task) => (
          <TaskRow key={task.id} task={task} />
        ))}
      </Stack>
      {query.hasNextPage && (
        <Center>
          <Button
            variant="default"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t('tasks.list.more')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}

export const leadName = (task: Pick<TaskItem, 'leadUnit' | 'leadMember'>) =>
  task.leadUnit?.name ?? task.leadMember?.fullName ?? '—';

function TaskRow({ task }: { task: TaskItem }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder radius="md" p="sm" aria-label={task.title}>
      <Stack gap={6}>
        <Anchor component={Link} to={`/nhiem-vu/${task.id}`} fw={600}>
          {task.title}
        </Anchor>
        <Group gap={6} wrap="wrap">
          <DerivedStatusBadge derived={task.derivedStatus} />
          <TaskStatusBadge status={task.status} />
          <PriorityBadge priority={task.priority} />
          <Text size="xs" c="dimmed">
            {t(`tasks.sources.${task.sourceKind}`)}
          </Text>
        </Group>
        <Group gap="md" wrap="wrap" justify="space-between">
          <Group gap="md" wrap="wrap">
            <Meta icon={<IconCalendarDue size={14} />}>
              {t('tasks.list.deadline', { date: formatDate(task.deadline) })}
            </Meta>
            <Meta icon={<IconUser size={14} />}>{t('tasks.list.leadBy', { name: leadName(task) })}</Meta>
          </Group>
          <ProgressValue value={task.progress} />
        </Group>
      </Stack>
    </Paper>
  );
}

function Meta({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap={4} wrap="nowrap" c="dimmed">
      {icon}
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </Group>
  );
}
