import { Anchor, Card, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { formatDate } from '@steerco/contract/datetime';
import type { User } from '@steerco/contract/users';
import {
  IconBuilding,
  IconBuildingCommunity,
  IconCalendar,
  IconCalendarTime,
  IconId,
  IconSitemap,
  IconUsers,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, type LinkProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isAdmin } from '../../auth/api.ts';
import { committeesQueryOptions } from '../../committees/api.ts';
import { DomainBadges } from '../../committees/components/committee-badges.tsx';
import { InboxCard } from '../../inbox/components/inbox-card.tsx';
import { MyMeetings } from '../../meetings/components/my-meetings.tsx';
import { COMMITTEE_MODULES } from '../../modules/modules.ts';
import { ReportsGlance } from '../../reports/components/reports-glance.tsx';
import { TaskCounters } from '../../tasks/components/task-counters.tsx';
import { dashboardQueryOptions } from '../api.ts';
import { ManagedCommitteesCharts, MyTasksChart } from './task-charts.tsx';

/** Tổng quan: who is signed in, for which unit, today's date, and the way into each module. */
export function DashboardPage({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <Paper
        withBorder
        radius="md"
        p={{ base: 'md', sm: 'lg' }}
        style={{ borderLeft: '4px solid var(--mantine-color-govRed-8)' }}
      >
        <Stack gap="sm">
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('dashboard.greeting', { name: user.fullName })}
          </Title>
          <Group gap="lg" wrap="wrap">
            {user.position && (
              <ProfileFact
                icon={<IconId size={16} />}
                label={t('dashboard.position')}
                value={user.position}
              />
            )}
            {user.unitName && (
              <ProfileFact
                icon={<IconBuilding size={16} />}
                label={t('dashboard.unit')}
                value={user.unitName}
              />
            )}
            <ProfileFact
              icon={<IconCalendar size={16} />}
              value={t('dashboard.today', { date: formatDate(new Date()) })}
            />
          </Group>
        </Stack>
      </Paper>

      <InboxCard />

      <MyTasks />

      <MyMeetings />

      <MyCommittees />

      <Stack gap="md">
        <Title order={2} fz="h4">
          {t('dashboard.modules')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {COMMITTEE_MODULES.map((module) => (
            <ModuleCard
              key={module.key}
              to={module.path}
              icon={<module.icon size={22} />}
              title={t(`modules.${module.key}.title`)}
              summary={t(`modules.${module.key}.summary`)}
            />
          ))}
          {isAdmin(user) && (
            <>
              <ModuleCard
                to="/quan-tri/nguoi-dung"
                icon={<IconUsers size={22} />}
                title={t('nav.users')}
                summary={t('users.subtitle')}
              />
              <ModuleCard
                to="/quan-tri/don-vi"
                icon={<IconSitemap size={22} />}
                title={t('nav.units')}
                summary={t('units.subtitle')}
              />
              <ModuleCard
                to="/lich-lam-viec"
                icon={<IconCalendarTime size={22} />}
                title={t('nav.calendar')}
                summary={t('calendar.subtitle')}
              />
            </>
          )}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}

/**
 * Nhiệm vụ của tôi: live counters (open, due soon, overdue, waiting for my review), each opening its list, my
 * tasks by display status, and the charts of the committees I manage: all from the dashboard's one request.
 */
function MyTasks() {
  const { t } = useTranslation();
  const mine = useQuery(committeesQueryOptions({ mine: true }));
  const counters = useQuery(dashboardQueryOptions);
  if (!mine.data?.length) return null;
  const myTasks = counters.data?.myTasks;
  return (
    <>
      <Stack gap="md" component="section" aria-label={t('tasks.dashboard.title')}>
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2}>
            <Title order={2} fz="h4">
              {t('tasks.dashboard.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('tasks.dashboard.hint')}
            </Text>
          </Stack>
          <Anchor component={Link} to="/nhiem-vu" size="sm">
            {t('tasks.dashboard.all')}
          </Anchor>
        </Group>
        <TaskCounters counters={['open', 'dueSoon', 'overdue', 'reviewer']} values={myTasks ?? {}} />
        <MyTasksChart counts={myTasks ?? {}} pending={counters.isPending} error={counters.error} />
      </Stack>
      {counters.data && <ManagedCommitteesCharts managed={counters.data.managedCommittees} />}
      {counters.data && <ReportsGlance reports={counters.data.reports} />}
    </>
  );
}

/** Ban Chỉ đạo của tôi: a card for each committee I sit on, straight to its page. */
function MyCommittees() {
  const { t } = useTranslation();
  const mine = useQuery(committeesQueryOptions({ mine: true }));
  if (!mine.data?.length) return null;
  return (
    <Stack gap="md" component="section" aria-label={t('dashboard.myCommittees')}>
      <Stack gap={2}>
        <Title order={2} fz="h4">
          {t('dashboard.myCommittees')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('dashboard.myCommitteesHint')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {mine.data.map((committee) => (
          <Card
            key={committee.id}
            renderRoot={(props) => <Link to={`/ban-chi-dao/${committee.id}`} {...props} />}
            padding="lg"
            style={{
              textDecoration: 'none',
              color: 'inherit',
              borderLeft: '4px solid var(--mantine-color-govRed-8)',
            }}
            className="module-card"
          >
            <Group gap="md" wrap="nowrap" align="flex-start">
              <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
                <IconBuildingCommunity size={22} />
              </ThemeIcon>
              <Stack gap={6} style={{ minWidth: 0 }}>
                <Text fw={650}>{committee.name}</Text>
                <Text size="sm" c="dimmed">
                  {committee.unitName} · {t('committees.memberCount', { count: committee.memberCount })}
                </Text>
                <DomainBadges codes={committee.domains.map((d) => d.code)} domains={committee.domains} />
              </Stack>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function ProfileFact({ icon, label, value }: { icon: ReactNode; label?: string; value: string }) {
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <ThemeIcon variant="light" color="gray" size="sm" aria-hidden>
        {icon}
      </ThemeIcon>
      <Text size="sm">
        {label && (
          <Text span c="dimmed" size="sm">
            {label}:{' '}
          </Text>
        )}
        {value}
      </Text>
    </Group>
  );
}

interface ModuleCardProps {
  to: LinkProps['to'];
  icon: ReactNode;
  title: string;
  summary: string;
}

function ModuleCard({ to, icon, title, summary }: ModuleCardProps) {
  return (
    <Card
      renderRoot={(props) => <Link to={to} {...props} />}
      padding="lg"
      style={{ textDecoration: 'none', color: 'inherit' }}
      className="module-card"
    >
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
          {icon}
        </ThemeIcon>
        <Stack gap={4}>
          <Text fw={650}>{title}</Text>
          <Text size="sm" c="dimmed">
            {summary}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
