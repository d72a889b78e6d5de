import {
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate } from '@steerco/contract/datetime';
import {
  DEFAULT_REPORT_FIELDS,
  DEFAULT_REPORT_OUTLINE,
  type DueReport,
  type Regime,
  type ReportFrequency,
} from '@steerco/contract/reports';
import { IconReportAnalytics } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { committeeQueryOptions, committeesQueryOptions } from '../../committees/api.ts';
import {
  dueQueryOptions,
  periodsQueryOptions,
  regimesQueryOptions,
  useCreateRegime,
  useOpenReport,
} from '../api.ts';
import { ReportStatusBadge } from './status.tsx';

/**
 * Báo cáo: for one of my committees, the reports it owes (period, recipient, cut-off window, deadline, state)
 * and the regimes it issued to the committees below, each period with its rollup.
 */
export function ReportsPage({
  committeeId,
  onCommitteeChange,
}: {
  committeeId?: string;
  onCommitteeChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const mine = useQuery(committeesQueryOptions({ mine: true }));
  const items = mine.data ?? [];
  const current = committeeId ?? items[0]?.id;
  return (
    <Stack gap="lg">
      <PageHeader title={t('reports.title')} description={t('reports.subtitle')} />
      {mine.isError && <ProblemAlert error={mine.error} />}
      {mine.isSuccess && items.length === 0 && (
        <EmptyState icon={<IconReportAnalytics size={28} />} title={t('reports.noCommittee')} />
      )}
      {items.length > 0 && (
        <Select
          label={t('reports.committee')}
          data={items.map((c) => ({ value: c.id, label: c.name }))}
          value={current ?? null}
          onChange={(v) => v && onCommitteeChange(v)}
          allowDeselect={false}
          maw={640}
        />
      )}
      {current && <DueSection committeeId={current} />}
      {current && <RegimesSection committeeId={current} />}
    </Stack>
  );
}

function DueSection({ committeeId }: { committeeId: string }) {
  const { t } = useTranslation();
  const due = useQuery(dueQueryOptions(committeeId));
  const open = useOpenReport();
  const navigate = useNavigate();
  const committee = useQuery(committeeQueryOptions(committeeId));
  const mayDraft = committee.data ? !!committee.data.myPermissions.includes('document.manage') : false;
  const rows = [...(due.data ?? [])].reverse();
  const go = (d: DueReport) => {
    if (d.reportId) return void navigate({ to: '/bao-cao/$reportId', params: { reportId: d.reportId } });
    open.mutate(
      { periodId: d.period.id, reporterCommitteeId: d.reporterCommitteeId },
      { onSuccess: (r) => void navigate({ to: '/bao-cao/$reportId', params: { reportId: r.id } }) },
    );
  };
  return (
    <Stack gap="xs" component="section" aria-label={t('reports.due.title')}>
      <Title order={2} size="h4">
        {t('reports.due.title')}
      </Title>
      {due.isError && <ProblemAlert error={due.error} />}
      <ProblemAlert error={open.error} />
      {rows.length === 0 && due.isSuccess ? (
        <EmptyState icon={<IconReportAnalytics size={28} />} title={t('reports.due.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={t('reports.due.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.due.period')}</Table.Th>
                <Table.Th>{t('reports.due.regime')}</Table.Th>
                <Table.Th>{t('reports.due.window')}</Table.Th>
                <Table.Th>{t('reports.due.deadline')}</Table.Th>
                <Table.Th>{t('reports.due.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Table.Tr key={d.period.id} data-period={d.period.label}>
                  <Table.Td>{d.period.label}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{d.regimeName}</Text>
                    <Text size="xs" c="dimmed">
                      {d.recipientName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {formatDate(d.period.from)} – {formatDate(d.period.to)}
                  </Table.Td>
                  <Table.Td>{formatDate(d.period.deadline)}</Table.Td>
                  <Table.Td>
                    <ReportStatusBadge status={d.status} late={d.late} />
                  </Table.Td>
                  <Table.Td>
                    {(d.reportId || mayDraft) && (
                      <Button
                        size="xs"
                        variant="light"
                        loading={open.isPending && open.variables?.periodId === d.period.id}
                        onClick={() => go(d)}
                        aria-label={`${d.reportId ? t('reports.due.view') : t('reports.due.open')} ${d.period.label} – ${d.regimeName}`}
                      >
                        {d.reportId ? t('reports.due.view') : t('reports.due.open')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function RegimesSection({ committeeId }: { committeeId: string }) {
  const { t } = useTranslation();
  const regimes = useQuery(regimesQueryOptions(committeeId));
  const committee = useQuery(committeeQueryOptions(committeeId));
  const [issuing, setIssuing] = useState(false);
  const issued = (regimes.data ?? []).filter((r) => r.committeeId === committeeId);
  const mayIssue = committee.data ? !!committee.data.myPermissions.includes('document.manage') : false;
  return (
    <Stack gap="xs" component="section" aria-label={t('reports.regimes.title')}>
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('reports.regimes.title')}
        </Title>
        {mayIssue && (
          <Button variant="light" onClick={() => setIssuing(true)}>
            {t('reports.regimes.issue')}
          </Button>
        )}
      </Group>
      {regimes.isSuccess && issued.length === 0 && <Text c="dimmed">{t('reports.regimes.empty')}</Text>}
      {issued.map((r) => (
        <RegimeCard key={r.id} regime={r} />
      ))}
      {issuing && <IssueRegimeDialog committeeId={committeeId} onClose={() => setIssuing(false)} />}
    </Stack>
  );
}

function RegimeCard({ regime }: { regime: Regime }) {
  const { t } = useTranslation();
  const periods = useQuery(periodsQueryOptions(regime.id));
  return (
    <Card withBorder padding="sm" data-regime={regime.name}>
      <Group justify="space-between" wrap="wrap">
        <div>
          <Text fw={600}>{regime.name}</Text>
          <Text size="xs" c="dimmed">
            {t(`reports.frequency.${regime.frequency}`)} ·{' '}
            {t('reports.regimes.reporters', { count: regime.reporters.length })}
            {regime.isSample ? ` · ${t('reports.regimes.sample')}` : ''}
          </Text>
        </div>
      </Group>
      <Group gap="xs" mt="xs" wrap="wrap">
        {(periods.data ?? [])
          .filter((p) => p.opensOn <= new Date().toISOString().slice(0, 10) || p.kind === 'adHoc')
          .map((p) => (
            <Anchor
              key={p.id}
              renderRoot={(props) => (
                <Link to="/bao-cao/ky/$periodId" params={{ periodId: p.id }} {...props} />
              )}
              size="sm"
            >
              {t('reports.regimes.rollup')} {p.label}
            </Anchor>
          ))}
      </Group>
    </Card>
  );
}

function IssueRegimeDialog({ committeeId, onClose }: { committeeId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateRegime(committeeId);
  const [name, setName] = useState('');
  const [frequency, setFrequency] = useState<ReportFrequency>('quarterly');
  const [cutoffDay, setCutoffDay] = useState<number | string>(15);
  const [day, setDay] = useState<number | string>(20);
  const [fromYear, setFromYear] = useState<number | string>(Number(new Date().getFullYear()));
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('reports.issue.title')}
      submitLabel={t('reports.issue.submit')}
      submitting={create.isPending}
      error={create.error}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          {
            name,
            frequency,
            outline: DEFAULT_REPORT_OUTLINE,
            fields: DEFAULT_REPORT_FIELDS,
            cutoffDay: Number(cutoffDay),
            deadline: { kind: 'dayOfMonth', day: Number(day) },
            fromYear: Number(fromYear),
          },
          {
            onSuccess: (r) => {
              notifications.show({
                color: 'green',
                message: t('reports.issue.done', { count: r.reporters.length }),
              });
              onClose();
            },
          },
        );
      }}
    >
      <TextInput
        label={t('reports.issue.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
      />
      <Select
        label={t('reports.issue.frequency')}
        data={(['monthly', 'quarterly', 'halfYear', 'annual'] as const).map((f) => ({
          value: f,
          label: t(`reports.frequency.${f}`),
        }))}
        value={frequency}
        onChange={(v) => v && setFrequency(v as ReportFrequency)}
        allowDeselect={false}
      />
      <Group grow>
        <NumberInput
          label={t('reports.issue.cutoffDay')}
          min={1}
          max={28}
          value={cutoffDay}
          onChange={setCutoffDay}
        />
        <NumberInput label={t('reports.issue.deadlineDay')} min={1} max={28} value={day} onChange={setDay} />
        <NumberInput
          label={t('reports.issue.fromYear')}
          min={2020}
          max={2100}
          value={fromYear}
          onChange={setFromYear}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('reports.issue.fieldsHint')}
      </Text>
    </ModalForm>
  );
}
