import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { formatDateTime } from '@steerco/contract/datetime';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingView } from '../api.ts';
import { answersOpen } from '../meetings.ts';
import { RollBadge } from './meeting-badges.tsx';
import { RespondModal } from './respond-modal.tsx';

/** The signed-in attendee's own answer (R10), with the way to give or change it before the deadline. */
export function MyAnswer({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const me = meeting.attendees.find((a) => a.id === meeting.myAttendeeId);
  // Only while answers matter: once the meeting is held, attendance is the check-in's business.
  if (!me || meeting.status !== 'noticeSent') return null;
  const canAnswer = answersOpen(meeting);
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      mt="md"
      component="section"
      aria-label={t('meetings.mine.title')}
      style={{ borderLeft: '4px solid var(--mantine-color-blue-6)' }}
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {t('meetings.mine.title')}
            </Text>
            <RollBadge attendee={me} />
          </Group>
          {me.substitute && (
            <Text size="sm" c="dimmed">
              {t('meetings.mine.substitute', { name: me.substitute.name })}
            </Text>
          )}
          {me.approvalNote && (
            <Text size="sm" c="dimmed">
              {t('meetings.mine.note', { note: me.approvalNote })}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {canAnswer
              ? t('meetings.mine.deadline', { date: formatDateTime(meeting.confirmationDeadline) })
              : t('meetings.mine.closed')}
          </Text>
        </Stack>
        {canAnswer && (
          <Button variant={me.response ? 'default' : 'filled'} onClick={() => setOpen(true)}>
            {me.response ? t('meetings.mine.change') : t('meetings.mine.answer')}
          </Button>
        )}
      </Group>
      {open && (
        <RespondModal meeting={meeting} attendee={me} onBehalf={false} onClose={() => setOpen(false)} />
      )}
    </Paper>
  );
}
