import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { formatDate, todayInVietnam } from '@steerco/contract/datetime';
import { IconChevronLeft, IconChevronRight, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { addDays, mondayFirstWeekday } from '../../../lib/dates.ts';
import { committeesQueryOptions } from '../../committees/api.ts';
import { type ScheduleDeadline, type ScheduleMeeting, scheduleQueryOptions } from '../api.ts';
import { CalendarFeedCard } from './calendar-feed-card.tsx';

type View = 'week' | 'month';
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const time = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
const dayOf = (iso: string) => todayInVietnam(new Date(iso));

/** The range a view shows around `anchor`: Monday to Sunday, or the month's weeks (Monday to Sunday). */
function rangeOf(view: View, anchor: string) {
  if (view === 'week') {
    const from = addDays(anchor, -mondayFirstWeekday(anchor));
    return { from, to: addDays(from, 6) };
  }
  const first = `${anchor.slice(0, 7)}-01`;
  const from = addDays(first, -mondayFirstWeekday(first));
  const nextMonth = addDays(first, 32).slice(0, 7);
  const last = addDays(`${nextMonth}-01`, -1);
  return { from, to: addDays(last, 6 - mondayFirstWeekday(last)) };
}

/**
 * Lịch công tác (issue 19): the week's meetings as a Vietnamese office publishes them (day, time, content,
 * chair, place) with the week's task deadlines, or a month at a glance; filtered by committee; printable on A4;
 * and the personal calendar address to subscribe to.
 */
export function SchedulePage() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('week');
  const [anchor, setAnchor] = useState(() => todayInVietnam());
  const [committeeId, setCommitteeId] = useState<string | null>(null);
  const { from, to } = rangeOf(view, anchor);
  const schedule = useQuery(scheduleQueryOptions(from, to, committeeId));
  const committees = useQuery(committeesQueryOptions({ mine: true }));
  const move = (step: number) =>
    setAnchor(view === 'week' ? addDays(anchor, 7 * step) : addDays(`${anchor.slice(0, 7)}-15`, 30 * step));
  const committeeName = committees.data?.find((c) => c.id === committeeId)?.name;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('schedule.title')}
        description={t('schedule.subtitle')}
        actions={
          <Button
            variant="light"
            leftSection={<IconPrinter size={16} />}
            onClick={() => window.print()}
            className="no-print"
          >
            {t('schedule.print')}
          </Button>
        }
      />
      <Group gap="sm" wrap="wrap" className="no-print" align="flex-end">
        <SegmentedControl
          aria-label={t('schedule.view')}
          value={view}
          onChange={(v) => setView(v as View)}
          data={[
            { value: 'week', label: t('schedule.week') },
            { value: 'month', label: t('schedule.month') },
          ]}
        />
        <Group gap={4}>
          <Button variant="default" onClick={() => move(-1)} aria-label={t('schedule.previous')} px="xs">
            <IconChevronLeft size={16} />
          </Button>
          <Button variant="default" onClick={() => setAnchor(todayInVietnam())}>
            {t('schedule.today')}
          </Button>
          <Button variant="default" onClick={() => move(1)} aria-label={t('schedule.next')} px="xs">
            <IconChevronRight size={16} />
          </Button>
        </Group>
        <Select
          label={t('schedule.committee')}
          placeholder={t('schedule.allCommittees')}
          value={committeeId}
          onChange={setCommitteeId}
          clearable
          data={(committees.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          w={{ base: '100%', sm: 420 }}
        />
      </Group>
      <Text fw={700} fz="lg" ta="center">
        {view === 'week'
          ? t('schedule.weekOf', { from: formatDate(from), to: formatDate(to) })
          : t('schedule.monthOf', { month: `${anchor.slice(5, 7)}/${anchor.slice(0, 4)}` })}
        {committeeName ? ` — ${committeeName}` : ''}
      </Text>
      {schedule.error && <ProblemAlert error={schedule.error} />}
      {schedule.isPending ? (
        <Loader />
      ) : schedule.data && view === 'week' ? (
        <WeekTable from={from} meetings={schedule.data.meetings} deadlines={schedule.data.deadlines} />
      ) : schedule.data ? (
        <MonthGrid
          from={from}
          to={to}
          month={anchor.slice(0, 7)}
          meetings={schedule.data.meetings}
          deadlines={schedule.data.deadlines}
        />
      ) : null}
      <div className="no-print">
        <CalendarFeedCard />
      </div>
    </Stack>
  );
}

