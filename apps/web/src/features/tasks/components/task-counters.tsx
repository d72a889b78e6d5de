import { Paper, SimpleGrid, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMyTaskCounters } from '../api.ts';
import type { MyTaskCounter, MyTasksRole, TasksSearch } from '../tasks.ts';

const COLORS: Record<MyTaskCounter, string> = {
  open: 'var(--mantine-color-blue-7)',
  onTime: 'var(--mantine-color-blue-5)',
  dueSoon: 'var(--mantine-color-orange-7)',
  overdue: 'var(--mantine-color-red-7)',
  doneLate: 'var(--mantine-color-yellow-8)',
  reviewer: 'var(--mantine-color-teal-7)',
};

/** The `/nhiem-vu` search that lists what a counter counts. */
export function counterSearch(counter: MyTaskCounter): TasksSearch {
  if (counter === 'open') return {};
  if (counter === 'reviewer') return { role: 'reviewer' };
  return { derived: counter };
}

interface TaskCountersProps {
  counters: readonly MyTaskCounter[];
  role?: MyTasksRole;
  /** The counter whose filter is applied (highlighted). */
  active?: MyTaskCounter;
  /** Filters the list in place; without it each counter links to "my tasks" with its filter. */
  onSelect?: (counter: MyTaskCounter) => void;
  /** The numbers, when the page already has them (the dashboard's one request); otherwise each is asked for. */
  values?: Partial<Record<MyTaskCounter, number>>;
}

/** Live counters of my tasks (open, due soon, overdue …), each one a way into the matching list. */
export function TaskCounters({ counters, role = 'all', active, onSelect, values: given }: TaskCountersProps) {
  const { t } = useTranslation();
  const asked = useMyTaskCounters(role, given ? [] : counters);
  const values = given ?? asked;
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: counters.length }}
      spacing="sm"
      component="ul"
      aria-label={t('tasks.counters.label')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {counters.map((counter) => {
        const value = values[counter];
        const label = t(`tasks.counters.${counter}`);
        const body = (
          <Paper
            withBorder
            radius="md"
            p="sm"
            h="100%"
            style={{
              borderLeft: `4px solid ${COLORS[counter]}`,
              background: active === counter ? 'var(--mantine-color-gray-0)' : undefined,
              outline: active === counter ? `2px solid ${COLORS[counter]}` : undefined,
            }}
          >
            <Text size="sm" c="dimmed" lh={1.3}>
              {label}
            </Text>
            {value === undefined ? (
              <Skeleton h={30} w={40} mt={4} />
            ) : (
              <Text fz={28} fw={700} lh={1.2} c={COLORS[counter]} data-counter={counter}>
                {value}
              </Text>
            )}
          </Paper>
        );
        const name = t('tasks.counters.filterBy', { label, count: value ?? 0 });
        return (
          <li key={counter}>
            {onSelect ? (
              <UnstyledButton
                w="100%"
                h="100%"
                aria-label={name}
                aria-pressed={active === counter}
                onClick={() => onSelect(counter)}
              >
                {body}
              </UnstyledButton>
            ) : (
              <UnstyledButton
                renderRoot={(props) => <Link to="/nhiem-vu" search={counterSearch(counter)} {...props} />}
                w="100%"
                h="100%"
                aria-label={name}
              >
                {body}
              </UnstyledButton>
            )}
          </li>
        );
      })}
    </SimpleGrid>
  );
}
