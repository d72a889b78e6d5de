import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import type { Unit } from '@steerco/contract/units';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TreeLevel, type TreeSpec } from '../../../components/lazy-tree.tsx';
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
  const { t } = useTranslation();
  const spec = useMemo<TreeSpec<Unit>>(
    () => ({
      expandable: (unit) => unit.childCount > 0,
      toggleLabel: (unit, expanded) => t(expanded ? 'units.collapse' : 'units.expand', { name: unit.name }),
      childrenQuery: (unit) => unitChildrenQueryOptions(unit.id),
      noChildren: t('units.noChildren'),
      row: (unit) => (
        <>
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
            {unit.childCount > 0 && (
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
        </>
      ),
    }),
    [actions, t],
  );
  return <TreeLevel items={units} depth={depth} spec={spec} label={label} />;
}
