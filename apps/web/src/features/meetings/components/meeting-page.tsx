import { Anchor, Group, Paper, SimpleGrid } from '@mantine/core';
import { formatDateTime } from '@steerco/contract/datetime';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../../components/fact.tsx';
import { RecordPage, RecordTabs } from '../../../components/record-page.tsx';
import { MEETING_TABS, type MeetingTab, type MeetingView } from '../api.ts';
import { vietnamTime } from '../meetings.ts';
import { AgendaTab } from './agenda-tab.tsx';
import { AttendanceTab } from './attendance-tab.tsx';
import { InfoTab } from './info-tab.tsx';
import { InvitationsTab } from './invitations-tab.tsx';
import { MeetingFlagBadges, MeetingKindBadge, MeetingStatusBadge } from './meeting-badges.tsx';
import { MinutesTab } from './minutes-tab.tsx';
import { MyAnswer } from './my-answer.tsx';
import { OpinionsTab } from './opinions-tab.tsx';

interface MeetingPageProps {
  meeting: MeetingView;
  tab: MeetingTab;
  onTabChange: (tab: MeetingTab) => void;
}

/** One meeting: when and where (header), my own answer, and in tabs kept in the URL everything about it. */
export function MeetingPage({ meeting, tab, onTabChange }: MeetingPageProps) {
  const { t } = useTranslation();
  const panels: Record<MeetingTab, ReactNode> = {
    'thong-tin': <InfoTab meeting={meeting} />,
    'chuong-trinh': <AgendaTab meeting={meeting} />,
    'giay-moi': <InvitationsTab meeting={meeting} />,
    'y-kien': <OpinionsTab meeting={meeting} />,
    'diem-danh': <AttendanceTab meeting={meeting} />,
    'bien-ban': <MinutesTab meeting={meeting} />,
  };
  const start = formatDateTime(meeting.startsAt);
  return (
    <RecordPage
      back={{ to: '/cuoc-hop', label: t('meetings.back') }}
      title={meeting.title}
      actions={
        <Group gap={6}>
          <MeetingKindBadge kind={meeting.kind} />
          <MeetingStatusBadge status={meeting.status} />
          <MeetingFlagBadges meeting={meeting} />
        </Group>
      }
    >
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="sm">
          <Fact label={t('meetings.facts.when')}>
            {t('meetings.facts.whenValue', {
              date: start.slice(6),
              from: vietnamTime(meeting.startsAt),
              to: vietnamTime(meeting.endsAt),
            })}
          </Fact>
          <Fact label={t('meetings.facts.where')}>
            {meeting.place ?? (meeting.onlineLink ? t('meetings.online') : t('common.notSet'))}
            {meeting.onlineLink && (
              <Anchor href={meeting.onlineLink} target="_blank" rel="noreferrer" size="xs" display="block">
                {t('meetings.facts.joinOnline')}
              </Anchor>
            )}
          </Fact>
          <Fact label={t('meetings.facts.chair')}>{meeting.chairName ?? t('common.notSet')}</Fact>
          <Fact label={t('meetings.facts.deadline')}>
            {meeting.recordedAfterwards
              ? t('meetings.recorded.badge')
              : formatDateTime(meeting.confirmationDeadline)}
          </Fact>
        </SimpleGrid>
      </Paper>
      <MyAnswer meeting={meeting} />
      <RecordTabs
        tabs={MEETING_TABS}
        value={tab}
        onChange={onTabChange}
        label={t('meetings.tabsLabel')}
        titleOf={(slug) => t(`meetings.tabs.${slug}`)}
        panels={panels}
      />
    </RecordPage>
  );
}
