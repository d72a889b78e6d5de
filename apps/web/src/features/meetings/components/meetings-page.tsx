import {
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { todayInVietnam } from '@steerco/contract/datetime';
import type { Meeting, MeetingStatus } from '@steerco/contract/meetings';
import { IconCalendarEvent, IconCalendarPlus, IconClock, IconMapPin, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { committeeQueryOptions, committeesQueryOptions } from '../../committees/api.ts';
import { type MeetingsSearch, meetingsQueryOptions } from '../api.ts';
import { formatVietnamDateTime, orderMeetings, vietnamTime, vietnamYear } from '../meetings.ts';
import { CreateMeetingModal } from './create-meeting-modal.tsx';
import { GenerateCalendarModal } from './generate-calendar-modal.tsx';
import { MeetingFlagBadges, MeetingKindBadge, MeetingStatusBadge } from './meeting-badges.tsx';

interface MeetingsPageProps {
  search: MeetingsSearch;
  onSearchChange: (search: MeetingsSearch) => void;
}

const STATUSES: MeetingStatus[] = ['draft', 'noticeSent', 'held', 'closed', 'cancelled'];

/**
 * Cuộc họp: a committee's meetings (or, without one, those I am invited to), upcoming first; the standing
 * agency schedules a meeting or drafts the year's periodic ones (R8).
 */
export function MeetingsPage({ search, onSearchChange }: MeetingsPageProps) {
  const { t } = useTranslation();
  const mine = useQuery(committeesQueryOptions({ mine: true }));
  const all = useQuery({ ...committeesQueryOptions({}), enabled: mine.data?.length === 0 });
  const committees = mine.data?.length ? mine.data : (all.data ?? []);
  // Someone on one committee sees its meetings straight away.
  const committeeId = search.ban ?? (mine.data?.length === 1 ? mine.data[0]!.id : undefined);
  const committee = useQuery({
    ...committeeQueryOptions(committeeId ?? ''),
    enabled: !!committeeId,
  });
  const canManage = !!committee.data?.myPermissions.includes('meeting.manage');
  const meetings = useQuery(meetingsQueryOptions(committeeId ? { committeeId } : { mine: true }));
  const [creating, setCreating] = useState(false);
  const [generating, setGenerating] = useState(false);

  const thisYear = Number(todayInVietnam().slice(0, 4));
  const years = [
    ...new Set([thisYear, thisYear + 1, ...(meetings.data ?? []).map((m) => vietnamYear(m.startsAt))]),
  ].sort((a, b) => b - a);
  const { upcoming, past } = orderMeetings(meetings.data ?? [], { status: search.status, year: search.nam });

  return (
    <>
      <PageHeader
        title={t('meetings.title')}
        description={t('meetings.subtitle')}
        actions={
          canManage &&
          committee.data && (
            <>
              <Button
                variant="default"
                leftSection={<IconCalendarEvent size={16} />}
                onClick={() => setGenerating(true)}
              >
                {t('meetings.generate.open')}
              </Button>
              <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setCreating(true)}>
                {t('meetings.create.open')}
              </Button>
            </>
          )
        }
      />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Select
              label={t('meetings.filters.committee')}
              placeholder={t('meetings.filters.invitedOnly')}
              data={committees.map((c) => ({ value: c.id, label: c.name }))}
              value={committeeId ?? null}
              onChange={(ban) => onSearchChange({ ...search, ban: ban ?? undefined })}
              searchable
              clearable
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('meetings.filters.status')}
              placeholder={t('meetings.filters.allStatuses')}
              data={STATUSES.map((s) => ({ value: s, label: t(`meetings.status.${s}`) }))}
              value={search.status ?? null}
              onChange={(status) =>
                onSearchChange({ ...search, status: (status as MeetingStatus | null) ?? undefined })
              }
              clearable
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('meetings.filters.year')}
              placeholder={t('meetings.filters.allYears')}
              data={years.map(String)}
              value={search.nam ? String(search.nam) : null}
              onChange={(nam) => onSearchChange({ ...search, nam: nam ? Number(nam) : undefined })}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
          {meetings.isError && (
            <ProblemAlert error={meetings.error} onRetry={() => void meetings.refetch()} />
          )}
          {meetings.isPending && (
            <Center py="xl">
              <Loader aria-label={t('common.loading')} />
            </Center>
          )}
          {meetings.data &&
            (upcoming.length + past.length === 0 ? (
              <EmptyState icon={<IconCalendarEvent size={28} />} title={t('meetings.empty')}>
                {canManage ? t('meetings.emptyManage') : t('meetings.emptyHint')}
              </EmptyState>
            ) : (
              <Stack gap="lg" style={{ opacity: meetings.isPlaceholderData ? 0.6 : 1 }}>
                {upcoming.length > 0 && <MeetingList title={t('meetings.upcoming')} meetings={upcoming} />}
                {past.length > 0 && <MeetingList title={t('meetings.past')} meetings={past} />}
              </Stack>
            ))}
        </Stack>
      </Paper>
      {creating && committee.data && (
        <CreateMeetingModal committee={committee.data} onClose={() => setCreating(false)} />
      )}
      {generating && committee.data && (
        <GenerateCalendarModal
          committee={committee.data}
          defaultYear={search.nam ?? thisYear}
          onClose={() => setGenerating(false)}
        />
      )}
    </>
  );
}

function MeetingList({ title, meetings }: { title: string; meetings: Meeting[] }) {
  return (
    <Box component="section" aria-label={title}>
      <Title order={2} fz="h5" mb="xs">
        {title}
      </Title>
      <Stack gap="xs" component="ul" aria-label={title} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {meetings.map((m) => (
          <MeetingRow key={m.id} meeting={m} />
        ))}
      </Stack>
    </Box>
  );
}

function MeetingRow({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const day = formatVietnamDateTime(meeting.startsAt).slice(0, 10);
  return (
    <Paper component="li" withBorder radius="md" p="sm" aria-label={meeting.title}>
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Stack
          gap={0}
          align="center"
          miw={64}
          py={4}
          style={{ borderRight: '1px solid var(--mantine-color-default-border)', paddingRight: 12 }}
        >
          <Text fw={700} fz="lg" lh={1.1}>
            {day.slice(0, 5)}
          </Text>
          <Text size="xs" c="dimmed">
            {day.slice(6)}
          </Text>
        </Stack>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Anchor component={Link} to={`/cuoc-hop/${meeting.id}`} fw={600}>
            {meeting.title}
          </Anchor>
          <Group gap={6} wrap="wrap">
            <MeetingKindBadge kind={meeting.kind} />
            <MeetingStatusBadge status={meeting.status} />
            <MeetingFlagBadges meeting={meeting} />
          </Group>
          <Group gap="md" wrap="wrap">
            <Info icon={<IconClock size={14} />}>
              {t('meetings.timeRange', {
                from: vietnamTime(meeting.startsAt),
                to: vietnamTime(meeting.endsAt),
              })}
            </Info>
            {(meeting.place || meeting.onlineLink) && (
              <Info icon={<IconMapPin size={14} />}>{meeting.place ?? t('meetings.online')}</Info>
            )}
            {meeting.chairName && (
              <Info icon={<IconUser size={14} />}>
                {t('meetings.chairedBy', { name: meeting.chairName })}
              </Info>
            )}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

function Info({ icon, children }: { icon: React.ReactNode; children: React.ReactNode }) {
  return (
    <Group gap={4} wrap="nowrap" c="dimmed">
      {icon}
      <Text size="sm" c="dimmed">
        {children}
      </Text>
    </Group>
  );
}
