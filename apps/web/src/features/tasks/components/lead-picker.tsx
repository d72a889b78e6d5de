import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

/** The form fields of a lead: one unit or one member, never the whole committee (R1). */
export interface LeadValues {
  leadKind: 'unit' | 'member';
  leadUnitId: string | null;
  leadMembershipId: string | null;
}

type Option = { value: string; label: string };

/** The form rules of a lead: the chosen kind must have a value (`message` says to choose one). */
export const leadRules = (message: string) => ({
  leadUnitId: (v: string | null, values: LeadValues) => (values.leadKind === 'unit' && !v ? message : null),
  leadMembershipId: (v: string | null, values: LeadValues) =>
    values.leadKind === 'member' && !v ? message : null,
});

/**
 * Chooses the lead of a task or a work-plan item (R1): a unit or a member of the committee, one of the two.
 * The form checks that the chosen kind has a value.
 */
export function LeadPicker<V extends LeadValues>({
  form,
  title,
  hint,
  unitOptions,
  memberOptions,
}: {
  form: UseFormReturnType<V>;
  title: string;
  hint?: string;
  unitOptions: Option[];
  memberOptions: Option[];
}) {
  const { t } = useTranslation();
  const byUnit = form.getValues().leadKind === 'unit';
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <SegmentedControl
        aria-label={title}
        data={[
          { value: 'unit', label: t('tasks.create.leadUnit') },
          { value: 'member', label: t('tasks.create.leadMember') },
        ]}
        {...form.getInputProps('leadKind')}
      />
      <Select
        key={byUnit ? 'unit' : 'member'}
        label={byUnit ? t('tasks.create.leadUnit') : t('tasks.create.leadMember')}
        data={byUnit ? unitOptions : memberOptions}
        searchable
        withAsterisk
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps(byUnit ? 'leadUnitId' : 'leadMembershipId')}
      />
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}
