import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { todayInVietnam } from '@steerco/contract/datetime';
import { EndMembershipBody, type Membership } from '@steerco/contract/memberships';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { problemOutsideFields, setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { schemaErrors } from '../../../lib/schema-errors.ts';
import { useEndMember } from '../api.ts';

const fieldOfCode = { 'validation.dateOrder': 'endDate' } as const;

/** Ends a seat (the person leaves after `endDate`); history and duties stay. */
export function EndMemberModal({
  committeeId,
  member,
  onClose,
}: {
  committeeId: string;
  member: Membership;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const endMember = useEndMember(committeeId);
  const bodyOf = (values: { endDate: string | null; reason: string }) => ({
    endDate: values.endDate ?? undefined,
    reason: values.reason.trim(),
  });
  const form = useForm({
    initialValues: { endDate: todayInVietnam() as string | null, reason: '' },
    validate: (values) => {
      const errors = schemaErrors(EndMembershipBody, bodyOf(values), t);
      if (values.endDate && values.endDate < member.startDate) errors.endDate ??= t('validation.dateOrder');
      return errors;
    },
  });
  const submit = form.onSubmit((values) =>
    endMember.mutate(
      { membershipId: member.id, body: bodyOf(values) as { endDate: string; reason: string } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('members.ended', { name: member.fullName }) });
          onClose();
        },
        onError: (error) => setFieldErrorsFromProblem(form, error, fieldOfCode),
      },
    ),
  );
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('members.endForm.title')}
      onSubmit={submit}
      submitLabel={t('members.endForm.submit')}
      submitting={endMember.isPending}
      error={problemOutsideFields(endMember.error, fieldOfCode)}
    >
      <Text size="sm">{t('members.endForm.intro', { name: member.fullName })}</Text>
      <DateField
        label={t('members.endForm.endDate')}
        withAsterisk
        value={form.values.endDate}
        onChange={(date) => form.setFieldValue('endDate', date)}
        error={form.errors.endDate}
      />
      <Textarea
        label={t('members.endForm.reason')}
        withAsterisk
        autosize
        minRows={2}
        data-autofocus
        {...form.getInputProps('reason')}
      />
    </ModalForm>
  );
}
