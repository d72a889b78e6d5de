import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatDateTime } from '@steerco/contract/datetime';
import type { AttendanceStatus } from '@steerco/contract/meetings';
import { IconNotes, IconUserCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import {
  attendanceQueryOptions,
  canOnMeeting,
  type MeetingView,
  useCheckIn,
  useMarkMinuteTaker,
} from '../api.ts';
import { checkInOpen, headcountParts, vietnamTime } from '../meetings.ts';
import { CheckInQr } from './check-in-qr.tsx';

const STATUS_COLORS: Record<AttendanceStatus, string> = {
  present: 'green',
  substitutePresent: 'teal',
  guestPresent: 'blue',
  absentApproved: 'gray',
  absentNotApproved: 'red',
  notArrived: 'yellow',
  notAnswered: 'gray',
  absencePending: 'orange',
  guestAbsent: 'gray',
};

/**
 * Điểm danh: from the committee's window before the start on the meeting day, the secretary checks people in
 * and marks the minute-taker (members check themselves in on their phone until the end); the list reads true —
 * "not confirmed" and "not arrived" until the meeting is over, "absent without leave" only after — with the
 * headcount of members, substitutes and guests, and the quorum.
 */
export function AttendanceTab({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const attendance = useQuery(attendanceQueryOptions(meeting.id));
  const checkIn = useCheckIn(meeting.id);
  const markMinuteTaker = useMarkMinuteTaker(meeting.id);
  const manage = canOnMeeting(meeting, 'meeting.manage');
  const now = Date.now();
  const open = checkInOpen(meeting, now);
  const selfOpen = open && !meeting.recordedAfterwards && now <= new Date(meeting.endsAt).getTime();
  const windowMinutes = Math.round(
    (new Date(meeting.startsAt).getTime() - new Date(meeting.checkIn.opensAt).getTime()) / 60_000,
  );
  const notYet =
    (meeting.status === 'noticeSent' || meeting.status === 'held') && !meeting.recordedAfterwards && !open;

  if (attendance.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (attendance.isError)
    return <ProblemAlert error={attendance.error} onRetry={() => void attendance.refetch()} />;
  const { rows, quorum, headcount } = attendance.data;
  const mine = rows.find((r) => r.attendeeId === meeting.myAttendeeId);
  // One minute-taker: offered on every row until someone is marked.
  const minuteTakerMarked = rows.some((r) => r.minuteTaker);
  const share = quorum.members ? Math.round((quorum.present / quorum.members) * 100) : 0;
  const headcountText = headcountParts(headcount)
    .map((part) => t(`meetings.attendance.${part.key}`, { count: part.count }))
    .join(', ');

  return (
    <Stack gap="md">
      <Paper
        withBorder
        radius="md"
        p={{ base: 'sm', sm: 'md' }}
        component="section"
        aria-label={t('meetings.attendance.quorum')}
      >
        <Group justify="space-between" gap="sm" mb="xs">
          <Title order={2} fz="h5">
            {t('meetings.attendance.quorum')}
          </Title>
          <Badge color={quorum.reached ? 'green' : 'orange'} size="lg">
            {quorum.reached ? t('meetings.attendance.reached') : t('meetings.attendance.notReached')}
          </Badge>
        </Group>
        <Text size="sm" fw={600} mb={4} data-testid="attendance-headcount">
          {t('meetings.attendance.headcount', { text: headcountText })}
        </Text>
        <Text size="sm" mb="xs">
          {t('meetings.attendance.quorumLine', {
            present: quorum.present,
            members: quorum.members,
            required: quorum.required,
          })}
        </Text>
        <Progress
          value={share}
          color={quorum.reached ? 'green' : 'orange'}
          size="lg"
          aria-label={t('meetings.attendance.share', { share })}
        />
        {manage && open && (
          <Group mt="sm">
            <CheckInQr meetingId={meeting.id} title={meeting.title} />
          </Group>
        )}
      </Paper>
      {meeting.recordedAfterwards && (
        <Alert color="grape" variant="light">
          {t('meetings.recorded.attendanceHint')}
        </Alert>
      )}
      {notYet && (
        <Alert color="blue" variant="light">
          {t('meetings.attendance.notOpen', {
            from: vietnamTime(meeting.checkIn.opensAt),
            date: formatDate(meeting.checkIn.opensAt),
            minutes: windowMinutes,
          })}
        </Alert>
      )}
      {mine && !mine.checkedInAt && !mine.minuteTaker && !meeting.recordedAfterwards && !notYet && (
        <Paper withBorder radius="md" p="sm">
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              {selfOpen
                ? t('meetings.attendance.selfOpen')
                : t('meetings.attendance.selfClosed', { from: vietnamTime(meeting.checkIn.opensAt) })}
            </Text>
            <Button
              leftSection={<IconUserCheck size={16} />}
              disabled={!selfOpen}
              loading={checkIn.isPending && checkIn.variables === undefined}
              onClick={() =>
                checkIn.mutate(undefined, {
                  onSuccess: () =>
                    notifications.show({ color: 'green', message: t('meetings.attendance.selfDone') }),
                })
              }
            >
              {t('meetings.attendance.self')}
            </Button>
          </Group>
        </Paper>
      )}
      <ProblemAlert error={checkIn.error ?? markMinuteTaker.error} />
      <Stack
        gap="xs"
        component="ul"
        aria-label={t('meetings.attendance.list')}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {rows.map((row) => (
          <Paper key={row.attendeeId} component="li" withBorder radius="md" p="sm" aria-label={row.fullName}>
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600} size="sm">
                    {row.fullName}
                  </Text>
                  <Badge color={STATUS_COLORS[row.status]} variant="light">
                    {t(`meetings.attendance.status.${row.status}`)}
                  </Badge>
                  {row.minuteTaker && (
                    <Badge color="indigo" variant="outline" leftSection={<IconNotes size={12} aria-hidden />}>
                      {t('meetings.attendance.minuteTaker')}
                    </Badge>
                  )}
                </Group>
                {row.substituteName && (
                  <Text size="xs" c="dimmed">
                    {t('meetings.attendance.substitute', { name: row.substituteName })}
                  </Text>
                )}
                {row.checkedInAt && (
                  <Text size="xs" c="dimmed">
                    {t('meetings.attendance.checkedInAt', { date: formatDateTime(row.checkedInAt) })}
                  </Text>
                )}
              </Stack>
              <Group gap="xs">
                {manage && open && !row.checkedInAt && row.attendeeId !== meeting.myAttendeeId && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconUserCheck size={14} />}
                    loading={checkIn.isPending && checkIn.variables === row.attendeeId}
                    aria-label={t('meetings.attendance.checkInOf', { name: row.fullName })}
                    onClick={() => checkIn.mutate(row.attendeeId)}
                  >
                    {t('meetings.attendance.checkIn')}
                  </Button>
                )}
                {/* The one who takes the minutes (often the secretary himself) is marked, and so present. */}
                {manage && open && !minuteTakerMarked && (
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconNotes size={14} />}
                    loading={markMinuteTaker.isPending && markMinuteTaker.variables === row.attendeeId}
                    aria-label={t('meetings.attendance.markMinuteTakerOf', { name: row.fullName })}
                    onClick={() =>
                      markMinuteTaker.mutate(row.attendeeId, {
                        onSuccess: () =>
                          notifications.show({
                            color: 'green',
                            message: t('meetings.attendance.minuteTakerDone', { name: row.fullName }),
                          }),
                      })
                    }
                  >
                    {t('meetings.attendance.markMinuteTaker')}
                  </Button>
                )}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
