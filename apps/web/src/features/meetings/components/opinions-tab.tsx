import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime } from '@steerco/contract/datetime';
import { IconMessageCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { canOnMeeting, type MeetingView, opinionsQueryOptions, useSubmitOpinion } from '../api.ts';
import { owesOpinions } from '../meetings.ts';

/**
 * Ý kiến bằng văn bản (R12): approved absentees and members sending a substitute write their opinion on each
 * item taking opinions, before the meeting; the chair and the standing agency read them all and see who still
 * owes one.
 */
export function OpinionsTab({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const opinions = useQuery(opinionsQueryOptions(meeting.id));
  const major = meeting.agenda.filter((a) => a.takesOpinions);
  const me = meeting.attendees.find((a) => a.id === meeting.myAttendeeId);
  const seesAll = canOnMeeting(meeting, 'meeting.manage') || canOnMeeting(meeting, 'meeting.chair');
  const writing = !!me && owesOpinions(me) && Date.now() < new Date(meeting.startsAt).getTime();

  if (major.length === 0) {
    return (
      <EmptyState icon={<IconMessageCircle size={28} />} title={t('meetings.opinions.noMajor')}>
        {t('meetings.opinions.noMajorHint')}
      </EmptyState>
    );
  }
  if (opinions.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (opinions.isError)
    return <ProblemAlert error={opinions.error} onRetry={() => void opinions.refetch()} />;
  const { items, missing } = opinions.data;

  return (
    <Stack gap="md">
      {writing && (
        <Paper
          withBorder
          radius="md"
          p={{ base: 'sm', sm: 'md' }}
          component="section"
          aria-label={t('meetings.opinions.mine')}
        >
          <Title order={2} fz="h5" mb={4}>
            {t('meetings.opinions.mine')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('meetings.opinions.mineHint', { date: formatDateTime(meeting.startsAt) })}
          </Text>
          <Stack gap="md">
            {major.map((item) => (
              <OpinionForm
                key={item.id}
                meetingId={meeting.id}
                agendaItemId={item.id}
                title={item.title}
                current={items.find((o) => o.attendeeId === me.id && o.agendaItemId === item.id)?.text ?? ''}
              />
            ))}
          </Stack>
        </Paper>
      )}
      {!writing && !seesAll && (
        <Text size="sm" c="dimmed">
          {me && owesOpinions(me) ? t('meetings.opinions.closed') : t('meetings.opinions.notOwed')}
        </Text>
      )}
      {seesAll && missing.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          title={t('meetings.opinions.missingTitle', { count: missing.length })}
        >
          <Stack
            gap={2}
            component="ul"
            aria-label={t('meetings.opinions.missingLabel')}
            style={{ margin: 0, paddingLeft: 18 }}
          >
            {missing.map((m) => (
              <Text component="li" size="sm" key={`${m.attendeeId}-${m.agendaItemId}`}>
                {t('meetings.opinions.missingLine', { name: m.fullName, item: m.agendaTitle })}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {(seesAll || (!writing && items.length > 0)) && (
        <Stack gap="md" component="section" aria-label={t('meetings.opinions.received')}>
          <Title order={2} fz="h5">
            {t('meetings.opinions.received')} ({items.length})
          </Title>
          {major.map((item) => {
            const mine = items.filter((o) => o.agendaItemId === item.id);
            return (
              <Paper key={item.id} withBorder radius="md" p="sm">
                <Group gap="xs" mb="xs">
                  <Text fw={600} size="sm">
                    {item.title}
                  </Text>
                  <Badge color="grape" variant="light">
                    {t('meetings.agenda.takesOpinions')}
                  </Badge>
                </Group>
                {mine.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('meetings.opinions.noneYet')}
                  </Text>
                ) : (
                  <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {mine.map((o) => (
                      <li key={o.id} aria-label={t('meetings.opinions.of', { name: o.fullName })}>
                        <Text size="sm" fw={600}>
                          {o.fullName}{' '}
                          <Text span size="xs" c="dimmed" fw={400}>
                            {formatDateTime(o.submittedAt)}
                          </Text>
                        </Text>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {o.text}
                        </Text>
                      </li>
                    ))}
                  </Stack>
                )}
              </Paper>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}

function OpinionForm({
  meetingId,
  agendaItemId,
  title,
  current,
}: {
  meetingId: string;
  agendaItemId: string;
  title: string;
  current: string;
}) {
  const { t } = useTranslation();
  const submit = useSubmitOpinion(meetingId);
  const [text, setText] = useState(current);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) {
          setError(t('common.required'));
          return;
        }
        submit.mutate(
          { agendaItemId, text: text.trim() },
          {
            onSuccess: () =>
              notifications.show({ color: 'green', message: t('meetings.opinions.sent', { title }) }),
          },
        );
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('meetings.opinions.on', { title })}
          withAsterisk
          autosize
          minRows={3}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        <ProblemAlert error={submit.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={submit.isPending}>
            {current ? t('meetings.opinions.update') : t('meetings.opinions.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
