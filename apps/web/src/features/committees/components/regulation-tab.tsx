import {
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Spoiler,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { formatDate, todayInVietnam } from '@steerco/contract/datetime';
import { CreateRegulationVersionBody, RuleSettings, SubstitutePolicy } from '@steerco/contract/regulation';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { DateField } from '../../../components/date-field.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { schemaErrors, textOrNull } from '../../../lib/schema-errors.ts';
import {
  canOn,
  type Regulation,
  type RegulationVersionBody,
  regulationQueryOptions,
  useAddRegulationVersion,
  useUpdateSettings,
} from '../api.ts';
import { formatDecision } from './committee-badges.tsx';
import { DecisionFields, type DecisionValues, decisionBodyOf, emptyDecision } from './decision-fields.tsx';

type VersionRow = Regulation['versions'][number];

/** Quy chế (R21): the text in force, its versions, a new version, and the rule settings read from it. */
export function RegulationTab({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const regulation = useQuery(regulationQueryOptions(committee.id));
  const [adding, setAdding] = useState(false);
  const canEdit = canOn(committee, 'committee.editRegulation');

  if (regulation.isError) {
    return <ProblemAlert error={regulation.error} onRetry={() => void regulation.refetch()} />;
  }
  if (!regulation.data) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  const { current, versions, settings } = regulation.data;
  const columns: Column<VersionRow>[] = [
    { key: 'version', header: t('regulation.columns.version'), render: (v) => v.version },
    { key: 'title', header: t('regulation.columns.title'), minWidth: 260, render: (v) => v.title },
    {
      key: 'decision',
      header: t('regulation.columns.decision'),
      minWidth: 150,
      render: (v) => formatDecision(v.decision, t),
    },
    {
      key: 'effectiveFrom',
      header: t('regulation.columns.effectiveFrom'),
      render: (v) => formatDate(v.effectiveFrom),
    },
    {
      key: 'changeNote',
      header: t('regulation.columns.changeNote'),
      minWidth: 160,
      render: (v) => v.changeNote ?? t('common.notSet'),
    },
    {
      key: 'createdBy',
      header: t('regulation.columns.createdBy'),
      render: (v) => v.createdBy ?? t('common.notSet'),
    },
  ];

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
          <Stack gap={4} style={{ flex: '1 1 20rem' }}>
            <Text size="xs" c="dimmed" fw={600}>
              {t('regulation.current')}
            </Text>
            <Title order={2} fz="h4">
              {current?.title ?? t('regulation.none')}
            </Title>
            {current && (
              <Group gap="xs">
                <Badge variant="outline" color="gray">
                  {t('regulation.version', { version: current.version })}
                </Badge>
                <Text size="sm" c="dimmed">
                  {t('regulation.effectiveFrom', { date: formatDate(current.effectiveFrom) })} ·{' '}
                  {formatDecision(current.decision, t)}
                </Text>
              </Group>
            )}
          </Stack>
          {canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
              {t('regulation.addVersion')}
            </Button>
          )}
        </Group>
        {current && (
          <Spoiler maxHeight={280} showLabel={t('regulation.showFull')} hideLabel={t('regulation.hideFull')}>
            <Text
              size="sm"
              style={{ whiteSpace: 'pre-wrap', fontFamily: "'Times New Roman', 'Liberation Serif', serif" }}
              fz={15}
              lh={1.6}
            >
              {current.body}
            </Text>
          </Spoiler>
        )}
      </Paper>
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Title order={2} fz="h5" mb="sm">
          {t('regulation.versions')}
        </Title>
        <DataTable
          caption={t('regulation.versionsCaption')}
          columns={columns}
          rows={versions}
          rowKey={(v) => v.id}
          emptyText={t('regulation.none')}
        />
      </Paper>
      <SettingsForm
        key={JSON.stringify(settings)}
        committeeId={committee.id}
        settings={settings}
        canEdit={canOn(committee, 'committee.editSettings')}
      />
      {adding && (
        <RegulationVersionModal
          committeeId={committee.id}
          current={current}
          onClose={() => setAdding(false)}
        />
      )}
    </Stack>
  );
}

interface VersionFormValues {
  title: string;
  body: string;
  effectiveFrom: string | null;
  changeNote: string;
  decision: DecisionValues;
}

