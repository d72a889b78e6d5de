import { MultiSelect, Select, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { membersQueryOptions } from '../../committees/api.ts';
import { LeadPicker, type LeadValues } from './lead-picker.tsx';

/** Who does a task: the lead (R1), the co-operating units and members, the member answering for it. */
export interface TaskPeopleValues extends LeadValues {
  responsibleMembershipId: string | null;
  cooperatingUnitIds: string[];
  cooperatingMembershipIds: string[];
}

/** The committee's seats as choices: its members, and the units they sit for. */
export function useSeatOptions(committeeId: string) {
  const members = useQuery(membersQueryOptions(committeeId));
  const seats = (members.data ?? []).filter((m) => m.role !== 'guest');
  const memberOptions = seats.map((m) => ({ value: m.id, label: m.fullName }));
  const unitOptions = [
    ...new Map(seats.filter((m) => m.unitId).map((m) => [m.unitId!, m.unitName ?? m.unitId!])).entries(),
  ].map(([value, label]) => ({ value, label }));
  return { memberOptions, unitOptions };
}

/** The fields of who does a task, as assigning and reassigning it ask for them. */
export function TaskPeopleFields<V extends TaskPeopleValues>({
  form,
  committeeId,
}: {
  form: UseFormReturnType<V>;
  committeeId: string;
}) {
  const { t } = useTranslation();
  const { memberOptions, unitOptions } = useSeatOptions(committeeId);
  const v = form.getValues();
  return (
    <>
      <LeadPicker
        form={form}
        title={t('tasks.create.leadKind')}
        hint={t('tasks.create.leadHint')}
        unitOptions={unitOptions}
        memberOptions={memberOptions}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <MultiSelect
          label={t('tasks.create.cooperatingUnits')}
          data={unitOptions.filter((u) => u.value !== v.leadUnitId || v.leadKind !== 'unit')}
          searchable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('cooperatingUnitIds')}
        />
        <MultiSelect
          label={t('tasks.create.cooperatingMembers')}
          data={memberOptions.filter((m) => m.value !== v.leadMembershipId || v.leadKind !== 'member')}
          searchable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('cooperatingMembershipIds')}
        />
      </SimpleGrid>
      <Select
        label={t('tasks.create.responsible')}
        description={t('tasks.create.responsibleHint')}
        data={memberOptions}
        searchable
        clearable
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('responsibleMembershipId')}
      />
    </>
  );
}
