import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CommitteeDetail } from '@steerco/contract/committees';
import type { CommitteeRole } from '@steerco/contract/memberships';
import { IconChecklist, IconGitMerge } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../../components/fact.tsx';
import { RecordPage, RecordTabs } from '../../../components/record-page.tsx';
import { SampleBadge } from '../../../components/sample-badge.tsx';
import { EvaluationsTab } from '../../evaluations/components/evaluations-tab.tsx';
import { IndicatorsTab } from '../../indicators/components/indicators-tab.tsx';
import { PlansTab } from '../../plans/components/plans-tab.tsx';
import { COMMITTEE_TABS, type CommitteeTab } from '../api.ts';
import { CommitteeStatusBadge, DomainBadges, formatDecision, RoleBadge } from './committee-badges.tsx';
import { DelegationsTab } from './delegations-tab.tsx';
import { DutiesTab } from './duties-tab.tsx';
import { MembersTab } from './members-tab.tsx';
import { OrgChartTab } from './org-chart-tab.tsx';
import { PersonnelTab } from './personnel-tab.tsx';
import { RegulationTab } from './regulation-tab.tsx';
import { StandingAgenciesTab } from './standing-agencies-tab.tsx';
import { WorkingGroupsTab } from './working-groups-tab.tsx';

interface CommitteePageProps {
  committee: CommitteeDetail;
  tab: CommitteeTab;
  onTabChange: (tab: CommitteeTab) => void;
}

/** One committee: who it is (header) and, in tabs kept in the URL, everything about its organisation. */
export function CommitteePage({ committee, tab, onTabChange }: CommitteePageProps) {
  const { t } = useTranslation();
  const panels: Record<CommitteeTab, ReactNode> = {
    'thanh-vien': <MembersTab committee={committee} />,
    'phan-cong': <DutiesTab committee={committee} />,
    'so-do': <OrgChartTab committee={committee} />,
    'co-quan-thuong-truc': <StandingAgenciesTab committee={committee} />,
    'to-giup-viec': <WorkingGroupsTab committee={committee} />,
    'uy-quyen': <DelegationsTab committee={committee} />,
    'nhan-su': <PersonnelTab committee={committee} />,
    'quy-che': <RegulationTab committee={committee} />,
    'ke-hoach': <PlansTab committee={committee} />,
    'chi-so': <IndicatorsTab committee={committee} />,
    'danh-gia': <EvaluationsTab committee={committee} />,
  };
  return (
    <RecordPage
      back={{ to: '/ban-chi-dao', label: t('committees.back') }}
      title={committee.name}
      description={committee.unitName}
      actions={
        <Group gap={6}>
          <CommitteeStatusBadge status={committee.status} />
          {committee.isSample && <SampleBadge />}
          {/* The committee's tasks live on /nhiem-vu, filtered to it (issue #8). */}
          <Button
            variant="light"
            size="xs"
            leftSection={<IconChecklist size={14} />}
            renderRoot={(props) => <Link to="/nhiem-vu" search={{ ban: committee.id }} {...props} />}
          >
            {t('tasks.views.committee')}
          </Button>
        </Group>
      }
    >
      <CommitteeFacts committee={committee} onShowMergeHistory={() => onTabChange('so-do')} />
      <RecordTabs
        tabs={COMMITTEE_TABS}
        value={tab}
        onChange={onTabChange}
        label={t('committees.tabsLabel')}
        titleOf={(slug) => t(`committees.tabs.${slug}`)}
        panels={panels}
      />
    </RecordPage>
  );
}

function CommitteeFacts({
  committee,
  onShowMergeHistory,
}: {
  committee: CommitteeDetail;
  onShowMergeHistory: () => void;
}) {
  const { t } = useTranslation();
  const mergeDecision = committee.predecessors[0]?.mergeDecision;
  return (
    <Stack gap="sm">
      {committee.successor && (
        <Alert color="gray" variant="light" icon={<IconGitMerge size={18} />}>
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('committees.header.mergedInto', { name: committee.successor.name })}</Text>
            <Button component={Link} to={`/ban-chi-dao/${committee.successor.id}`} size="xs" variant="light">
              {t('committees.header.openSuccessor')}
            </Button>
          </Group>
        </Alert>
      )}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
          <Fact label={t('committees.header.unit')}>{committee.unitName}</Fact>
          <Fact label={t('committees.header.parent')}>
            {committee.parentName ?? t('committees.header.noParent')}
          </Fact>
          <Fact label={t('committees.header.foundingDecision')}>
            {formatDecision(committee.foundingDecision, t)}
            {committee.foundingDecision?.signer && (
              <Text size="xs" c="dimmed">
                {t('decision.signedBy', { signer: committee.foundingDecision.signer })}
              </Text>
            )}
          </Fact>
          <Fact label={t('committees.header.domains')}>
            <DomainBadges codes={committee.domains.map((d) => d.code)} domains={committee.domains} />
          </Fact>
          <Fact label={t('committees.header.myRole')}>
            {committee.myRole ? (
              <RoleBadge role={committee.myRole as CommitteeRole} />
            ) : (
              t('committees.header.notMember')
            )}
          </Fact>
          <Fact label={t('committees.header.members')}>{committee.memberCount}</Fact>
        </SimpleGrid>
        {committee.predecessors.length > 0 && (
          <Group gap="xs" mt="md" wrap="nowrap" align="flex-start">
            <IconGitMerge
              size={16}
              color="var(--mantine-color-dimmed)"
              aria-hidden
              style={{ marginTop: 3, flexShrink: 0 }}
            />
            <Text size="sm" c="dimmed">
              {t('committees.header.mergedFrom', {
                count: committee.predecessors.length,
                decision: mergeDecision?.number ?? t('decision.none'),
              })}{' '}
              <Anchor component="button" type="button" size="sm" onClick={onShowMergeHistory}>
                {t('committees.header.showMergeHistory')}
              </Anchor>
            </Text>
          </Group>
        )}
      </Paper>
    </Stack>
  );
}
