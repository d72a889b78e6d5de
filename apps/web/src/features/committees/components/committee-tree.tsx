import { ActionIcon, Anchor, Box, Center, Group, Loader, Text } from '@mantine/core';
import type { UnitLevel } from '@steerco/contract/units';
import { IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { SampleBadge } from '../../../components/sample-badge.tsx';
import { UnitLevelBadge } from '../../units/components/unit-level-badge.tsx';
import { type CommitteeSummary, childCommitteesQueryOptions } from '../api.ts';
import { CommitteeStatusBadge } from './committee-badges.tsx';

interface CommitteeListProps {
  committees: CommitteeSummary[];
  depth: number;
  /** Search results and "mine" are flat: no expanding. */
  flat?: boolean;
  label?: string;
}

/** One level of the committee tree (national → province → district → ward); children load on expanding. */
export function CommitteeList({ committees, depth, flat, label }: CommitteeListProps) {
  return (
    <Box component="ul" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }}>
      {committees.map((committee) => (
        <CommitteeNode key={committee.id} committee={committee} depth={depth} flat={flat} />
      ))}
    </Box>
  );
}

const isUnitLevel = (level: string): level is UnitLevel =>
  ['national', 'province', 'district', 'commune', 'agency'].includes(level);

function CommitteeNode({
  committee,
  depth,
  flat,
}: {
  committee: CommitteeSummary;
  depth: number;
  flat?: boolean;
}) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const expandable = !flat && committee.childCount > 0;
  const name = committee.shortName ?? committee.name;
  return (
    <li>
      <Group
        gap="xs"
        wrap="nowrap"
        py={8}
        pr="xs"
        pl={`calc(${depth} * var(--mantine-spacing-lg) + 4px)`}
        className="unit-row"
        align="flex-start"
      >
        {expandable ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-expanded={expanded}
            aria-label={t(expanded ? 'committees.collapse' : 'committees.expand', { name })}
            onClick={() => setExpanded((open) => !open)}
          >
            <IconChevronRight
              size={18}
              style={{ transform: expanded ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }}
            />
          </ActionIcon>
        ) : (
          <Box w={28} style={{ flexShrink: 0 }} />
        )}
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Anchor
            component={Link}
            to={`/ban-chi-dao/${committee.id}`}
            fw={600}
            size="sm"
            c={committee.status === 'active' ? undefined : 'dimmed'}
          >
            {committee.name}
          </Anchor>
          <Group gap={8} wrap="wrap" mt={4} align="center">
            {isUnitLevel(committee.unitLevel) && <UnitLevelBadge level={committee.unitLevel} />}
            {committee.status !== 'active' && <CommitteeStatusBadge status={committee.status} />}
            {committee.isSample && <SampleBadge />}
            <Text size="xs" c="dimmed">
              {[
                committee.unitName,
                committee.status === 'active' &&
                  t('committees.memberCount', { count: committee.memberCount }),
                committee.childCount > 0 && t('committees.childCount', { count: committee.childCount }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Group>
        </Box>
      </Group>
      {expanded && <CommitteeChildren parent={committee} depth={depth + 1} />}
    </li>
  );
}

function CommitteeChildren({ parent, depth }: { parent: CommitteeSummary; depth: number }) {
  const { t } = useTranslation();
  const children = useQuery(childCommitteesQueryOptions(parent.id));
  const indent = `calc(${depth} * var(--mantine-spacing-lg) + 36px)`;
  if (children.isPending) {
    return (
      <Center py="xs" pl={indent} style={{ justifyContent: 'flex-start' }}>
        <Loader size="xs" aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (children.isError) {
    return (
      <Box pl={indent} py="xs">
        <ProblemAlert error={children.error} onRetry={() => void children.refetch()} />
      </Box>
    );
  }
  if (children.data.length === 0) {
    return (
      <Text size="sm" c="dimmed" pl={indent} py={4}>
        {t('committees.noChildren')}
      </Text>
    );
  }
  return <CommitteeList committees={children.data} depth={depth} />;
}
