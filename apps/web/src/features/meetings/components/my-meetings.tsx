import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { todayInVietnam } from '@steerco/contract/datetime';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { meetingsQueryOptions } from '../api.ts';
import { formatVietnamDateTime, orderMeetings, vietnamTime } from '../meetings.ts';
import { MeetingStatusBadge } from './meeting-badges.tsx';

/** Cuộc họp sắp tới (dashboard): the next meetings I am invited to, cancelled ones left out. */
export function MyMeetings() {
  const { t } = useTranslation();
  const meetings = useQuery(meetingsQueryOptions({ mine: true }));
  const next = orderMeetings(meetings.data ?? [], {})
    .upcoming.filter((m) => m.status !== 'cancelled' && m.status !== 'draft')
    .slice(0, 4);
  if (!next.length) return null;
  const today = todayInVietnam();
  return (
    <Stack gap="md" component="section" aria-label={t('meetings.dashboard.title')}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={2} fz="h4">
          {t('meetings.dashboard.title')}
        </Title>
        <Anchor component={Link} to="/cuoc-hop" size="sm">
          {t('meetings.dashboard.all')}
        </Anchor>
      </Group>
      <Stack gap="xs">
        {next.map((m) => {
          const day = formatVietnamDateTime(m.startsAt).slice(0, 10);
          return (
            <Paper key={m.id} withBorder radius="md" p="sm">
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
                  <Anchor component={Link} to={`/cuoc-hop/${m.id}`} fw={600}>
                    {m.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {day === today.split('-').reverse().join('/')
                      ? t('meetings.dashboard.today', { time: vietnamTime(m.startsAt) })
                      : t('meetings.dashboard.when', { date: day, time: vietnamTime(m.startsAt) })}
                    {m.place ? ` · ${m.place}` : ''}
                  </Text>
                </Stack>
                <MeetingStatusBadge status={m.status} />
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}
