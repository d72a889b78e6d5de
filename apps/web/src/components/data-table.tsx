import { Box, Center, Group, LoadingOverlay, Pagination, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** Right-aligned narrow column, for row actions. */
  actions?: boolean;
  /** Keeps a column (e.g. names) from being squeezed into many short lines. */
  minWidth?: number;
}

export interface PageInfo {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

interface DataTableProps<Row> {
  /** Accessible name of the table. */
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  emptyText: string;
  /** True while newer rows are on their way; the current ones stay visible under a light overlay. */
  refreshing?: boolean;
  paging?: PageInfo;
  /**
   * The columns for a phone (below 36em), if the table has them: drawn without a minimum width, so the phone
   * shows them without sideways scrolling. Without them the full table scrolls sideways.
   */
  phoneColumns?: Column<Row>[];
}

/** The list table of every admin page: header, rows, empty text, and paging with a "1–20 of 35" summary. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  emptyText,
  refreshing,
  paging,
  phoneColumns,
}: DataTableProps<Row>) {
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const compact = phone && !!phoneColumns;
  const shown = compact ? phoneColumns : columns;
  return (
    <Box>
      <Box pos="relative">
        <LoadingOverlay visible={!!refreshing} overlayProps={{ blur: 0, backgroundOpacity: 0.5 }} />
        <Table.ScrollContainer minWidth={compact ? 0 : 960}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-label={caption}>
            <Table.Thead>
              <Table.Tr>
                {shown.map((column) => (
                  <Table.Th
                    key={column.key}
                    ta={column.actions ? 'right' : undefined}
                    w={column.actions ? 1 : undefined}
                    miw={compact ? undefined : column.minWidth}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {column.header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={rowKey(row)}>
                  {shown.map((column) => (
                    <Table.Td key={column.key} ta={column.actions ? 'right' : undefined}>
                      {column.render(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {rows.length === 0 && (
          <Center py="xl">
            <Text c="dimmed">{emptyText}</Text>
          </Center>
        )}
      </Box>
      {paging && paging.total > 0 && <Paging {...paging} />}
    </Box>
  );
}

function Paging({ page, pageSize, total, onPageChange }: PageInfo) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed">
        {t('pagination.summary', { from, to, total })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('pagination.label')}>
          <Pagination total={pages} value={page} onChange={onPageChange} size="sm" />
        </nav>
      )}
    </Group>
  );
}
