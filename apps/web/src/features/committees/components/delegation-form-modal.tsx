import { Checkbox, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { todayInVietnam } from '@steerco/contract/datetime';
import { CreateDelegationBody, DelegationScope } from '@steerco/contract/delegations';
import type { Membership } from '@steerco/contract/memberships';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { problemOutsideFields, setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { schemaErrors } from '../../../lib/schema-errors.ts';
import { useCreateDelegation } from '../api.ts';
import { DecisionFields, type DecisionValues, decisionBodyOf, emptyDecision } from './decision-fields.tsx';
import { domainOptions } from './member-form-modal.tsx';

const fieldOfCode = {
  'delegation.notMember': 'toMembershipId',
  'delegation.documentRequired': 'document',
  'validation.dateOrder': 'validTo',
} as const;

interface DelegationFormValues {
  toMembershipId: string | null;
  scopes: string[];
  domains: string[];
  validFrom: string | null;
  validTo: string | null;
  document: DecisionValues;
}

/**
 * Records the head's delegation (R3, R4). The head records it with or without a document; anyone else (the
 * standing agency) must cite the head's signed document.
 */
export function DelegationFormModal({
  committee,
  members,
  onClose,
}: {
  committee: CommitteeDetail;
  members: Membership[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateDelegation(committee.id);
  const documentRequired = committee.myRole !== 'head';
  const head = members.find((m) => m.role === 'head');
  const candidates = members.filter((m) => m.role !== 'head' && m.role !== 'guest');
  const bodyOf = (values: DelegationFormValues) => ({
    toMembershipId: values.toMembershipId ?? undefined,
    scopes: values.scopes,
    domains: values.domains,
    validFrom: values.validFrom ?? undefined,
    validTo: values.validTo ?? undefined,
    document: decisionBodyOf(values.document),
  });
  const form = useForm<DelegationFormValues>({
    initialValues: {
      toMembershipId: null,
      scopes: ['chairMeetings'],
      domains: [],
      validFrom: todayInVietnam(),
      validTo: null,
      document: emptyDecision(),
    },
    validate: (values) => {
      const errors = schemaErrors(CreateDelegationBody, bodyOf(values), t);
      if (values.validFrom && values.validTo && values.validTo < values.validFrom) {
        errors.validTo ??= t('validation.dateOrder');
      }
      if (documentRequired && !decisionBodyOf(values.document)) {
        errors['document.number'] = t('common.required');
        errors['document.date'] = t('common.required');
      }
      return errors;
    },
  });

  const submit = form.onSubmit((values) =>
    create.mutate(bodyOf(values) as Parameters<typeof create.mutate>[0], {
      onSuccess: (delegation) => {
        notifications.show({
          color: 'green',
          message: t('delegations.created', { name: delegation.toName }),
        });
        onClose();
      },
      onError: (error) => setFieldErrorsFromProblem(form, error, fieldOfCode),
    }),
  );

  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('delegations.form.title')}
      onSubmit={submit}
      submitLabel={t('delegations.form.submit')}
      submitting={create.isPending}
      error={problemOutsideFields(create.error, fieldOfCode)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label={t('delegations.form.from')}
          value={head?.fullName ?? t('delegations.form.noHead')}
          readOnly
          variant="filled"
        />
        <Select
          label={t('delegations.form.to')}
          withAsterisk
          data={candidates.map((m) => ({
            value: m.id,
            label: `${m.fullName} — ${t(`committees.roles.${m.role}`)}`,
          }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('toMembershipId')}
        />
      </SimpleGrid>
      <Checkbox.Group label={t('delegations.form.scopes')} withAsterisk {...form.getInputProps('scopes')}>
        <Stack gap={6} mt={6}>
          {DelegationScope.options.map((scope) => (
            <Checkbox key={scope} value={scope} label={t(`delegations.scopes.${scope}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <MultiSelect
        label={t('delegations.form.domains')}
        description={t('delegations.form.domainsHint')}
        placeholder={t('committees.allDomains')}
        data={domainOptions(committee)}
        clearable
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('domains')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <DateField
          label={t('delegations.form.validFrom')}
          withAsterisk
          value={form.values.validFrom}
          onChange={(date) => form.setFieldValue('validFrom', date)}
          error={form.errors.validFrom}
        />
        <DateField
          label={t('delegations.form.validTo')}
          withAsterisk
          value={form.values.validTo}
          onChange={(date) => form.setFieldValue('validTo', date)}
          error={form.errors.validTo}
        />
      </SimpleGrid>
      <DecisionFields
        legend={t('delegations.form.document')}
        description={documentRequired ? t('delegations.form.documentRequired') : undefined}
        required={documentRequired}
        values={form.values.document}
        onChange={(document) => form.setFieldValue('document', document)}
        errors={{
          number: form.errors['document.number'] ?? form.errors.document,
          date: form.errors['document.date'],
          signer: form.errors['document.signer'],
        }}
      />
    </ModalForm>
  );
}
