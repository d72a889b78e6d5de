import {
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { formatDate } from '@steerco/contract/datetime';
import type { TaskPriority } from '@steerco/contract/tasks';
import { TaskPriority as PriorityEnum } from '@steerco/contract/tasks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import {
  type FieldOfCode,
  problemOutsideFields,
  setFieldErrorsFromProblem,
} from '../../../lib/form-problem.ts';
import { textOrNull } from '../../../lib/schema-errors.ts';
import { domainShort } from '../../committees/components/committee-badges.tsx';
import { documentsQueryOptions } from '../../documents/api.ts';
import { useCreateTask } from '../api.ts';
import { leadRules } from './lead-picker.tsx';
import { TaskPeopleFields, type TaskPeopleValues } from './task-people-fields.tsx';

interface Values extends TaskPeopleValues {
  sourceKind: 'adHoc' | 'directive';
  documentId: string | null;
  title: string;
  content: string;
  domain: string | null;
  expectedProduct: string;
  deadlineKind: 'date' | 'workingDays';
  deadline: string | null;
  deadlineWorkingDays: number | string;
  priority: TaskPriority;
  tags: string[];
}

const FIELD_OF_CODE: FieldOfCode<Values> = {
  'task.invalidLead': 'leadUnitId',
  'task.deadlineBeforeSource': 'deadline',
  'task.invalidReference': 'documentId',
};

/**
 * Giao nhiệm vụ đột xuất, or by a higher-level directive (an incoming document), by the head, a deputy or the
 * standing agency: one lead unit or one lead member (R1), co-operating
 * units and members, the member answering for it, the product, and a deadline as a date or N working days.
 */
export function CreateTaskModal({ committee, onClose }: { committee: CommitteeDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTask(committee.id);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      sourceKind: 'adHoc',
      documentId: null,
      title: '',
      content: '',
      domain: null,
      leadKind: 'unit',
      leadUnitId: null,
      leadMembershipId: null,
      cooperatingUnitIds: [],
      cooperatingMembershipIds: [],
      responsibleMembershipId: null,
      expectedProduct: '',
      deadlineKind: 'date',
      deadline: null,
      deadlineWorkingDays: 10,
      priority: 'normal',
      tags: [],
    },
    validate: {
      documentId: (v, values) =>
        values.sourceKind === 'directive' && !v ? t('tasks.create.chooseDocument') : null,
      title: (v) => (v.trim() ? null : t('common.required')),
      ...leadRules(t('tasks.create.chooseLead')),
      deadline: (v, values) =>
        values.deadlineKind === 'date' && !v ? t('tasks.create.chooseDeadline') : null,
      deadlineWorkingDays: (v, values) =>
        values.deadlineKind === 'workingDays' && !(Number(v) >= 1) ? t('tasks.create.chooseDeadline') : null,
    },
  });
  const v = form.getValues();
  // A directive: one of the committee's incoming documents; the task counts from its date.
  const incoming = useQuery({
    ...documentsQueryOptions(committee.id, { chieu: 'incoming' }),
    enabled: v.sourceKind === 'directive',
  });
  const documentOptions = (incoming.data?.items ?? []).map((d) => ({
    value: d.id,
    label: [d.numberText, d.issuedOn && formatDate(d.issuedOn), d.title].filter(Boolean).join(' · '),
  }));

  const submit = form.onSubmit((values) => {
    create.mutate(
      {
        sourceKind: values.sourceKind,
        documentId: values.sourceKind === 'directive' ? values.documentId : null,
        title: values.title.trim(),
        content: textOrNull(values.content),
        domain: values.domain,
        leadUnitId: values.leadKind === 'unit' ? values.leadUnitId : null,
        leadMembershipId: values.leadKind === 'member' ? values.leadMembershipId : null,
        cooperatingUnitIds: values.cooperatingUnitIds,
        cooperatingMembershipIds: values.cooperatingMembershipIds,
        responsibleMembershipId: values.responsibleMembershipId,
        expectedProduct: textOrNull(values.expectedProduct),
        deadline: values.deadlineKind === 'date' ? values.deadline : null,
        deadlineWorkingDays:
          values.deadlineKind === 'workingDays' ? Number(values.deadlineWorkingDays) : null,
        priority: values.priority,
        tags: values.tags,
      },
      {
        onSuccess: (task) => {
          notifications.show({ color: 'green', message: t('tasks.create.created') });
          onClose();
          void navigate({ to: '/nhiem-vu/$taskId', params: { taskId: task.id } });
        },
        onError: (error) => setFieldErrorsFromProblem(form, error, FIELD_OF_CODE),
      },
    );
  });

  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('tasks.create.title')}
      onSubmit={submit}
      submitLabel={t('tasks.create.submit')}
      submitting={create.isPending}
      error={problemOutsideFields(create.error, FIELD_OF_CODE)}
    >
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('tasks.create.source')}
        </Text>
        <SegmentedControl
          aria-label={t('tasks.create.source')}
          data={[
            { value: 'adHoc', label: t('tasks.sources.adHoc') },
            { value: 'directive', label: t('tasks.sources.directive') },
          ]}
          {...form.getInputProps('sourceKind')}
        />
        {v.sourceKind === 'directive' && (
          <Select
            label={t('tasks.create.document')}
            description={t('tasks.create.documentHint')}
            data={documentOptions}
            searchable
            withAsterisk
            nothingFoundMessage={t('tasks.create.noDocument')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('documentId')}
          />
        )}
      </Stack>
      <TextInput label={t('tasks.create.taskTitle')} withAsterisk {...form.getInputProps('title')} />
      <Textarea label={t('tasks.create.content')} autosize minRows={2} {...form.getInputProps('content')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('tasks.create.domain')}
          data={committee.domains.map((d) => ({
            value: d.code,
            label: `${domainShort(d.code)} — ${d.name}`,
          }))}
          clearable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('domain')}
        />
        <Select
          label={t('tasks.create.priority')}
          data={PriorityEnum.options.map((p) => ({ value: p, label: t(`tasks.priorities.${p}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('priority')}
        />
      </SimpleGrid>
      <TaskPeopleFields form={form} committeeId={committee.id} />
      <TextInput
        label={t('tasks.create.product')}
        placeholder={t('tasks.create.productPlaceholder')}
        {...form.getInputProps('expectedProduct')}
      />
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('tasks.create.deadlineKind')}
        </Text>
        <SegmentedControl
          aria-label={t('tasks.create.deadlineKind')}
          data={[
            { value: 'date', label: t('tasks.create.byDate') },
            { value: 'workingDays', label: t('tasks.create.byWorkingDays') },
          ]}
          {...form.getInputProps('deadlineKind')}
        />
        {v.deadlineKind === 'date' ? (
          <DateField
            label={t('tasks.create.deadline')}
            withAsterisk
            value={v.deadline}
            onChange={(deadline) => form.setFieldValue('deadline', deadline)}
            error={form.errors.deadline}
          />
        ) : (
          <NumberInput
            label={t('tasks.create.workingDays')}
            min={1}
            max={500}
            withAsterisk
            {...form.getInputProps('deadlineWorkingDays')}
          />
        )}
      </Stack>
      <TagsInput
        label={t('tasks.create.tags')}
        placeholder={t('tasks.create.tagsPlaceholder')}
        maxTags={20}
        {...form.getInputProps('tags')}
      />
    </ModalForm>
  );
}
