import { Alert, Badge, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { formatDateTime } from '@steerco/contract/datetime';
import { IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { canOnMeeting, type MeetingView, minutesQueryOptions } from '../api.ts';
import { ConclusionsForm } from './conclusions-form.tsx';
import { ConclusionsList } from './conclusions-list.tsx';
import { MinutesAttendance } from './minutes-attendance.tsx';
import { MinutesDecision } from './minutes-decision.tsx';
import { MinutesNotes } from './minutes-notes.tsx';
import { MinutesNotesForm } from './minutes-notes-form.tsx';
import { MinutesOpinions } from './minutes-opinions.tsx';

const MINUTES_COLORS = { draft: 'gray', submitted: 'blue', returned: 'orange', approved: 'green' } as const;

/**
 * Biên bản & kết luận (R5, R13): the secretary writes the minutes per agenda item (attendance and written
 * opinions come in by themselves) and the conclusions with task proposals (R1: led by a unit or a member),
 * submits them; the chair approves — which locks and publishes them — or returns them with a comment.
 */
export function MinutesTab({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const manage = canOnMeeting(meeting, 'meeting.manage');
  const chair = canOnMeeting(meeting, 'meeting.chair');
  const readable = manage || chair || meeting.status === 'closed';
  const minutes = useQuery(minutesQueryOptions(meeting.id, readable));

  if (meeting.status === 'draft' || meeting.status === 'cancelled') {
    return (
      <Text size="sm" c="dimmed">
        {t('meetings.minutes.notYet')}
      </Text>
    );
  }
  if (!readable) {
    return (
      <Text size="sm" c="dimmed">
        {t('meetings.minutes.notPublished')}
      </Text>
    );
  }
  if (minutes.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (minutes.isError) return <ProblemAlert error={minutes.error} onRetry={() => void minutes.refetch()} />;
  const data = minutes.data;
  const editable = manage && (data.status === 'draft' || data.status === 'returned');

  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('meetings.minutes.statusLabel')}
        </Text>
        <Badge color={MINUTES_COLORS[data.status]}>{t(`meetings.minutes.status.${data.status}`)}</Badge>
        {data.approvedAt && (
          <Text size="sm" c="dimmed">
            {t('meetings.minutes.approvedLine', {
              name: data.approvedBy ?? t('common.notSet'),
              date: formatDateTime(data.approvedAt),
            })}
          </Text>
        )}
      </Group>
      {data.status === 'returned' && data.returnComment && (
        <Alert color="orange" variant="light" title={t('meetings.minutes.returnedTitle')}>
          {data.returnComment}
        </Alert>
      )}
      {data.status === 'approved' && (
        <Alert color="green" variant="light" icon={<IconLock size={18} />}>
          {t('meetings.minutes.locked')}
        </Alert>
      )}
      <MinutesDecision meeting={meeting} minutes={data} manage={manage} chair={chair} />
      {editable ? <MinutesNotesForm meeting={meeting} minutes={data} /> : <MinutesNotes minutes={data} />}
      <MinutesAttendance minutes={data} />
      <MinutesOpinions minutes={data} />
      {editable ? (
        <ConclusionsForm meeting={meeting} minutes={data} />
      ) : (
        <ConclusionsList meeting={meeting} minutes={data} />
      )}
    </Stack>
  );
}
