import { FileInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { todayInVietnam } from '@steerco/contract/datetime';
import type { Membership } from '@steerco/contract/memberships';
import { ProposePersonnelChangeBody } from '@steerco/contract/personnel';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { problemOutsideFields, setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { schemaErrors, textOrNull } from '../../../lib/schema-errors.ts';
import { UserPicker } from '../../users/components/user-picker.tsx';
import { type ProposePersonnelChange, useProposePersonnelChange, useUploadCommitteeFile } from '../api.ts';

const fieldOfCode = {
  'file.typeNotAllowed': 'reportFile',
  'file.tooLarge': 'reportFile',
  'membership.duplicate': 'replacementUserId',
  'membership.userInactive': 'replacementUserId',
  'personnel.invalidDate': 'effectiveDate',
  'membership.ended': 'membershipId',
  'personnel.outsideUnit': 'membershipId',
} as const;

interface PersonnelFormValues {
  membershipId: string | null;
  replacementUserId: string | null;
  reportNumber: string;
  reportDate: string | null;
  reportFile: File | null;
  reason: string;
  effectiveDate: string | null;
}

interface PersonnelFormModalProps {
  committee: CommitteeDetail;
  /** The committee's current members, one of whom is replaced. */
  members: Membership[];
  /** The member chosen beforehand (from the member's row). */
  member?: Membership;
  onClose: () => void;
}

/**
 * R14: the unit's written report and the proposed replacement. The report file is uploaded first (its type is
 * checked by content on the server), then the proposal cites it; the head is notified.
 */
export function PersonnelFormModal({ committee, members, member, onClose }: PersonnelFormModalProps) {
  const { t } = useTranslation();
  const upload = useUploadCommitteeFile(committee.id);
  const propose = useProposePersonnelChange(committee.id);
  const bodyOf = (values: PersonnelFormValues) => ({
    membershipId: values.membershipId ?? undefined,
    replacementUserId: values.replacementUserId ?? undefined,
    reportNumber: textOrNull(values.reportNumber),
    reportDate: values.reportDate ?? undefined,
    reason: values.reason.trim(),
    effectiveDate: values.effectiveDate ?? undefined,
  });
  const form = useForm<PersonnelFormValues>({
    initialValues: {
      membershipId: member?.id ?? null,
      replacementUserId: null,
      reportNumber: '',
      reportDate: todayInVietnam(),
      reportFile: null,
      reason: '',
      effectiveDate: todayInVietnam(),
    },
    validate: (values) => {
      const errors = schemaErrors(ProposePersonnelChangeBody, bodyOf(values), t);
      const seat = members.find((m) => m.id === values.membershipId);
      if (seat && values.effectiveDate && values.effectiveDate <= seat.startDate) {
        errors.effectiveDate ??= t('personnel.form.effectiveAfterStart');
      }
      return errors;
    },
  });

  const onError = (error: unknown) => setFieldErrorsFromProblem(form, error, fieldOfCode);
  const submit = form.onSubmit(async (values) => {
    let reportFileId: string | null = null;
    if (values.reportFile) {
      try {
        reportFileId = (await upload.mutateAsync(values.reportFile)).id;
      } catch (error) {
        onError(error);
        return;
      }
    }
    propose.mutate({ ...bodyOf(values), reportFileId } as ProposePersonnelChange, {
      onSuccess: (change) => {
        notifications.show({
          color: 'green',
          message: t('personnel.proposed', { name: change.outgoingName }),
        });
        onClose();
      },
      onError,
    });
  });

  const error = upload.error ?? propose.error;
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('personnel.form.title')}
      onSubmit={submit}
      submitLabel={t('personnel.form.submit')}
      submitting={upload.isPending || propose.isPending}
      error={problemOutsideFields(error, fieldOfCode)}
    >
      <Select
        label={t('personnel.form.member')}
        withAsterisk
        searchable
        data={members
          .filter((m) => m.role !== 'guest')
          .map((m) => ({ value: m.id, label: `${m.fullName} — ${t(`committees.roles.${m.role}`)}` }))}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('membershipId')}
      />
      <UserPicker
        label={t('personnel.form.replacement')}
        withAsterisk
        value={form.values.replacementUserId}
        committeeId={committee.id}
        onChange={(user) => form.setFieldValue('replacementUserId', user?.id ?? null)}
        excludedIds={new Set(members.map((m) => m.userId))}
        excludedLabel={t('people.alreadyMember')}
        error={form.errors.replacementUserId}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('personnel.form.reportNumber')}
          placeholder={t('decision.numberPlaceholder')}
          {...form.getInputProps('reportNumber')}
        />
        <DateField
          label={t('personnel.form.reportDate')}
          withAsterisk
          value={form.values.reportDate}
          onChange={(date) => form.setFieldValue('reportDate', date)}
          error={form.errors.reportDate}
        />
      </SimpleGrid>
      <FileInput
        label={t('personnel.form.reportFile')}
        description={t('personnel.form.reportFileHint')}
        placeholder={t('importMembers.filePlaceholder')}
        accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        leftSection={<IconPaperclip size={16} />}
        clearable
        {...form.getInputProps('reportFile')}
      />
      <Textarea
        label={t('personnel.form.reason')}
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
      />
      <DateField
        label={t('personnel.form.effectiveDate')}
        description={t('personnel.form.effectiveHint')}
        withAsterisk
        value={form.values.effectiveDate}
        onChange={(date) => form.setFieldValue('effectiveDate', date)}
        error={form.errors.effectiveDate}
      />
    </ModalForm>
  );
}