function RegulationVersionModal({
  committeeId,
  current,
  onClose,
}: {
  committeeId: string;
  current: Regulation['current'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddRegulationVersion(committeeId);
  const bodyOf = (values: VersionFormValues) => ({
    title: values.title.trim(),
    body: values.body.trim(),
    effectiveFrom: values.effectiveFrom ?? undefined,
    changeNote: textOrNull(values.changeNote),
    decision: decisionBodyOf(values.decision),
  });
  const form = useForm<VersionFormValues>({
    // An amendment usually starts from the text in force.
    initialValues: {
      title: current?.title ?? '',
      body: current?.body ?? '',
      effectiveFrom: todayInVietnam(),
      changeNote: '',
      decision: emptyDecision(),
    },
    validate: (values) => schemaErrors(CreateRegulationVersionBody, bodyOf(values), t),
  });
  const submit = form.onSubmit((values) =>
    add.mutate(bodyOf(values) as RegulationVersionBody, {
      onSuccess: (regulation) => {
        notifications.show({
          color: 'green',
          message: t('regulation.versionAdded', { version: regulation.current?.version ?? '' }),
        });
        onClose();
      },
      onError: (error) => setFieldErrorsFromProblem(form, error),
    }),
  );
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('regulation.form.title')}
      onSubmit={submit}
      submitLabel={t('regulation.form.submit')}
      submitting={add.isPending}
      error={add.error}
    >
      <TextInput label={t('regulation.form.docTitle')} withAsterisk {...form.getInputProps('title')} />
      <Textarea
        label={t('regulation.form.body')}
        withAsterisk
        autosize
        minRows={8}
        maxRows={18}
        {...form.getInputProps('body')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <DateField
          label={t('regulation.form.effectiveFrom')}
          withAsterisk
          value={form.values.effectiveFrom}
          onChange={(date) => form.setFieldValue('effectiveFrom', date)}
          error={form.errors.effectiveFrom}
        />
        <TextInput label={t('regulation.form.changeNote')} {...form.getInputProps('changeNote')} />
      </SimpleGrid>
      <DecisionFields
        legend={t('regulation.form.decision')}
        values={form.values.decision}
        onChange={(decision) => form.setFieldValue('decision', decision)}
        errors={{
          number: form.errors['decision.number'],
          date: form.errors['decision.date'],
          signer: form.errors['decision.signer'],
        }}
      />
    </ModalForm>
  );
}

interface SettingsValues {
  noticeLeadWorkingDays: number | string;
  confirmationLeadDays: number | string;
  checkInOpensMinutes: number | string;
  substitutePolicy: string;
  meetingCadence: { quarterly: boolean; halfYearReview: boolean; annualReview: boolean };
  absenteeWrittenOpinionRequired: boolean;
  /** Shown as a percentage; the API keeps a fraction. */
  quorumPercent: number | string;
  taskDueSoonWorkingDays: number | string;
  /** Working days before a task's deadline when reminders go out, as the multi-select's values. */
  taskReminderWorkingDays: string[];
  taskEscalationWorkingDays: number | string;
  evaluationProposer: string;
}

const REMINDER_DAY_OPTIONS = Array.from({ length: 10 }, (_, i) => String(i + 1));

/** The rules the rest of the system reads from the regulation (R8–R12), each explained in words. */
function SettingsForm({
  committeeId,
  settings,
  canEdit,
}: {
  committeeId: string;
  settings: RuleSettings;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const update = useUpdateSettings(committeeId);
  const bodyOf = (values: SettingsValues) => ({
    noticeLeadWorkingDays:
      values.noticeLeadWorkingDays === '' ? undefined : Number(values.noticeLeadWorkingDays),
    confirmationLeadDays:
      values.confirmationLeadDays === '' ? undefined : Number(values.confirmationLeadDays),
    checkInOpensMinutes: values.checkInOpensMinutes === '' ? undefined : Number(values.checkInOpensMinutes),
    substitutePolicy: values.substitutePolicy,
    meetingCadence: values.meetingCadence,
    absenteeWrittenOpinionRequired: values.absenteeWrittenOpinionRequired,
    quorumFraction: values.quorumPercent === '' ? undefined : Number(values.quorumPercent) / 100,
    taskDueSoonWorkingDays:
      values.taskDueSoonWorkingDays === '' ? undefined : Number(values.taskDueSoonWorkingDays),
    taskReminderWorkingDays: values.taskReminderWorkingDays.map(Number).sort((a, b) => b - a),
    taskEscalationWorkingDays:
      values.taskEscalationWorkingDays === '' ? undefined : Number(values.taskEscalationWorkingDays),
    evaluationProposer: values.evaluationProposer,
  });
  const form = useForm<SettingsValues>({
    initialValues: {
      noticeLeadWorkingDays: settings.noticeLeadWorkingDays,
      confirmationLeadDays: settings.confirmationLeadDays,
      checkInOpensMinutes: settings.checkInOpensMinutes ?? 60,
      substitutePolicy: settings.substitutePolicy,
      meetingCadence: { ...settings.meetingCadence },
      absenteeWrittenOpinionRequired: settings.absenteeWrittenOpinionRequired,
      quorumPercent: Math.round(settings.quorumFraction * 100),
      taskDueSoonWorkingDays: settings.taskDueSoonWorkingDays ?? 3,
      taskReminderWorkingDays: (settings.taskReminderWorkingDays ?? [3, 1]).map(String),
      taskEscalationWorkingDays: settings.taskEscalationWorkingDays ?? 3,
      evaluationProposer: settings.evaluationProposer ?? 'standingDeputy',
    },
    validate: (values) => {
      const errors = schemaErrors(RuleSettings, bodyOf(values), t);
      // The percentage field stands for the fraction.
      if (errors.quorumFraction) errors.quorumPercent = t('validation.invalid');
      return errors;
    },
  });
  const submit = form.onSubmit((values) =>
    update.mutate(bodyOf(values) as RuleSettings, {
      onSuccess: () => notifications.show({ color: 'green', message: t('regulation.settings.saved') }),
      onError: (error) => setFieldErrorsFromProblem(form, error),
    }),
  );
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="form" onSubmit={submit} noValidate>
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="h5">
            {t('regulation.settings.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {canEdit ? t('regulation.settings.subtitle') : t('regulation.settings.readOnly')}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NumberInput
            label={t('regulation.settings.notice')}
            description={t('regulation.settings.noticeHint')}
            min={0}
            max={30}
            allowDecimal={false}
            disabled={!canEdit}
            {...form.getInputProps('noticeLeadWorkingDays')}
          />
          <NumberInput
            label={t('regulation.settings.confirmation')}
            description={t('regulation.settings.confirmationHint')}
            min={0}
            max={14}
            allowDecimal={false}
            disabled={!canEdit}
            {...form.getInputProps('confirmationLeadDays')}
          />
          <NumberInput
            label={t('regulation.settings.checkIn')}
            description={t('regulation.settings.checkInHint')}
            min={0}
            max={240}
            allowDecimal={false}
            disabled={!canEdit}
            {...form.getInputProps('checkInOpensMinutes')}
          />
        </SimpleGrid>
        <Radio.Group
          label={t('regulation.settings.evaluationProposer')}
          description={t('regulation.settings.evaluationProposerHint')}
          {...form.getInputProps('evaluationProposer')}
        >
          <Group gap="lg" mt={6}>
            {(['standingDeputy', 'anyDeputy', 'secretary'] as const).map((role) => (
              <Radio
                key={role}
                value={role}
                disabled={!canEdit}
                label={t(`regulation.settings.evaluationProposerOptions.${role}`)}
              />
            ))}
          </Group>
        </Radio.Group>
        <Radio.Group label={t('regulation.settings.substitute')} {...form.getInputProps('substitutePolicy')}>
          <Stack gap={6} mt={6}>
            {SubstitutePolicy.options.map((policy) => (
              <Radio
                key={policy}
                value={policy}
                disabled={!canEdit}
                label={t(`regulation.settings.substituteOptions.${policy}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('regulation.settings.cadence')}
          </Text>
          <Group gap="lg">
            {(['quarterly', 'halfYearReview', 'annualReview'] as const).map((key) => (
              <Checkbox
                key={key}
                label={t(`regulation.settings.${key}`)}
                disabled={!canEdit}
                {...form.getInputProps(`meetingCadence.${key}`, { type: 'checkbox' })}
              />
            ))}
          </Group>
        </Stack>
        <Checkbox
          label={t('regulation.settings.writtenOpinion')}
          disabled={!canEdit}
          {...form.getInputProps('absenteeWrittenOpinionRequired', { type: 'checkbox' })}
        />
        <NumberInput
          label={t('regulation.settings.quorum')}
          min={0}
          max={100}
          suffix=" %"
          maw={420}
          disabled={!canEdit}
          {...form.getInputProps('quorumPercent')}
        />
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('regulation.settings.tasksSection')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NumberInput
              label={t('regulation.settings.dueSoon')}
              description={t('regulation.settings.dueSoonHint')}
              min={0}
              max={30}
              allowDecimal={false}
              disabled={!canEdit}
              {...form.getInputProps('taskDueSoonWorkingDays')}
            />
            <MultiSelect
              label={t('regulation.settings.reminders')}
              description={t('regulation.settings.remindersHint')}
              data={REMINDER_DAY_OPTIONS}
              maxValues={5}
              disabled={!canEdit}
              {...form.getInputProps('taskReminderWorkingDays')}
            />
            <NumberInput
              label={t('regulation.settings.escalation')}
              description={t('regulation.settings.escalationHint')}
              min={1}
              max={10}
              allowDecimal={false}
              disabled={!canEdit}
              {...form.getInputProps('taskEscalationWorkingDays')}
            />
          </SimpleGrid>
        </Stack>
        <ProblemAlert error={update.error} />
        {canEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
