import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime } from '@steerco/contract/datetime';
import { IconArrowBackUp, IconCheck, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { type MeetingView, type MinutesView, useDecideMinutes } from '../api.ts';
import { hasStarted } from '../meetings.ts';

/**
 * The decision on the minutes: the secretary submits them once the meeting has started; the chair approves them
 * (locked and published, R13) or returns them with a comment.
 */
export function MinutesDecision({
  meeting,
  minutes,
  manage,
  chair,
}: {
  meeting: MeetingView;
  minutes: MinutesView;
  manage: boolean;
  chair: boolean;
}) {
  const { t } = useTranslation();
  const decide = useDecideMinutes(meeting.id);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const draftable = manage && (minutes.status === 'draft' || minutes.status === 'returned');
  // Drafted before the meeting perhaps, but submitted and approved only once it has started (the server's rule).
  const started = hasStarted(meeting);
  const canSubmit = draftable && started;
  const canDecide = chair && minutes.status === 'submitted';
  if (draftable && !started) {
    return (
      <Alert color="blue" variant="light">
        {t('meetings.minutes.beforeStart', { date: formatDateTime(meeting.startsAt) })}
      </Alert>
    );
  }
  if (!canSubmit && !canDecide) return null;
  const done = (key: 'submitted' | 'approved' | 'returned') => () => {
    notifications.show({ color: 'green', message: t(`meetings.minutes.done.${key}`) });
    setReturning(false);
  };
  return (
    <Paper withBorder radius="md" p="sm">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm">
          {canDecide ? t('meetings.minutes.decideHint') : t('meetings.minutes.submitHint')}
        </Text>
        <Group gap="xs">
          {canSubmit && (
            <Button
              leftSection={<IconSend size={16} />}
              loading={decide.isPending}
              onClick={() => decide.mutate({ action: 'submit' }, { onSuccess: done('submitted') })}
            >
              {t('meetings.minutes.submit')}
            </Button>
          )}
          {canDecide && (
            <>
              <Button
                color="green"
                leftSection={<IconCheck size={16} />}
                loading={decide.isPending && decide.variables?.action === 'approve'}
                onClick={() => decide.mutate({ action: 'approve' }, { onSuccess: done('approved') })}
              >
                {t('meetings.minutes.approve')}
              </Button>
              <Button
                variant="light"
                color="orange"
                leftSection={<IconArrowBackUp size={16} />}
                onClick={() => setReturning(true)}
              >
                {t('meetings.minutes.return')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {!returning && <ProblemAlert error={decide.error} />}
      <Modal opened={returning} onClose={() => setReturning(false)} title={t('meetings.minutes.returnTitle')}>
        <Stack gap="md">
          <Textarea
            label={t('meetings.minutes.returnComment')}
            withAsterisk
            autosize
            minRows={3}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setCommentError(null);
            }}
            error={commentError}
          />
          <ProblemAlert error={decide.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setReturning(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={decide.isPending}
              onClick={() => {
                if (!comment.trim()) {
                  setCommentError(t('common.required'));
                  return;
                }
                decide.mutate({ action: 'return', comment: comment.trim() }, { onSuccess: done('returned') });
              }}
            >
              {t('meetings.minutes.return')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
