import {
  Anchor,
  Badge,
  Button,
  Drawer,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate } from '@steerco/contract/datetime';
import type { EvaluationCycle, MemberEvaluation } from '@steerco/contract/evaluations';
import { IconFileTypeDocx } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../../components/fact.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { sheetDocxUrl, useSelfScore } from '../api.ts';
import { formatPoints, LevelBadge } from './members-table.tsx';

const OUTCOME_COLORS = { doneOnTime: 'green', doneLate: 'orange', overdue: 'red', open: 'gray' } as const;

/** One member's evaluation: the result and every figure behind it, linked to its records; her self-scoring. */
export function MemberSheet({
  cycle,
  member,
  onClose,
}: {
  cycle: EvaluationCycle;
  member: MemberEvaluation;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = (n: number | null) => formatPoints(n, i18n.language);
  const tasks = member.figures.tasks;
  const att = member.figures.attendance;
  const mine = member.id === cycle.myMemberId && cycle.status === 'open';
  const selfScore = useSelfScore(cycle.id);
  const [scores, setScores] = useState<Record<string, number>>(member.selfScores ?? {});
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={member.fullName}>
      <Stack gap="md" data-testid="member-sheet">
        <Group justify="space-between" align="flex-start">
          <Text size="sm" c="dimmed">
            {member.position ?? ''} ·{' '}
            {member.seatTo
              ? t('evaluations.member.seatUntil', {
                  from: formatDate(member.seatFrom),
                  to: formatDate(member.seatTo),
                })
              : t('evaluations.member.seat', { from: formatDate(member.seatFrom) })}
          </Text>
          <Button
            component="a"
            href={sheetDocxUrl(cycle.id, member.id)}
            download
            variant="light"
            size="xs"
            leftSection={<IconFileTypeDocx size={14} />}
          >
            {t('evaluations.downloads.sheetDocx')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Fact label={t('evaluations.columns.total')}>{fmt(member.totalPoints)}</Fact>
          <Fact label={t('evaluations.columns.suggested')}>
            <LevelBadge cycle={cycle} level={member.suggestedLevel} />
          </Fact>
          <Fact label={t('evaluations.columns.proposed')}>
            <LevelBadge cycle={cycle} level={member.proposedLevel} />
          </Fact>
          <Fact label={t('evaluations.columns.decided')}>
            <LevelBadge cycle={cycle} level={member.decidedLevel} />
          </Fact>
        </SimpleGrid>

        <Title order={3} fz="h5">
          {t('evaluations.member.tasksHeading')} — {fmt(member.taskScore.points)}/{cycle.scheme.taskMax}
        </Title>
        <SimpleGrid cols={{ base: 3 }}>
          <Fact label={t('evaluations.member.quantity')}>{fmt(member.taskScore.quantityPct)}%</Fact>
          <Fact label={t('evaluations.member.quality')}>{fmt(member.taskScore.qualityPct)}%</Fact>
          <Fact label={t('evaluations.member.timeliness')}>{fmt(member.taskScore.timelinessPct)}%</Fact>
        </SimpleGrid>
        <Group gap={6}>
          {(
            [
              'assigned',
              'doneOnTime',
              'doneLate',
              'overdue',
              'returned',
              'extensions',
              'exempted',
              'cooperated',
            ] as const
          ).map((k) => (
            <Badge key={k} variant="outline" color="gray" style={{ textTransform: 'none' }}>
              {t(`evaluations.member.${k}`)}: {tasks[k]}
            </Badge>
          ))}
        </Group>
        {tasks.records.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('evaluations.member.noTasks')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Tbody>
                {tasks.records.map((r) => (
                  <Table.Tr key={`${r.taskId}-${r.role}`}>
                    <Table.Td>
                      <Anchor component={Link} to={`/nhiem-vu/${r.taskId}`} size="sm">
                        {r.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`evaluations.member.role.${r.role}`)} · {formatDate(r.deadline)}
                        {r.returns.length > 0 &&
                          ` · ${t('evaluations.member.returns', { count: r.returns.length })}${r.returns.some((x) => x.minor) ? ` (${t('evaluations.member.minor')})` : ''}`}
                        {r.exemption && ` · ${t('evaluations.member.exemption', { reason: r.exemption })}`}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={OUTCOME_COLORS[r.outcome]}
                        variant="light"
                        style={{ textTransform: 'none' }}
                      >
                        {t(`evaluations.member.outcome.${r.outcome}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}

        <Title order={3} fz="h5">
          {t('evaluations.member.attendanceHeading')}
        </Title>
        <Group gap={6}>
          {(['present', 'substitute', 'approvedAbsence', 'absentWithoutLeave'] as const).map((k) => (
            <Badge key={k} variant="outline" color="gray" style={{ textTransform: 'none' }}>
              {t(`evaluations.member.${k}`)}: {att[k]}
            </Badge>
          ))}
        </Group>
        <Stack gap={2}>
          {att.records.map((a) => (
            <Text size="sm" key={a.meetingId}>
              <Anchor component={Link} to={`/cuoc-hop/${a.meetingId}`} size="sm">
                {a.title}
              </Anchor>{' '}
              · {formatDate(a.date)} · {t(`evaluations.member.${a.outcome}`)}
            </Text>
          ))}
        </Stack>
        <Title order={3} fz="h5">
          {t('evaluations.member.reportsHeading')}
        </Title>
        <Text size="sm">
          {t('evaluations.member.reportsLine', {
            submitted: member.figures.reports.submitted,
            onTime: member.figures.reports.onTime,
          })}
        </Text>

        <Title order={3} fz="h5">
          {t('evaluations.member.generalHeading')} — {fmt(member.generalPoints)}/{cycle.scheme.generalMax}
        </Title>
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right">{t('evaluations.member.max')}</Table.Th>
              <Table.Th ta="right">{t('evaluations.member.self')}</Table.Th>
              <Table.Th ta="right">{t('evaluations.member.reviewed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cycle.scheme.generalCriteria.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td>
                  {c.code}. {c.text}
                  {c.unconfirmed && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t('evaluations.member.unconfirmed')})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{fmt(c.maxPoints)}</Table.Td>
                <Table.Td ta="right" w={110}>
                  {mine ? (
                    <NumberInput
                      size="xs"
                      aria-label={`${t('evaluations.member.self')} ${c.code}`}
                      min={0}
                      max={c.maxPoints}
                      step={0.5}
                      decimalScale={2}
                      value={scores[c.code] ?? ''}
                      onChange={(v) => setScores({ ...scores, [c.code]: Number(v) || 0 })}
                    />
                  ) : (
                    fmt(member.selfScores?.[c.code] ?? null)
                  )}
                </Table.Td>
                <Table.Td ta="right">{fmt(member.reviewedScores?.[c.code] ?? null)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {mine && (
          <Group justify="flex-end">
            <ProblemAlert error={selfScore.error} />
            <Button
              loading={selfScore.isPending}
              onClick={() =>
                selfScore.mutate(
                  { memberId: member.id, scores },
                  {
                    onSuccess: () =>
                      notifications.show({ color: 'green', message: t('evaluations.member.selfSaved') }),
                  },
                )
              }
            >
              {t('evaluations.member.selfSave')}
            </Button>
          </Group>
        )}
      </Stack>
    </Drawer>
  );
}
