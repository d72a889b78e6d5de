import { Group, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { formatDate } from '@steerco/contract/datetime';
import type { PlanReview, ReviewCounts, ReviewPeriod, ReviewRow } from '@steerco/contract/plans';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { reviewQueryOptions } from '../api.ts';

const COUNTS: (keyof ReviewCounts)[] = [
  'total',
  'doneOnTime',
  'doneLate',
  'openOnTime',
  'overdue',
  'cancelled',
];
const COLORS: Partial<Record<keyof ReviewCounts, string>> = {
  doneOnTime: 'green.8',
  doneLate: 'orange.8',
  overdue: 'red.8',
};

interface ReviewSectionProps {
  committee: Pick<CommitteeDetail, 'id'>;
  defaultYear: number;
  /** Only this plan's tasks, for its year. */
  planId?: string;
}

/**
 * Figures for the 6-month and annual review meetings (R5, R8): the tasks due in the period, by display status,
 * by domain and by lead unit. Without a plan, the year can be chosen.
 */
export function ReviewSection({ committee, defaultYear, planId }: ReviewSectionProps) {
  const { t } = useTranslation();
  const [year, setYear] = useState(defaultYear);
  const [period, setPeriod] = useState<ReviewPeriod>('fullYear');
  const review = useQuery(reviewQueryOptions(committee.id, { year, period, planId }));
  const years = Array.from({ length: 6 }, (_, i) => defaultYear + 1 - i);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={3} fz="h5">
          {t(planId ? 'plans.review.planHeading' : 'plans.review.heading')}
        </Title>
        <Group gap="sm" align="flex-end">
          {!planId && (
            <Select
              label={t('plans.review.year')}
              data={years.map((y) => String(y))}
              value={String(year)}
              onChange={(v) => v && setYear(Number(v))}
              allowDeselect={false}
              w={100}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <SegmentedControl
            aria-label={t('plans.review.period')}
            value={period}
            onChange={(v) => setPeriod(v as ReviewPeriod)}
            data={(['firstHalf', 'fullYear'] as const).map((p) => ({
              value: p,
              label: t(`plans.review.periods.${p}`),
            }))}
          />
        </Group>
      </Group>
      <ProblemAlert error={review.error} onRetry={() => void review.refetch()} />
      {review.data && <ReviewTables review={review.data} />}
    </Stack>
  );
}

export function ReviewTables({ review }: { review: PlanReview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('plans.review.hint', {
          from: formatDate(review.from),
          to: formatDate(review.to),
          asOf: formatDate(review.asOf),
        })}
      </Text>
      {review.totals.total === 0 ? (
        <Text size="sm">{t('plans.review.empty')}</Text>
      ) : (
        <Stack gap="md">
          <CountsTable
            caption={t('plans.review.byDomain')}
            nameLabel={t('plans.review.domain')}
            rows={review.byDomain}
            totals={review.totals}
          />
          <CountsTable
            caption={t('plans.review.byLead')}
            nameLabel={t('plans.review.lead')}
            rows={review.byLead}
            totals={review.totals}
          />
        </Stack>
      )}
    </Stack>
  );
}

function CountsTable({
  caption,
  nameLabel,
  rows,
  totals,
}: {
  caption: string;
  nameLabel: string;
  rows: ReviewRow[];
  totals: ReviewCounts;
}) {
  const { t } = useTranslation();
  const cells = (c: ReviewCounts, bold = false) =>
    COUNTS.map((k) => (
      <Table.Td
        key={k}
        ta="right"
        fw={bold || k === 'total' ? 700 : undefined}
        c={c[k] ? COLORS[k] : undefined}
      >
        {c[k]}
      </Table.Td>
    ));
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={620}>
        <Table verticalSpacing={6} fz="sm" captionSide="top">
          <Table.Caption ta="left" px="sm" fw={600} c="var(--mantine-color-text)">
            {caption}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{nameLabel}</Table.Th>
              {COUNTS.map((k) => (
                <Table.Th key={k} ta="right" style={{ whiteSpace: 'normal' }} maw={120}>
                  {t(`plans.review.${k}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key || 'none'}>
                <Table.Td>{r.name || t('common.notSet')}</Table.Td>
                {cells(r)}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('plans.review.sum')}</Table.Th>
              {cells(totals, true)}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
