import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MinutesView } from '../api.ts';

/** The minutes as written: the summary and the notes on each agenda item, for reading. */
export function MinutesNotes({ minutes }: { minutes: MinutesView }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-label={t('meetings.minutes.title')}
    >
      <Title order={2} fz="h5" mb="sm">
        {t('meetings.minutes.title')}
      </Title>
      <Stack gap="sm">
        {minutes.summary && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {minutes.summary}
          </Text>
        )}
        {minutes.notes.map((n, i) => (
          <div key={n.agendaItemId}>
            <Text size="sm" fw={600}>
              {i + 1}. {n.agendaTitle}
            </Text>
            <Text size="sm" c={n.text ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
              {n.text || t('meetings.minutes.noNote')}
            </Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
