import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { formatDate, todayInVietnam } from '@steerco/contract/datetime';
import { IconAward, IconFileSpreadsheet, IconFileTypeDocx, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import {
  cycleQueryOptions,
  cyclesQueryOptions,
  summaryDocxUrl,
  summaryXlsxUrl,
  useOpenCycle,
} from '../api.ts';
import { MembersTable } from './members-table.tsx';

/** The committee's annual evaluations of its members (R17): the years, and the chosen year's evaluation. */
export function EvaluationsTab({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const cycles = useQuery(cyclesQueryOptions(committee.id));
  const [selected, setSelected] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const thisYear = Number(todayInVietnam().slice(0, 4));
  // The standing agency (or the head) opens it; the server also lets the proposer (a deputy) do so.
  const mayOpen = committee.myPermissions.includes('document.manage') || committee.myRole === 'deputyHead';
  const items = cycles.data ?? [];
  const hasThisYear = items.some((c) => c.year === thisYear);
  useEffect(() => {
    if (!selected && items[0]) setSelected(items[0].id);
  }, [items, selected]);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 20rem' }}>
          <Title order={2} fz="h4">
            {t('evaluations.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('evaluations.subtitle')}
          </Text>
        </Stack>
        {mayOpen && !hasThisYear && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setOpening(true)}>
            {t('evaluations.open', { year: thisYear })}
          </Button>
        )}
      </Group>
      <ProblemAlert error={cycles.error} onRetry={() => void cycles.refetch()} />
      {cycles.data && items.length === 0 && (
        <EmptyState icon={<IconAward size={28} />} title={t('evaluations.empty')}>
          {mayOpen && <Text size="sm">{t('evaluations.emptyManage')}</Text>}
        </EmptyState>
      )}
      {items.length > 1 && (
        <SegmentedControl
          value={selected ?? ''}
          onChange={setSelected}
          data={items.map((c) => ({ value: c.id, label: String(c.year) }))}
        />
      )}
      {selected && <CycleView cycleId={selected} />}
      <OpenCycleModal
        committeeId={committee.id}
        year={thisYear}
        opened={opening}
        onClose={() => setOpening(false)}
        onOpened={(id) => {
          setOpening(false);
          setSelected(id);
        }}
      />
    </Stack>
  );
}

function OpenCycleModal(props: {
  committeeId: string;
  year: number;
  opened: boolean;
  onClose: () => void;
  onOpened: (id: string) => void;
}) {
  const { t } = useTranslation();
  const open = useOpenCycle(props.committeeId);
  const [deadline, setDeadline] = useState('');
  return (
    <ModalForm
      opened={props.opened}
      onClose={props.onClose}
      title={t('evaluations.openTitle')}
      submitting={open.isPending}
      error={open.error}
      submitLabel={t('evaluations.open', { year: props.year })}
      onSubmit={(e) => {
        e.preventDefault();
        const iso = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(deadline.trim());
        open.mutate(
          { year: props.year, ...(iso ? { deadline: `${iso[3]}-${iso[2]}-${iso[1]}` } : {}) },
          {
            onSuccess: (cycle) => {
              notifications.show({ color: 'green', message: t('evaluations.opened') });
              props.onOpened(cycle.id);
            },
          },
        );
      }}
    >
      <TextInput label={t('evaluations.year')} value={String(props.year)} readOnly />
      <TextInput
        label={t('evaluations.deadline')}
        description={t('evaluations.deadlineHint')}
        placeholder="dd/mm/yyyy"
        value={deadline}
        onChange={(e) => setDeadline(e.currentTarget.value)}
      />
    </ModalForm>
  );
}

function CycleView({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const cycle = useQuery(cycleQueryOptions(cycleId));
  if (cycle.error) return <ProblemAlert error={cycle.error} onRetry={() => void cycle.refetch()} />;
  const c = cycle.data;
  if (!c) return null;
  const share = Math.round(c.cap.share * 100);
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={3} fz="h5">
                {t('evaluations.cycleTitle', { year: c.year })}
              </Title>
              <Badge color={c.status === 'decided' ? 'green' : 'blue'} variant="light">
                {t(`evaluations.status.${c.status}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('evaluations.deadline')}: {formatDate(c.deadline)} · {t('evaluations.asOf')}:{' '}
              {formatDate(c.asOf)} · {t('evaluations.proposer')}:{' '}
              {t(`evaluations.proposerRole.${c.proposerRole}`)}
            </Text>
          </Stack>
          {c.may.viewAll && (
            <Group gap="xs">
              <Button
                component="a"
                href={summaryDocxUrl(c.id)}
                download
                variant="light"
                size="xs"
                leftSection={<IconFileTypeDocx size={14} />}
              >
                {t('evaluations.downloads.summaryDocx')}
              </Button>
              <Button
                component="a"
                href={summaryXlsxUrl(c.id)}
                download
                variant="light"
                size="xs"
                leftSection={<IconFileSpreadsheet size={14} />}
              >
                {t('evaluations.downloads.summaryXlsx')}
              </Button>
            </Group>
          )}
        </Group>
      </Paper>
      {c.may.viewAll && (
        <Alert color={c.cap.exceeded ? 'orange' : 'gray'} variant="light" data-testid="cap-check">
          {t(c.cap.exceeded ? 'evaluations.cap.exceeded' : 'evaluations.cap.ok', { ...c.cap, share })}
          {c.capOverrideReason && (
            <Text size="sm" mt={4}>
              {t('evaluations.cap.override', { reason: c.capOverrideReason })}
            </Text>
          )}
        </Alert>
      )}
      <MembersTable cycle={c} />
    </Stack>
  );
}
