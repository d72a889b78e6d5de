import { ActionIcon, Box, Center, Group, Loader, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problem-alert.tsx';

// Each tree's children query has its own key tuple, which its queryFn reads: any key will do here.
// biome-ignore lint/suspicious/noExplicitAny: the key's shape is the caller's
type ChildrenKey = any;

/** What a tree shows and loads; one for the unit tree, one for the committee tree. */
export interface TreeSpec<T extends { id: string }> {
  /** Whether the item has children to load (no expander otherwise). */
  expandable: (item: T) => boolean;
  /** The expander's accessible name, e.g. "Mở Phường Phúc La" / "Thu gọn Phường Phúc La". */
  toggleLabel: (item: T, expanded: boolean) => string;
  /** The query of the item's children, loaded when it is first expanded. */
  childrenQuery: (item: T) => UseQueryOptions<T[], Error, T[], ChildrenKey>;
  /** The row's content beside the expander. */
  row: (item: T) => ReactNode;
  /** What an expanded item without children says. */
  noChildren: string;
  /** Row padding and alignment (a two-line row aligns its expander to the top). */
  rowPy?: number;
  rowAlign?: 'center' | 'flex-start';
}

interface TreeLevelProps<T extends { id: string }> {
  items: T[];
  depth: number;
  spec: TreeSpec<T>;
  label?: string;
}

/** One level of a tree of records (units, committees): each item with children expands on demand. */
export function TreeLevel<T extends { id: string }>({ items, depth, spec, label }: TreeLevelProps<T>) {
  return (
    <Box component="ul" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <TreeNode key={item.id} item={item} depth={depth} spec={spec} />
      ))}
    </Box>
  );
}

function TreeNode<T extends { id: string }>({
  item,
  depth,
  spec,
}: {
  item: T;
  depth: number;
  spec: TreeSpec<T>;
}) {
  const [expanded, setExpanded] = useState(false);
  return (
    <li>
      <Group
        gap="xs"
        wrap="nowrap"
        py={spec.rowPy ?? 6}
        pr="xs"
        pl={`calc(${depth} * var(--mantine-spacing-lg) + 4px)`}
        className="unit-row"
        align={spec.rowAlign}
      >
        {spec.expandable(item) ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-expanded={expanded}
            aria-label={spec.toggleLabel(item, expanded)}
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
        {spec.row(item)}
      </Group>
      {expanded && <TreeChildren parent={item} depth={depth + 1} spec={spec} />}
    </li>
  );
}

function TreeChildren<T extends { id: string }>({
  parent,
  depth,
  spec,
}: {
  parent: T;
  depth: number;
  spec: TreeSpec<T>;
}) {
  const { t } = useTranslation();
  const children = useQuery(spec.childrenQuery(parent));
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
        {spec.noChildren}
      </Text>
    );
  }
  return <TreeLevel items={children.data} depth={depth} spec={spec} />;
}
