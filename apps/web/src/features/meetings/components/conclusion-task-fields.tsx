import {
  ActionIcon,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import type { TaskDraft } from '../conclusion-drafts.ts';
import type { ConclusionLeads } from '../hooks/use-conclusion-leads.ts';

interface ConclusionTaskFieldsProps {
  task: TaskDraft;
  /** Its place among the conclusion's tasks, from 0. */
  index: number;
  leads: ConclusionLeads;
  errors: { title?: string; lead?: string };
  onChange: (patch: Partial<TaskDraft>) => void;
  onRemove: () => void;
}

/** One task proposed by a conclusion: its title, its lead (a unit or a member, R1), deadline and co-operators. */
export function ConclusionTaskFields({
  task,
  index,
  leads,
  errors,
  onChange,
  onRemove,
}: ConclusionTaskFieldsProps) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      role="group"
      aria-label={t('meetings.conclusions.taskNumber', { index: index + 1 })}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600}>
            {t('meetings.conclusions.taskNumber', { index: index + 1 })}
          </Text>
          <ActionIcon
            variant="subtle"
            color="red"
            size="sm"
            aria-label={t('meetings.conclusions.removeTask', { index: index + 1 })}
            onClick={onRemove}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
        <TextInput
          label={t('meetings.conclusions.taskTitle')}
          withAsterisk
          value={task.title}
          onChange={(e) => onChange({ title: e.currentTarget.value })}
          error={errors.title}
        />
        <SegmentedControl
          aria-label={t('meetings.conclusions.leadKind')}
          value={task.leadKind}
          onChange={(value) => onChange({ leadKind: value as TaskDraft['leadKind'] })}
          data={[
            { value: 'unit', label: t('meetings.conclusions.leadUnit') },
            { value: 'member', label: t('meetings.conclusions.leadMember') },
          ]}
          size="xs"
          w="fit-content"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {task.leadKind === 'unit' ? (
            <Select
              label={t('meetings.conclusions.leadUnit')}
              withAsterisk
              data={leads.units}
              value={task.leadUnitId}
              onChange={(leadUnitId) => onChange({ leadUnitId })}
              error={errors.lead}
              searchable
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            <Select
              label={t('meetings.conclusions.leadMember')}
              withAsterisk
              data={leads.members}
              value={task.leadMembershipId}
              onChange={(leadMembershipId) => onChange({ leadMembershipId })}
              error={errors.lead}
              searchable
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <DateField
            label={t('meetings.conclusions.deadline')}
            value={task.deadline}
            onChange={(deadline) => onChange({ deadline })}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('meetings.conclusions.cooperating')}
          data={leads.units}
          value={task.cooperatingUnitIds}
          onChange={(cooperatingUnitIds) => onChange({ cooperatingUnitIds })}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
      </Stack>
    </Paper>
  );
}
