import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MinutesView } from '../api.ts';
import { headcountParts } from '../meetings.ts';

/** The attendance as the minutes print it (inserted automatically), with the headcount and the minute-taker. */
export function MinutesAttendance({ minutes }: { minutes: MinutesView }) {
  const { t } = useTranslation();
  const { rows, quorum, headcount } = minutes.attendance;
  const minuteTaker = rows.find((r) => r.minuteTaker);
  const names = (statuses: string[]) =>
    rows
      .filter((r) => statuses.includes(r.status))
      .map((r) =>
        r.status === 'substitutePresent' && r.substituteName
          ? t('meetings.minutes.substituteFor', { name: r.substituteName, member: r.fullName })
          : r.substituteName
            ? `${r.fullName} (${t('meetings.attendance.substitute', { name: r.substituteName })})`
            : r.fullName,
      );
  const lines = [
    ['present', names(['present', 'substitutePresent'])],
    ['guests', names(['guestPresent'])],
    ['absentApproved', names(['absentApproved'])],
    ['absentNotApproved', names(['absentNotApproved'])],
    ['notYet', names(['notArrived', 'notAnswered', 'absencePending'])],
  ] as const;
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-label={t('meetings.minutes.attendance')}
    >
      <Title order={2} fz="h5" mb={4}>
        {t('meetings.minutes.attendance')}
      </Title>
      <Text size="sm" fw={600} mb={2} data-testid="minutes-headcount">
        {t('meetings.attendance.headcount', {
          text: headcountParts(headcount)
            .map((part) => t(`meetings.attendance.${part.key}`, { count: part.count }))
            .join(', '),
        })}
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        {t('meetings.attendance.quorumLine', {
          present: quorum.present,
          members: quorum.members,
          required: quorum.required,
        })}
      </Text>
      {minuteTaker && (
        <Text size="sm" mb="xs">
          {t('meetings.minutes.minuteTaker', { name: minuteTaker.fullName })}
        </Text>
      )}
      <Stack gap={4}>
        {lines.map(([key, list]) =>
          list.length ? (
            <Text size="sm" key={key}>
              <Text span fw={600}>
                {t(`meetings.minutes.attendanceLines.${key}`)}:
              </Text>{' '}
              {list.join('; ')}
            </Text>
          ) : null,
        )}
      </Stack>
    </Paper>
  );
}
