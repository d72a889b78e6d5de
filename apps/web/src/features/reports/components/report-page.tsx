import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatDateTime } from '@steerco/contract/datetime';
import type { Report, ReportField } from '@steerco/contract/reports';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../components/modal-form.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { figureRecordsQueryOptions, useDecideReport, useSubmitReport, useUpdateReport } from '../api.ts';
import { formatFigure, ReportStatusBadge } from './status.tsx';

/**
 * One report: its window and deadline, the data table pre-filled from the records (click a number: the records it
 * counts; an override only with a note, shown to the recipient), the narrative by section, submission, and the
 * recipient's acceptance or return with a comment; every submitted version.
 */
export function ReportPage({ report }: { report: Report }) {
  const { t } = useTranslation();
  const edit = report.myRights.includes('edit');
  const [narrative, setNarrative] = useState(report.narrative);
  const [records, setRecords] = useState<ReportField | null>(null);
  const [overriding, setOverriding] = useState<ReportField | null>(null);
  const [returning, setReturning] = useState(false);
  const update = useUpdateReport(report.id);
  const submit = useSubmitReport(report.id);
  const decide = useDecideReport(report.id);
  const figure = (key: string) => report.figures.find((f) => f.key === key);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/bao-cao" size="sm">
        ← {t('reports.report.back')}
      </Anchor>
      <PageHeader
        title={`${report.regime.name} – ${report.period.label}`}
        description={`${report.reporterName} · ${t('reports.report.recipient', { name: report.regime.committeeName })}`}
      />
      <Group gap="md" wrap="wrap">
        <ReportStatusBadge status={report.status} late={report.late} />
        <Text size="sm">
          {t('reports.report.window', {
            from: formatDate(report.period.from),
            to: formatDate(report.period.to),
          })}
        </Text>
        <Text size="sm">{t('reports.report.deadline', { date: formatDate(report.period.deadline) })}</Text>
        {report.version > 0 && (
          <Text size="sm">{t('reports.report.version', { version: report.version })}</Text>
        )}
        {report.documentId && (
          <Anchor
            renderRoot={(props) => (
              <Link to="/van-ban/$documentId" params={{ documentId: report.documentId }} {...props} />
            )}
            size="sm"
          >
            {t('reports.report.document')}
          </Anchor>
        )}
      </Group>
      {report.status === 'returned' && report.returnComment && (
        <Alert color="orange" title={t('reports.report.returnedBy', { comment: report.returnComment })} />
      )}
      <ProblemAlert error={update.error ?? submit.error ?? decide.error} />

      <Stack gap="xs" component="section" aria-label={t('reports.report.figures')}>
        <Title order={2} size="h4">
          {t('reports.report.figures')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t('reports.report.figures')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('reports.report.field')}</Table.Th>
                <Table.Th ta="right">{t('reports.report.value')}</Table.Th>
                <Table.Th>{t('reports.report.note')}</Table.Th>
                {edit && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.fields.map((f) => {
                const v = figure(f.key);
                return (
                  <Table.Tr key={f.key} data-field={f.key}>
                    <Table.Td>
                      {f.label}
                      {f.unit ? ` (${f.unit})` : f.type === 'percent' ? ' (%)' : ''}
                    </Table.Td>
                    <Table.Td ta="right">
                      {f.source ? (
                        <Anchor
                          component="button"
                          type="button"
                          onClick={() => setRecords(f)}
                          aria-label={`${f.label}: ${formatFigure(v?.value)}`}
                        >
                          {formatFigure(v?.value)}
                        </Anchor>
                      ) : (
                        formatFigure(v?.value)
                      )}
                    </Table.Td>
                    <Table.Td>
                      {v?.override && (
                        <Text size="xs">
                          {v.override.note} ({t('reports.report.computed')}: {formatFigure(v.computed)})
                        </Text>
                      )}
                    </Table.Td>
                    {edit && (
                      <Table.Td>
                        {f.rollup !== 'ratio' && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => setOverriding(f)}
                            aria-label={`${t('reports.report.override')}: ${f.label}`}
                          >
                            {t('reports.report.override')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      <Stack gap="xs" component="section" aria-label={t('reports.report.narrative')}>
        <Title order={2} size="h4">
          {t('reports.report.narrative')}
        </Title>
        {narrative.map((s, i) =>
          edit ? (
            <Textarea
              key={s.heading}
              label={s.heading}
              autosize
              minRows={3}
              value={s.text}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setNarrative((all) => all.map((x, j) => (j === i ? { ...x, text } : x)));
              }}
            />
          ) : (
            <Paper key={s.heading} withBorder p="sm">
              <Text fw={600} size="sm">
                {s.heading}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.text || '—'}
              </Text>
            </Paper>
          ),
        )}
      </Stack>

      <Group gap="sm">
        {edit && (
          <Button
            variant="default"
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                { narrative },
                {
                  onSuccess: () => notifications.show({ color: 'green', message: t('reports.report.saved') }),
                },
              )
            }
          >
            {t('reports.report.save')}
          </Button>
        )}
        {report.myRights.includes('submit') && (
          <Button
            loading={submit.isPending || update.isPending}
            onClick={() =>
              update.mutate(
                { narrative },
                {
                  onSuccess: () =>
                    submit.mutate(undefined, {
                      onSuccess: () =>
                        notifications.show({ color: 'green', message: t('reports.report.submitted') }),
                    }),
                },
              )
            }
          >
            {t('reports.report.submit')}
          </Button>
        )}
        {report.myRights.includes('decide') && (
          <>
            <Button
              color="green"
              loading={decide.isPending}
              onClick={() =>
                decide.mutate(
                  { outcome: 'accept' },
                  {
                    onSuccess: () =>
                      notifications.show({ color: 'green', message: t('reports.report.accepted') }),
                  },
                )
              }
            >
              {t('reports.report.accept')}
            </Button>
            <Button color="orange" variant="light" onClick={() => setReturning(true)}>
              {t('reports.report.return')}
            </Button>
          </>
        )}
      </Group>

      {report.versions.length > 0 && (
        <Stack gap={4} component="section" aria-label={t('reports.report.versions')}>
          <Title order={2} size="h5">
            {t('reports.report.versions')}
          </Title>
          <List size="sm">
            {report.versions.map((v) => (
              <List.Item key={v.version}>
                {t('reports.report.version', { version: v.version })} · {formatDateTime(v.submittedAt)} ·{' '}
                {t(
                  `reports.report.outcome.${(v.outcome ?? 'pending') as 'accepted' | 'returned' | 'pending'}`,
                )}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}

      {records && <RecordsDialog report={report} field={records} onClose={() => setRecords(null)} />}
      {overriding && (
        <OverrideDialog
          field={overriding}
          initial={figure(overriding.key)?.value ?? null}
          onClose={() => setOverriding(null)}
          pending={update.isPending}
          error={update.error}
          onSave={(value, note) =>
            update.mutate(
              { narrative, overrides: { [overriding.key]: { value, note } } },
              { onSuccess: () => setOverriding(null) },
            )
          }
        />
      )}
      {returning && (
        <ReturnDialog
          pending={decide.isPending}
          error={decide.error}
          onClose={() => setReturning(false)}
          onReturn={(comment) =>
            decide.mutate(
              { outcome: 'return', comment },
              {
                onSuccess: () => {
                  setReturning(false);
                  notifications.show({ color: 'orange', message: t('reports.report.returned') });
                },
              },
            )
          }
        />
      )}
    </Stack>
  );
}

function RecordsDialog({
  report,
  field,
  onClose,
}: {
  report: Report;
  field: ReportField;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const records = useQuery(figureRecordsQueryOptions(report.id, field.key));
  return (
    <Modal opened onClose={onClose} title={t('reports.report.records', { label: field.label })} size="lg">
      {records.isError && <ProblemAlert error={records.error} />}
      {records.data && records.data.items.length === 0 && (
        <Text c="dimmed">{t('reports.report.noRecords')}</Text>
      )}
      <List size="sm" spacing={4} aria-label={t('reports.report.records', { label: field.label })}>
        {(records.data?.items ?? []).map((r) => (
          <List.Item key={r.id}>
            {r.kind === 'task' ? (
              <Anchor
                renderRoot={(props) => <Link to="/nhiem-vu/$taskId" params={{ taskId: r.id }} {...props} />}
              >
                {r.title}
              </Anchor>
            ) : r.kind === 'meeting' ? (
              <Anchor
                renderRoot={(props) => (
                  <Link to="/cuoc-hop/$meetingId" params={{ meetingId: r.id }} {...props} />
                )}
              >
                {r.title}
              </Anchor>
            ) : (
              r.title
            )}
            {r.date ? ` · ${formatDate(r.date)}` : ''}
          </List.Item>
        ))}
      </List>
    </Modal>
  );
}

function OverrideDialog(props: {
  field: ReportField;
  initial: number | null;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSave: (value: number | null, note: string) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>(props.initial ?? '');
  const [note, setNote] = useState('');
  return (
    <ModalForm
      opened
      onClose={props.onClose}
      title={t('reports.report.overrideTitle', { label: props.field.label })}
      submitting={props.pending}
      error={props.error as Error | null}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(value === '' ? null : Number(value), note);
      }}
    >
      <NumberInput
        label={t('reports.report.overrideValue')}
        value={value}
        onChange={setValue}
        decimalScale={1}
      />
      <TextInput
        label={t('reports.report.overrideNote')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        required
      />
    </ModalForm>
  );
}

function ReturnDialog(props: {
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onReturn: (comment: string) => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  return (
    <ModalForm
      opened
      onClose={props.onClose}
      title={t('reports.report.returnTitle')}
      submitLabel={t('reports.report.return')}
      submitting={props.pending}
      error={props.error as Error | null}
      onSubmit={(e) => {
        e.preventDefault();
        props.onReturn(comment);
      }}
    >
      <Textarea
        label={t('reports.report.returnComment')}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        autosize
        minRows={3}
        required
      />
    </ModalForm>
  );
}
