import { Badge, Button, Center, Group, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime } from '@steerco/contract/datetime';
import { IconUserCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { attendanceQueryOptions, canOnMeeting, type MeetingView, useCheckIn } from '../api.ts';
import { vietnamTime } from '../meetings.ts';
import { CheckInQr } from './check-in-qr.tsx';

const STATUS_COLORS = {
  present: 'green',
  substitutePresent: 'teal',
  guestPresent: 'blue',
  absentApproved: 'gray',
  absentNotApproved: 'red',
  notArrived: 'yellow',
} as const;

/** Self check-in opens two hours before the start and closes at the end (the server's rule). */
const CHECK_IN_OPENS_MS = 2 * 3_600_000;

/**
 * Điểm danh: the secretary checks people in (or they check themselves in on their phone), the attendance list
 * with member / substitute / guest / absent with or without approval, and the quorum.
 */
export function AttendanceTab({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const attendance = useQuery(attendanceQueryOptions(meeting.id));
  const checkIn = useCheckIn(meeting.id);
  const manage = canOnMeeting(meeting, 'meeting.manage');
  const open = meeting.status === 'noticeSent' || meeting.status === 'held';
  const now = Date.now();
  const selfOpen =
    open &&
    now >= new Date(meeting.startsAt).getTime() - CHECK_IN_OPENS_MS &&
    now <= new Date(meeting.endsAt).getTime();

  if (attendance.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (attendance.isError)
    return <ProblemAlert error={attendance.error} onRetry={() => void attendance.refetch()} />;
  const { rows, quorum } = attendance.data;
  const mine = rows.find((r) => r.attendeeId === meeting.myAttendeeId);
  const share = quorum.members ? Math.round((quorum.present / quorum.members) * 100) : 0;

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
      {mine && !mine.checkedInAt && open && (
        <Paper withBorder radius="md" p="sm">
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              {selfOpen
                ? t('meetings.attendance.selfOpen')
                : t('meetings.attendance.selfClosed', {
                    from: vietnamTime(
                      new Date(new Date(meeting.startsAt).getTime() - CHECK_IN_OPENS_MS).toISOString(),
                    ),
                  })}
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
      <ProblemAlert error={checkIn.error} />
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
              {/* One's own check-in follows the self check-in hours (the server's rule), above. */}
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
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
