import { Anchor, Box, Group, Text } from '@mantine/core';
import type { UnitLevel } from '@steerco/contract/units';
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TreeLevel, type TreeSpec } from '../../../components/lazy-tree.tsx';
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
  const { t } = useTranslation();
  const spec = useMemo<TreeSpec<CommitteeSummary>>(
    () => ({
      expandable: (c) => !flat && c.childCount > 0,
      toggleLabel: (c, expanded) =>
        t(expanded ? 'committees.collapse' : 'committees.expand', { name: c.shortName ?? c.name }),
      childrenQuery: (c) => childCommitteesQueryOptions(c.id),
      noChildren: t('committees.noChildren'),
      rowPy: 8,
      rowAlign: 'flex-start',
      row: (committee) => (
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
      ),
    }),
    [flat, t],
  );
  return <TreeLevel items={committees} depth={depth} spec={spec} label={label} />;
}

const isUnitLevel = (level: string): level is UnitLevel =>
  ['national', 'province', 'district', 'commune', 'agency'].includes(level);
