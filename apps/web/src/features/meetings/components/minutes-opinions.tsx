import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MinutesView } from '../api.ts';

/** The written opinions of those excused (R12), as the minutes print them. */
export function MinutesOpinions({ minutes }: { minutes: MinutesView }) {
  const { t } = useTranslation();
  if (!minutes.opinions.length) return null;
  const titleOf = (id: string) => minutes.notes.find((n) => n.agendaItemId === id)?.agendaTitle ?? '';
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-label={t('meetings.minutes.opinions')}
    >
      <Title order={2} fz="h5" mb="xs">
        {t('meetings.minutes.opinions')}
      </Title>
      <Stack gap="xs">
        {minutes.opinions.map((o) => (
          <Text size="sm" key={o.id} style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={600}>
              {o.fullName} — {titleOf(o.agendaItemId)}:
            </Text>{' '}
            {o.text}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
