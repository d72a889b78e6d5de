import { Badge, Group, Progress, Text } from '@mantine/core';
import type { DerivedTaskStatus, TaskPriority, TaskStatus } from '@steerco/contract/tasks';
import { useTranslation } from 'react-i18next';
import { DERIVED_COLORS, STATUS_COLORS } from '../tasks.ts';

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`tasks.status.${status}`)}
    </Badge>
  );
}

/** On time, due soon, overdue, done late: what the deadline says today (working days, Viet Nam time). */
export function DerivedStatusBadge({ derived }: { derived: DerivedTaskStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={DERIVED_COLORS[derived]} variant={derived === 'overdue' ? 'filled' : 'outline'}>
      {t(`tasks.derived.${derived}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  const { t } = useTranslation();
  if (priority === 'normal') return null;
  const color = priority === 'urgent' ? 'red' : priority === 'high' ? 'orange' : 'gray';
  return (
    <Badge color={color} variant="dot">
      {t(`tasks.priorities.${priority}`)}
    </Badge>
  );
}

export function ProgressValue({ value }: { value: number }) {
  return (
    <Group gap={6} wrap="nowrap" miw={90}>
      <Progress value={value} size="sm" style={{ flex: 1 }} aria-hidden />
      <Text size="xs" c="dimmed" w={34} ta="right">
        {value}%
      </Text>
    </Group>
  );
}
