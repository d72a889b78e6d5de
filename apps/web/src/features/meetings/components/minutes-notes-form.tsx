import { Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { type MeetingView, type MinutesView, useSaveMinutes } from '../api.ts';

/** The secretary writes the minutes: a summary, and the notes on each agenda item (R5). */
export function MinutesNotesForm({ meeting, minutes }: { meeting: MeetingView; minutes: MinutesView }) {
  const { t } = useTranslation();
  const save = useSaveMinutes(meeting.id);
  const [summary, setSummary] = useState(minutes.summary ?? '');
  const [notes, setNotes] = useState<Record<string, string>>(
    Object.fromEntries(minutes.notes.map((n) => [n.agendaItemId, n.text])),
  );
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="form"
      aria-label={t('meetings.minutes.title')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          {
            summary: summary.trim() || null,
            notes: minutes.notes.map((n) => ({
              agendaItemId: n.agendaItemId,
              text: notes[n.agendaItemId] ?? '',
            })),
          },
          { onSuccess: () => notifications.show({ color: 'green', message: t('meetings.minutes.saved') }) },
        );
      }}
    >
      <Title order={2} fz="h5" mb="sm">
        {t('meetings.minutes.title')}
      </Title>
      <Stack gap="sm">
        <Textarea
          label={t('meetings.minutes.summary')}
          autosize
          minRows={3}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
        {minutes.notes.map((n, i) => (
          <Textarea
            key={n.agendaItemId}
            label={t('meetings.minutes.noteOn', { index: i + 1, title: n.agendaTitle })}
            autosize
            minRows={3}
            value={notes[n.agendaItemId] ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setNotes((prev) => ({ ...prev, [n.agendaItemId]: value }));
            }}
          />
        ))}
        <ProblemAlert error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('meetings.minutes.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
