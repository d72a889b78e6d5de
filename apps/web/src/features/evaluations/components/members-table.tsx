import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { EvaluationCycle, EvaluationLevel } from '@steerco/contract/evaluations';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../components/modal-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useDecide, usePropose } from '../api.ts';
import { MemberSheet } from './member-sheet.tsx';

export const LEVEL_COLORS: Record<EvaluationLevel, string> = {
  excellent: 'green',
  good: 'teal',
  done: 'yellow',
  notDone: 'red',
};

export const formatPoints = (n: number | null, language: string) =>
  n === null ? '—' : n.toLocaleString(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 });

/** The level's official name, from the scheme (data, not code). */
export function LevelBadge({ cycle, level }: { cycle: EvaluationCycle; level: EvaluationLevel | null }) {
  const { t } = useTranslation();
  if (!level)
    return (
      <Text size="sm" c="dimmed">
        {t('evaluations.none')}
      </Text>
    );
  return (
    <Badge
      color={LEVEL_COLORS[level]}
      variant="light"
      h="auto"
      py={2}
      style={{ textTransform: 'none' }}
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
    >
      {cycle.scheme.levels.find((l) => l.code === level)?.name ?? level}
    </Badge>
  );
}

/** Every member (a plain member: herself): points, the level they reach, the proposal and the head's decision. */
export function MembersTable({ cycle }: { cycle: EvaluationCycle }) {
  const { t, i18n } = useTranslation();
  const propose = usePropose(cycle.id);
  const decide = useDecide(cycle.id);
  const [open, setOpen] = useState<string | null>(null);
  const [deciding, setDeciding] = useState(false);
  const [reason, setReason] = useState('');
  const initial = useMemo(
    () =>
      Object.fromEntries(
        cycle.members.map((m) => [
          m.id,
          (cycle.may.decide ? (m.decidedLevel ?? m.proposedLevel) : m.proposedLevel) ?? m.suggestedLevel,
        ]),
      ) as Record<string, EvaluationLevel | null>,
    [cycle],
  );
  const [choice, setChoice] = useState(initial);
  useEffect(() => setChoice(initial), [initial]);
  const levels = cycle.scheme.levels.map((l) => ({ value: l.code, label: l.name }));
  const editing = cycle.may.decide || cycle.may.propose;
  const chosen = cycle.members.filter((m) => choice[m.id]);
  // The cap on the levels as they would stand after this decision (the server checks it again).
  const cap = cycle.cap;
  const count = (lvl: EvaluationLevel) => cycle.members.filter((m) => choice[m.id] === lvl).length;
  const wouldCount = count(cap.level);
  const wouldAllowed = Math.floor(cap.share * count(cap.ofLevel) + 1e-9);
  // As the server: only a decision giving the capped level over the cap needs the reason.
  const over = wouldCount > wouldAllowed && chosen.some((m) => choice[m.id] === cap.level);
  const fmt = (n: number | null) => formatPoints(n, i18n.language);
  const member = cycle.members.find((m) => m.id === open);
  return (
    <Stack gap="sm">
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="xs" striped data-testid="evaluation-members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evaluations.columns.member')}</Table.Th>
                <Table.Th ta="right">
                  {t('evaluations.columns.tasks', { max: cycle.scheme.taskMax })}
                </Table.Th>
                <Table.Th ta="right">
                  {t('evaluations.columns.general', { max: cycle.scheme.generalMax })}
                </Table.Th>
                <Table.Th ta="right">{t('evaluations.columns.total')}</Table.Th>
                <Table.Th>{t('evaluations.columns.suggested')}</Table.Th>
                <Table.Th>{t('evaluations.columns.proposed')}</Table.Th>
                <Table.Th>{t('evaluations.columns.decided')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cycle.members.map((m) => (
                <Table.Tr key={m.id} data-member={m.fullName}>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" onClick={() => setOpen(m.id)}>
                      {m.fullName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {m.position ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{fmt(m.taskScore.points)}</Table.Td>
                  <Table.Td ta="right">
                    {m.generalPoints === null ? t('evaluations.notScored') : fmt(m.generalPoints)}
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {fmt(m.totalPoints)}
                  </Table.Td>
                  <Table.Td>
                    <LevelBadge cycle={cycle} level={m.suggestedLevel} />
                  </Table.Td>
                  <Table.Td>
                    {cycle.may.propose ? (
                      <Select
                        size="xs"
                        aria-label={`${t('evaluations.columns.proposed')}: ${m.fullName}`}
                        data={levels}
                        allowDeselect={false}
                        value={choice[m.id] ?? null}
                        onChange={(v) => setChoice({ ...choice, [m.id]: v as EvaluationLevel })}
                        w={230}
                      />
                    ) : (
                      <LevelBadge cycle={cycle} level={m.proposedLevel} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {cycle.may.decide ? (
                      <Select
                        size="xs"
                        aria-label={`${t('evaluations.columns.decided')}: ${m.fullName}`}
                        data={levels}
                        allowDeselect={false}
                        value={choice[m.id] ?? null}
                        onChange={(v) => setChoice({ ...choice, [m.id]: v as EvaluationLevel })}
                        w={230}
                      />
                    ) : (
                      <LevelBadge cycle={cycle} level={m.decidedLevel} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {editing && (
        <Group justify="flex-end" gap="sm">
          <ProblemAlert error={propose.error} />
          {cycle.may.propose && (
            <Button
              loading={propose.isPending}
              disabled={!chosen.length}
              onClick={() =>
                propose.mutate(
                  { items: chosen.map((m) => ({ memberId: m.id, level: choice[m.id]! })) },
                  {
                    onSuccess: () =>
                      notifications.show({ color: 'green', message: t('evaluations.propose.saved') }),
                  },
                )
              }
            >
              {t('evaluations.propose.save')}
            </Button>
          )}
          {cycle.may.decide && (
            <Button color="green" disabled={!chosen.length} onClick={() => setDeciding(true)}>
              {t('evaluations.decide.open')}
            </Button>
          )}
        </Group>
      )}
      <ModalForm
        opened={deciding}
        onClose={() => setDeciding(false)}
        title={t('evaluations.decide.title')}
        submitLabel={t('evaluations.decide.submit')}
        submitting={decide.isPending}
        error={decide.error}
        onSubmit={(e) => {
          e.preventDefault();
          decide.mutate(
            {
              items: chosen.map((m) => ({ memberId: m.id, level: choice[m.id]! })),
              ...(over ? { capOverrideReason: reason } : {}),
            },
            {
              onSuccess: () => {
                setDeciding(false);
                notifications.show({ color: 'green', message: t('evaluations.decide.done') });
              },
            },
          );
        }}
      >
        <Text size="sm">{t('evaluations.decide.summary', { count: chosen.length })}</Text>
        <Alert color={over ? 'orange' : 'gray'} variant="light">
          {t(over ? 'evaluations.cap.exceeded' : 'evaluations.cap.ok', {
            count: wouldCount,
            allowed: wouldAllowed,
            ofCount: count(cap.ofLevel),
            share: Math.round(cap.share * 100),
          })}
        </Alert>
        {over && (
          <Textarea
            label={t('evaluations.cap.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
        )}
      </ModalForm>
      {member && <MemberSheet cycle={cycle} member={member} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