function WeekTable({
  from,
  meetings,
  deadlines,
}: {
  from: string;
  meetings: ScheduleMeeting[];
  deadlines: ScheduleDeadline[];
}) {
  const { t } = useTranslation();
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  return (
    <Table withTableBorder withColumnBorders className="schedule-table" aria-label={t('schedule.title')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={120}>{t('schedule.columns.day')}</Table.Th>
          <Table.Th w={70}>{t('schedule.columns.time')}</Table.Th>
          <Table.Th>{t('schedule.columns.content')}</Table.Th>
          <Table.Th w={170}>{t('schedule.columns.chair')}</Table.Th>
          <Table.Th w={170}>{t('schedule.columns.place')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {days.map((day) => {
          const ofDay = meetings.filter((m) => dayOf(m.startsAt) === day);
          const due = deadlines.filter((d) => d.deadline === day);
          const rows = Math.max(1, ofDay.length) + (due.length ? 1 : 0);
          const dayCell = (
            <Table.Td key="day" rowSpan={rows} style={{ verticalAlign: 'top' }}>
              <Text fw={700} size="sm">
                {t(`schedule.weekdays.${WEEKDAYS[mondayFirstWeekday(day)]!}`)}
              </Text>
              <Text size="sm">{formatDate(day)}</Text>
            </Table.Td>
          );
          return [
            ...(ofDay.length
              ? ofDay.map((m, i) => (
                  <Table.Tr key={m.id}>
                    {i === 0 && dayCell}
                    <Table.Td>{time(m.startsAt)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/cuoc-hop/${m.id}`} size="sm" fw={600}>
                        {m.title}
                      </Anchor>
                      {m.status === 'cancelled' && (
                        <Badge color="red" variant="light" ml="xs" size="sm">
                          {t('schedule.cancelled')}
                        </Badge>
                      )}
                      <Text size="xs" c="gray.7">
                        {m.committeeName}
                      </Text>
                    </Table.Td>
                    <Table.Td>{m.chairName ?? ''}</Table.Td>
                    <Table.Td>{m.place ?? ''}</Table.Td>
                  </Table.Tr>
                ))
              : [
                  <Table.Tr key={`${day}-none`}>
                    {dayCell}
                    <Table.Td colSpan={4}>
                      <Text size="sm" c="gray.7">
                        {t('schedule.noMeetings')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>,
                ]),
            ...(due.length
              ? [
                  <Table.Tr key={`${day}-due`}>
                    <Table.Td colSpan={4}>
                      <Text size="sm" fw={600}>
                        {t('schedule.deadlines', { count: due.length })}
                      </Text>
                      {due.map((d) => (
                        <Text size="sm" key={d.id}>
                          •{' '}
                          <Anchor component={Link} to={`/nhiem-vu/${d.id}`} size="sm">
                            {d.title}
                          </Anchor>{' '}
                          <Text span size="xs" c="gray.7">
                            ({d.committeeName})
                          </Text>
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>,
                ]
              : []),
          ];
        })}
      </Table.Tbody>
    </Table>
  );
}

function MonthGrid({
  from,
  to,
  month,
  meetings,
  deadlines,
}: {
  from: string;
  to: string;
  month: string;
  meetings: ScheduleMeeting[];
  deadlines: ScheduleDeadline[];
}) {
  const { t } = useTranslation();
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const today = todayInVietnam();
  return (
    <SimpleGrid cols={7} spacing={4} className="schedule-month">
      {WEEKDAYS.map((w) => (
        <Text key={`h${w}`} fw={700} size="sm" ta="center">
          {t(`schedule.weekdays.${w}`)}
        </Text>
      ))}
      {days.map((day) => {
        const ofDay = meetings.filter((m) => dayOf(m.startsAt) === day);
        const due = deadlines.filter((d) => d.deadline === day).length;
        return (
          <Card
            key={day}
            withBorder
            padding={6}
            radius="sm"
            mih={96}
            style={{
              opacity: day.startsWith(month) ? 1 : 0.55,
              borderColor: day === today ? 'var(--mantine-color-govRed-7)' : undefined,
            }}
          >
            <Text size="xs" fw={700}>
              {day.slice(8, 10)}
            </Text>
            {ofDay.map((m) => (
              <Anchor
                key={m.id}
                component={Link}
                to={`/cuoc-hop/${m.id}`}
                size="xs"
                display="block"
                td={m.status === 'cancelled' ? 'line-through' : undefined}
                lineClamp={2}
              >
                {time(m.startsAt)} {m.title}
              </Anchor>
            ))}
            {due > 0 && (
              <Badge size="xs" variant="light" color="orange" mt={2}>
                {t('schedule.deadlinesShort', { count: due })}
              </Badge>
            )}
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
