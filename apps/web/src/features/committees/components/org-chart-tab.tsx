import { Anchor, Badge, Center, Group, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { formatDate } from '@steerco/contract/datetime';
import type { Membership } from '@steerco/contract/memberships';
import { IconArrowDown, IconGitMerge } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import {
  committeesQueryOptions,
  membersQueryOptions,
  type StandingAgency,
  standingAgenciesQueryOptions,
} from '../api.ts';
import { orgChartOf } from '../committees.ts';
import { CommitteeStatusBadge, DomainBadges, domainShort } from './committee-badges.tsx';

/**
 * Sơ đồ tổ chức: the head on top, the deputies (standing first, with the domain each leads), the secretary
 * and standing agencies, members, then residential group heads; and the merge history of the committee.
 * Plain flex boxes: tiers wrap on narrow screens and stack on a phone.
 */
export function OrgChartTab({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const members = useQuery(membersQueryOptions(committee.id));
  const agencies = useQuery(standingAgenciesQueryOptions(committee.id));
  const error = members.error ?? agencies.error;

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
        <Title order={2} fz="h5" mb="md">
          {t('orgChart.title')}
        </Title>
        {error && (
          <ProblemAlert
            error={error}
            onRetry={() => void Promise.all([members.refetch(), agencies.refetch()])}
          />
        )}
        {(members.isPending || agencies.isPending) && !error && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        {members.data && agencies.data && (
          <OrgChart committee={committee} members={members.data} agencies={agencies.data} />
        )}
      </Paper>
      <MergeHistory committee={committee} />
    </Stack>
  );
}

function OrgChart({
  committee,
  members,
  agencies,
}: {
  committee: CommitteeDetail;
  members: Membership[];
  agencies: StandingAgency[];
}) {
  const { t } = useTranslation();
  const chart = orgChartOf(members);
  if (members.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="md">
        {t('orgChart.empty')}
      </Text>
    );
  }
  const tiers: { key: string; label: string; tone: string; nodes: ReactNode[] }[] = [
    {
      key: 'head',
      label: t('orgChart.head'),
      tone: 'govRed',
      nodes: chart.heads.map((m) => <PersonNode key={m.id} member={m} tone="govRed" wide />),
    },
    {
      key: 'deputies',
      label: t('orgChart.deputies'),
      tone: 'orange',
      nodes: chart.deputies.map((m) => <PersonNode key={m.id} member={m} tone="orange" />),
    },
    {
      key: 'secretariat',
      label: t('orgChart.secretariat'),
      tone: 'blue',
      nodes: [
        ...chart.secretaries.map((m) => <PersonNode key={m.id} member={m} tone="blue" />),
        ...agencies.map((a) => <AgencyNode key={a.id} agency={a} committee={committee} />),
      ],
    },
    {
      key: 'members',
      label: t('orgChart.members'),
      tone: 'teal',
      nodes: chart.members.map((m) => <PersonNode key={m.id} member={m} tone="teal" />),
    },
    {
      key: 'residentialGroupHeads',
      label: t('orgChart.residentialGroupHeads'),
      tone: 'grape',
      nodes: chart.residentialGroupHeads.map((m) => <PersonNode key={m.id} member={m} tone="grape" />),
    },
    {
      key: 'guests',
      label: t('orgChart.guests'),
      tone: 'gray',
      nodes: chart.guests.map((m) => <PersonNode key={m.id} member={m} tone="gray" />),
    },
  ].filter((tier) => tier.nodes.length > 0);

  return (
    <section className="org-chart" aria-label={t('orgChart.caption')}>
      {tiers.map((tier) => (
        <section key={tier.key} className="org-tier" aria-label={tier.label}>
          <Text className="org-tier-label" size="xs" fw={700} c={`${tier.tone}.8`}>
            {tier.label}
          </Text>
          <div className="org-tier-row">{tier.nodes}</div>
        </section>
      ))}
    </section>
  );
}

function PersonNode({ member, tone, wide }: { member: Membership; tone: string; wide?: boolean }) {
  const { t } = useTranslation();
  return (
    <div
      className={wide ? 'org-node org-node-wide' : 'org-node'}
      style={{ borderTopColor: `var(--mantine-color-${tone}-6)` }}
    >
      <Text fw={700} size="sm">
        {member.fullName}
      </Text>
      <Text size="xs" c={`${tone}.8`} fw={600}>
        {t(`committees.roles.${member.role}`)}
        {member.isStanding ? ` · ${t('committees.standing')}` : ''}
      </Text>
      {member.position && (
        <Text size="xs" c="dimmed" mt={2}>
          {member.position}
        </Text>
      )}
      {member.leadDomain && (
        <Badge size="sm" mt={6} color="gray" variant="outline">
          {t('committees.leads', { domain: domainShort(member.leadDomain) })}
        </Badge>
      )}
    </div>
  );
}

function AgencyNode({ agency, committee }: { agency: StandingAgency; committee: CommitteeDetail }) {
  const { t } = useTranslation();
  return (
    <div className="org-node org-node-agency" style={{ borderTopColor: 'var(--mantine-color-blue-3)' }}>
      <Text fw={700} size="sm">
        {agency.unitName}
      </Text>
      <Text size="xs" c="blue.8" fw={600}>
        {t('orgChart.agency')}
      </Text>
      <Group justify="center" mt={6}>
        <DomainBadges codes={agency.domains} domains={committee.domains} />
      </Group>
    </div>
  );
}

/** The committees merged into this one (seed 000: three committees of Phúc La by decision 51/QĐ-UBND). */
function MergeHistory({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const decisions = [...new Set(committee.predecessors.map((p) => p.mergeDecision?.number ?? ''))];
  // Former committees are linked only when the viewer may open them (a ward's secretary may not see its
  // district's other committees).
  const visible = useQuery({ ...committeesQueryOptions(), enabled: committee.predecessors.length > 0 });
  const visibleIds = new Set((visible.data ?? []).map((c) => c.id));
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'lg' }}
      component="section"
      aria-label={t('orgChart.mergeHistory')}
    >
      <Group gap="xs" mb={4}>
        <ThemeIcon variant="light" color="gray" size="sm" aria-hidden>
          <IconGitMerge size={14} />
        </ThemeIcon>
        <Title order={2} fz="h5">
          {t('orgChart.mergeHistory')}
        </Title>
      </Group>
      {committee.predecessors.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('orgChart.noMerge')}
        </Text>
      ) : (
        <Stack gap="sm" mt="sm">
          <Text size="sm" c="dimmed">
            {t('orgChart.mergeHistoryHint')}
          </Text>
          <Group gap="sm" align="stretch" wrap="wrap">
            {committee.predecessors.map((p) => (
              <Paper key={p.id} withBorder radius="sm" p="sm" bg="gray.0" style={{ flex: '1 1 14rem' }}>
                {visibleIds.has(p.id) ? (
                  <Anchor component={Link} to={`/ban-chi-dao/${p.id}`} size="sm" fw={600}>
                    {p.name}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={600}>
                    {p.name}
                  </Text>
                )}
                <Group gap={6} mt={4}>
                  <CommitteeStatusBadge status={p.status} />
                </Group>
              </Paper>
            ))}
          </Group>
          <Center>
            <IconArrowDown size={20} color="var(--mantine-color-dimmed)" aria-hidden />
          </Center>
          <Paper withBorder radius="sm" p="sm" style={{ borderColor: 'var(--mantine-color-govRed-4)' }}>
            <Text size="sm" fw={700}>
              {committee.name}
            </Text>
            {decisions.map((number) => {
              const decision = committee.predecessors.find(
                (p) => (p.mergeDecision?.number ?? '') === number,
              )?.mergeDecision;
              return (
                <Text key={number} size="sm" c="dimmed">
                  {decision
                    ? `${t('orgChart.mergedBy', { decision: decision.number })} — ${formatDate(decision.date)}${
                        decision.signer ? ` · ${decision.signer}` : ''
                      }`
                    : t('decision.none')}
                </Text>
              );
            })}
          </Paper>
        </Stack>
      )}
    </Paper>
  );
}
