import { Anchor, Box, Group, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { barRows, totalOf } from '../charts.ts';
import type { TasksSearch } from '../tasks.ts';

export interface Bar<K extends string> {
  key: K;
  label: string;
  color: string;
  /** The task list (`/nhiem-vu`) this bar counts, opened from its label. */
  search?: TasksSearch;
}

interface BarChartProps<K extends string> {
  title: string;
  bars: readonly Bar<K>[];
  counts: Partial<Record<K, number>>;
  pending: boolean;
  error?: unknown;
}

/**
 * Horizontal bars, each with its label and its number written out (the bar itself is decoration, hidden from
 * screen readers, which read "label number"); the label over the bar keeps it readable on a 375 px phone.
 */
export function BarChart<K extends string>({ title, bars, counts, pending, error }: BarChartProps<K>) {
  const { t } = useTranslation();
  const rows = barRows(
    bars.map((b) => b.key),
    counts,
  );
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
        <Text fw={600} size="sm">
          {title}
        </Text>
        {!pending && !error && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('tasks.charts.total', { count: totalOf(counts) })}
          </Text>
        )}
      </Group>
      {error ? (
        <ProblemAlert error={error} />
      ) : (
        <Stack gap={8} component="ul" aria-label={title} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {bars.map((bar, i) => {
            const row = rows[i]!;
            return (
              <Box component="li" key={bar.key} data-bar={bar.key}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  {bar.search ? (
                    <Anchor
                      renderRoot={(props) => <Link to="/nhiem-vu" search={bar.search} {...props} />}
                      size="sm"
                      c="inherit"
                      underline="hover"
                    >
                      {bar.label}
                    </Anchor>
                  ) : (
                    <Text size="sm">{bar.label}</Text>
                  )}
                  {pending ? (
                    <Skeleton h={14} w={24} />
                  ) : (
                    <Text size="sm" fw={700}>
                      {row.value}
                    </Text>
                  )}
                </Group>
                <Progress
                  value={pending ? 0 : row.percent}
                  color={bar.color}
                  size="md"
                  radius="sm"
                  mt={3}
                  aria-hidden
                />
              </Box>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
