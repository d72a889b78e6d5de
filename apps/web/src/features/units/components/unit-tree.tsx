import { ActionIcon, Box, Center, Group, Loader, Text, Tooltip } from '@mantine/core';
import type { Unit } from '@steerco/contract/units';
import { IconChevronRight, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { SampleBadge } from '../../../components/sample-badge.tsx';
import { unitChildrenQueryOptions } from '../api.ts';
import { UnitLevelBadge } from './unit-level-badge.tsx';

/** Row actions, given only to those who may manage units. */
export interface UnitActions {
  onAddChild: (parent: Unit) => void;
  onEdit: (unit: Unit) => void;
}

interface UnitListProps {
  units: Unit[];
  depth: number;
  actions?: UnitActions;
  label?: string;
}

/** One level of the tree. Each unit with children expands on demand, loading them only then. */
export function UnitList({ units, depth, actions, label }: UnitListProps) {
  return (
    <Box component="ul" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }}>
      {units.map((unit) => (
        <UnitNode key={unit.id} unit={unit} depth={depth} actions={actions} />
      ))}
    </Box>
  );
}

function UnitNode({ unit, depth, actions }: { unit: Unit; depth: number; actions?: UnitActions }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const hasChildren = unit.childCount > 0;
  return (
    <li>
      <Group
        gap="xs"
        wrap="nowrap"
        py={6}
        pr="xs"
        pl={`calc(${depth} * var(--mantine-spacing-lg) + 4px)`}
        className="unit-row"
      >
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-expanded={expanded}
            aria-label={t(expanded ? 'units.collapse' : 'units.expand', { name: unit.name })}
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
        <Group gap={8} wrap="wrap" style={{ flex: 1, minWidth: 0 }} align="center">
          <Text fw={500} size="sm">
            {unit.name}
          </Text>
          <UnitLevelBadge level={unit.level} />
          {unit.isSample && <SampleBadge />}
          {unit.code && (
            <Text size="xs" c="dimmed">
              {t('units.code', { code: unit.code })}
            </Text>
          )}
          {hasChildren && (
            <Text size="xs" c="dimmed">
              {t('units.childCount', { count: unit.childCount })}
            </Text>
          )}
        </Group>
        {actions && (
          <Group gap={2} wrap="nowrap">
            <Tooltip label={t('units.addChild', { name: unit.name })} withArrow>
              <ActionIcon
                variant="subtle"
                aria-label={t('units.addChild', { name: unit.name })}
                onClick={() => actions.onAddChild(unit)}
              >
                <IconPlus size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('units.edit', { name: unit.name })} withArrow>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('units.edit', { name: unit.name })}
                onClick={() => actions.onEdit(unit)}
              >
                <IconPencil size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
      {expanded && <UnitChildren parent={unit} depth={depth + 1} actions={actions} />}
    </li>
  );
}

function UnitChildren({ parent, depth, actions }: { parent: Unit; depth: number; actions?: UnitActions }) {
  const { t } = useTranslation();
  const children = useQuery(unitChildrenQueryOptions(parent.id));
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
        {t('units.noChildren')}
      </Text>
    );
  }
  return <UnitList units={children.data} depth={depth} actions={actions} />;
}
