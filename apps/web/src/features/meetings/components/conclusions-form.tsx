import { ActionIcon, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { type MeetingView, type MinutesView, useSaveConclusions } from '../api.ts';
import {
  type ConclusionDraft,
  checkDrafts,
  conclusionsBody,
  draftsOf,
  emptyConclusion,
  emptyTask,
  type TaskDraft,
} from '../conclusion-drafts.ts';
import { useConclusionLeads } from '../hooks/use-conclusion-leads.ts';
import { ConclusionTaskFields } from './conclusion-task-fields.tsx';

/** The secretary writes the conclusions (R13), each with its domain and the tasks it proposes, until submitted. */
export function ConclusionsForm({ meeting, minutes }: { meeting: MeetingView; minutes: MinutesView }) {
  const { t } = useTranslation();
  const save = useSaveConclusions(meeting.id);
  const leads = useConclusionLeads(meeting);
  const [items, setItems] = useState<ConclusionDraft[]>(() => draftsOf(minutes));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = (i: number, patch: Partial<ConclusionDraft>) =>
    setItems((prev) => prev.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const updateTask = (i: number, k: number, patch: Partial<TaskDraft>) =>
    update(i, { tasks: items[i]!.tasks.map((task, j) => (j === k ? { ...task, ...patch } : task)) });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const missing = checkDrafts(items);
    setErrors(
      Object.fromEntries(
        Object.entries(missing).map(([field, why]) => [
          field,
          why === 'required' ? t('common.required') : t('meetings.conclusions.leadRequired'),
        ]),
      ),
    );
    if (Object.keys(missing).length) return;
    save.mutate(conclusionsBody(items), {
      onSuccess: () => notifications.show({ color: 'green', message: t('meetings.conclusions.saved') }),
    });
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="form"
      noValidate
      onSubmit={submit}
      aria-label={t('meetings.conclusions.title')}
    >
      <Title order={2} fz="h5" mb="sm">
        {t('meetings.conclusions.title')}
      </Title>
      <Stack gap="md">
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('meetings.conclusions.empty')}
          </Text>
        )}
        {items.map((c, i) => (
          <Paper
            key={c.key}
            withBorder
            radius="md"
            p="sm"
            bg="var(--mantine-color-default-hover)"
            role="group"
            aria-label={t('meetings.conclusions.number', { index: i + 1 })}
          >
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600} size="sm">
                  {t('meetings.conclusions.number', { index: i + 1 })}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('meetings.conclusions.remove', { index: i + 1 })}
                  onClick={() => setItems((prev) => prev.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <Textarea
                label={t('meetings.conclusions.text')}
                withAsterisk
                autosize
                minRows={2}
                value={c.text}
                onChange={(e) => update(i, { text: e.currentTarget.value })}
                error={errors[`${i}.text`]}
              />
              <Select
                label={t('meetings.conclusions.domain')}
                data={leads.domains}
                value={c.domain}
                onChange={(domain) => update(i, { domain })}
                clearable
                comboboxProps={{ withinPortal: true }}
                maw={320}
              />
              {c.tasks.map((task, k) => (
                <ConclusionTaskFields
                  key={task.key}
                  task={task}
                  index={k}
                  leads={leads}
                  errors={{ title: errors[`${i}.tasks.${k}.title`], lead: errors[`${i}.tasks.${k}.lead`] }}
                  onChange={(patch) => updateTask(i, k, patch)}
                  onRemove={() => update(i, { tasks: c.tasks.filter((_, j) => j !== k) })}
                />
              ))}
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} />}
                w="fit-content"
                onClick={() => update(i, { tasks: [...c.tasks, emptyTask()] })}
              >
                {t('meetings.conclusions.addTask')}
              </Button>
            </Stack>
          </Paper>
        ))}
        <ProblemAlert error={save.error} />
        <Group justify="space-between" gap="sm">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => setItems((prev) => [...prev, emptyConclusion()])}
          >
            {t('meetings.conclusions.add')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('meetings.conclusions.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
