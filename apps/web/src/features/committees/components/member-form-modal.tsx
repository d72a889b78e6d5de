import { Checkbox, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { todayInVietnam } from '@steerco/contract/datetime';
import {
  type CommitteeRole,
  CreateMembershipBody,
  type Membership,
  UpdateMembershipBody,
} from '@steerco/contract/memberships';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { problemOutsideFields, setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { schemaErrors, textOrNull } from '../../../lib/schema-errors.ts';
import { UnitPicker } from '../../units/components/unit-picker.tsx';
import { type PersonOption, UserPicker } from '../../users/components/user-picker.tsx';
import { useAddMember, useUpdateMember } from '../api.ts';
import { ROLE_ORDER } from '../committees.ts';
import { domainShort } from './committee-badges.tsx';
import { DecisionFields, type DecisionValues, decisionBodyOf, decisionValuesOf } from './decision-fields.tsx';
import { DutyListFields } from './duty-list-fields.tsx';

const fieldOfCode = {
  'membership.headOverlap': 'role',
  'membership.duplicate': 'userId',
  'validation.dateOrder': 'endDate',
} as const;

interface MemberFormValues {
  userId: string | null;
  role: CommitteeRole;
  isStanding: boolean;
  leadDomain: string | null;
  unitId: string | null;
  position: string;
  startDate: string | null;
  endDate: string | null;
  appointingDecision: DecisionValues;
  duties: { key: string; domain: string | null; text: string }[];
}

interface MemberFormModalProps {
  committee: CommitteeDetail;
  /** The seat to edit; absent to add a member. */
  member?: Membership;
  /** People already sitting on the committee, who cannot be added twice. */
  memberUserIds: Set<string>;
  onClose: () => void;
}

/** The committee's domains as select options: "CĐS — Chuyển đổi số". */
export const domainOptions = (committee: CommitteeDetail) =>
  committee.domains.map((d) => ({ value: d.code, label: `${domainShort(d.code)} — ${d.name}` }));

export function MemberFormModal({ committee, member, memberUserIds, onClose }: MemberFormModalProps) {
  const { t } = useTranslation();
  const addMember = useAddMember(committee.id);
  const updateMember = useUpdateMember(committee.id);
  const mutation = member ? updateMember : addMember;
  const [person, setPerson] = useState<PersonOption | null>(null);

  const bodyOf = (values: MemberFormValues) => {
    const deputy = values.role === 'deputyHead';
    return {
      role: values.role,
      isStanding: deputy && values.isStanding,
      leadDomain: deputy ? values.leadDomain : null,
      unitId: values.unitId,
      position: textOrNull(values.position),
      startDate: values.startDate ?? undefined,
      endDate: values.endDate,
      appointingDecision: decisionBodyOf(values.appointingDecision),
    };
  };
  const createBodyOf = (values: MemberFormValues) => ({
    ...bodyOf(values),
    userId: values.userId ?? undefined,
    duties: values.duties.map((duty) => ({ domain: duty.domain, text: duty.text.trim() })),
  });

  const form = useForm<MemberFormValues>({
    initialValues: {
      userId: member?.userId ?? null,
      role: member?.role ?? 'member',
      isStanding: member?.isStanding ?? false,
      leadDomain: member?.leadDomain ?? null,
      unitId: member?.unitId ?? null,
      position: member?.position ?? '',
      startDate: member?.startDate ?? todayInVietnam(),
      endDate: member?.endDate ?? null,
      appointingDecision: decisionValuesOf(member?.appointingDecision),
      duties: [],
    },
    // The contract's own rules (the server applies the same), with messages in the user's language.
    validate: (values) => {
      const errors = member
        ? schemaErrors(UpdateMembershipBody, bodyOf(values), t)
        : schemaErrors(CreateMembershipBody, createBodyOf(values), t);
      if (values.startDate && values.endDate && values.endDate < values.startDate) {
        errors.endDate ??= t('validation.dateOrder');
      }
      return errors;
    },
  });

  const submit = form.onSubmit((values) => {
    const onError = (error: unknown) => setFieldErrorsFromProblem(form, error, fieldOfCode);
    if (member) {
      updateMember.mutate(
        {
          membershipId: member.id,
          body: bodyOf(values) as Parameters<typeof updateMember.mutate>[0]['body'],
        },
        {
          onSuccess: (saved) => {
            notifications.show({ color: 'green', message: t('members.saved', { name: saved.fullName }) });
            onClose();
          },
          onError,
        },
      );
    } else {
      addMember.mutate(createBodyOf(values) as Parameters<typeof addMember.mutate>[0], {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('members.added', { name: saved.fullName }) });
          onClose();
        },
        onError,
      });
    }
  });

  const domains = domainOptions(committee);
  const { values } = form;
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t(member ? 'members.form.editTitle' : 'members.form.createTitle')}
      onSubmit={submit}
      submitLabel={member ? undefined : t('members.form.submitCreate')}
      submitting={mutation.isPending}
      error={problemOutsideFields(mutation.error, fieldOfCode)}
    >
      {member ? (
        <TextInput label={t('members.form.person')} value={member.fullName} readOnly variant="filled" />
      ) : (
        <UserPicker
          label={t('members.form.person')}
          withAsterisk
          value={values.userId}
          committeeId={committee.id}
          onChange={(user) => {
            setPerson(user);
            form.setFieldValue('userId', user?.id ?? null);
          }}
          excludedIds={memberUserIds}
          excludedLabel={t('people.alreadyMember')}
          error={form.errors.userId}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('members.form.role')}
          withAsterisk
          allowDeselect={false}
          data={ROLE_ORDER.map((role) => ({ value: role, label: t(`committees.roles.${role}`) }))}
          {...form.getInputProps('role')}
        />
        {values.role === 'deputyHead' && (
          <Select
            label={t('members.form.leadDomain')}
            clearable
            data={domains}
            {...form.getInputProps('leadDomain')}
          />
        )}
      </SimpleGrid>
      {values.role === 'deputyHead' && (
        <Checkbox
          label={t('members.form.isStanding')}
          {...form.getInputProps('isStanding', { type: 'checkbox' })}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('members.form.position')}
          description={t('members.form.positionHint')}
          placeholder={person?.position ?? undefined}
          {...form.getInputProps('position')}
        />
        <UnitPicker
          label={t('members.form.unit')}
          initialUnit={
            member?.unitId && member.unitName ? { id: member.unitId, name: member.unitName } : null
          }
          value={values.unitId}
          onChange={(unitId) => form.setFieldValue('unitId', unitId)}
          error={form.errors.unitId}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <DateField
          label={t('members.form.startDate')}
          withAsterisk
          value={values.startDate}
          onChange={(date) => form.setFieldValue('startDate', date)}
          error={form.errors.startDate}
        />
        <DateField
          label={t('members.form.endDate')}
          value={values.endDate}
          onChange={(date) => form.setFieldValue('endDate', date)}
          error={form.errors.endDate}
        />
      </SimpleGrid>
      <DecisionFields
        legend={t('members.form.decision')}
        values={values.appointingDecision}
        onChange={(decision) => form.setFieldValue('appointingDecision', decision)}
        errors={{
          number: form.errors['appointingDecision.number'],
          date: form.errors['appointingDecision.date'],
          signer: form.errors['appointingDecision.signer'],
        }}
      />
      {!member && (
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Text component="legend" size="sm" fw={500} p={0}>
            {t('members.form.duties')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('members.form.dutiesHint')}
          </Text>
          <DutyListFields
            form={form}
            path="duties"
            items={values.duties}
            committee={committee}
            maxRows={6}
            placeholders
          />
        </Stack>
      )}
    </ModalForm>
  );
}
