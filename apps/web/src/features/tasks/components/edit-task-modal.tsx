import { Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { TaskPriority as PriorityEnum, type UpdateTaskBody } from '@steerco/contract/tasks';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../components/modal-form.tsx';
import { textOrNull } from '../../../lib/schema-errors.ts';
import { type TaskView, useUpdateTask } from '../api.ts';
import { leadRules } from './lead-picker.tsx';
import { TaskPeopleFields, type TaskPeopleValues } from './task-people-fields.tsx';

interface Values extends TaskPeopleValues {
  title: string;
  content: string;
  expectedProduct: string;
  priority: UpdateTaskBody['priority'];
  reason: string;
}

/**
 * Sửa, giao lại: corrects the wording of an open task or hands it to another unit or member (R1), with the
 * reason kept in its history. The deadline is not here: it moves only through an extension.
 */
export function EditTaskModal({ task, onClose }: { task: TaskView; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateTask(task.id);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      title: task.title,
      content: task.content ?? '',
      expectedProduct: task.expectedProduct ?? '',
      priority: task.priority,
      leadKind: task.leadMember ? 'member' : 'unit',
      leadUnitId: task.leadUnit?.id ?? null,
      leadMembershipId: task.leadMember?.membershipId ?? null,
      responsibleMembershipId: task.responsible?.membershipId ?? null,
      cooperatingUnitIds: task.cooperators.flatMap((c) => (c.unitId ? [c.unitId] : [])),
      cooperatingMembershipIds: task.cooperators.flatMap((c) => (c.membershipId ? [c.membershipId] : [])),
      reason: '',
    },
    validate: {
      title: (v) => (v.trim() ? null : t('common.required')),
      ...leadRules(t('tasks.create.chooseLead')),
      reason: (v) => (v.trim() ? null : t('common.required')),
    },
  });

  const submit = form.onSubmit((values) =>
    update.mutate(
      {
        title: values.title.trim(),
        content: textOrNull(values.content),
        expectedProduct: textOrNull(values.expectedProduct),
        priority: values.priority,
        leadUnitId: values.leadKind === 'unit' ? values.leadUnitId : null,
        leadMembershipId: values.leadKind === 'member' ? values.leadMembershipId : null,
        responsibleMembershipId: values.responsibleMembershipId,
        cooperatingUnitIds: values.cooperatingUnitIds,
        cooperatingMembershipIds: values.cooperatingMembershipIds,
        reason: values.reason.trim(),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('tasks.edit.done') });
          onClose();
        },
      },
    ),
  );

  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('tasks.actions.edit')}
      submitLabel={t('tasks.edit.submit')}
      submitting={update.isPending}
      error={update.error}
      onSubmit={submit}
    >
      <TextInput label={t('tasks.create.taskTitle')} withAsterisk {...form.getInputProps('title')} />
      <Textarea label={t('tasks.create.content')} autosize minRows={2} {...form.getInputProps('content')} />
      <TaskPeopleFields form={form} committeeId={task.committeeId} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('tasks.create.product')}
          placeholder={t('tasks.create.productPlaceholder')}
          {...form.getInputProps('expectedProduct')}
        />
        <Select
          label={t('tasks.create.priority')}
          data={PriorityEnum.options.map((p) => ({ value: p, label: t(`tasks.priorities.${p}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('priority')}
        />
      </SimpleGrid>
      <Textarea
        label={t('tasks.edit.reason')}
        description={t('tasks.edit.reasonHint')}
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
      />
    </ModalForm>
  );
}
