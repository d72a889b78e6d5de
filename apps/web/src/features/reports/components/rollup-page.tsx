import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { formatDate } from '@steerco/contract/datetime';
import type { Rollup } from '@steerco/contract/reports';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { rollupXlsxUrl } from '../api.ts';
import { formatFigure, ReportStatusBadge } from './status.tsx';

/** The recipient's grid for one period: reporters × fields, totals by the regime's rules, missing and late. */
export function RollupPage({ rollup }: { rollup: Rollup }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/bao-cao" size="sm">
        ← {t('reports.report.back')}
      </Anchor>
      <PageHeader
        title={t('reports.rollup.title', { label: rollup.period.label })}
        description={`${rollup.regimeName} · ${t('reports.report.window', { from: formatDate(rollup.period.from), to: formatDate(rollup.period.to) })} · ${t('reports.report.deadline', { date: formatDate(rollup.period.deadline) })}`}
        actions={
          <Button
            component="a"
            href={rollupXlsxUrl(rollup.period.id)}
            download
            variant="light"
            leftSection={<IconFileSpreadsheet size={16} />}
          >
            {t('reports.rollup.export')}
          </Button>
        }
      />
      <Group>
        <Text size="sm" data-counts>
          {t('reports.rollup.counts', rollup.counts)}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={360 + rollup.fields.length * 110}>
        <Table
          striped
          withColumnBorders
          aria-label={t('reports.rollup.title', { label: rollup.period.label })}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.rollup.reporter')}</Table.Th>
              <Table.Th>{t('reports.due.state')}</Table.Th>
              {rollup.fields.map((f) => (
                <Table.Th key={f.key} ta="right" fz="xs">
                  {f.label}
                  {f.type === 'percent' ? ' (%)' : ''}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rollup.rows.map((r) => (
              <Table.Tr key={r.reporterCommitteeId} data-reporter={r.reporterName}>
                <Table.Td>
                  {r.reportId ? (
                    <Anchor
                      renderRoot={(props) => (
                        <Link to="/bao-cao/$reportId" params={{ reportId: r.reportId }} {...props} />
                      )}
                      size="sm"
                    >
                      {r.reporterName}
                    </Anchor>
                  ) : (
                    r.reporterName
                  )}
                </Table.Td>
                <Table.Td>
                  <ReportStatusBadge status={r.status} late={r.late} />
                </Table.Td>
                {rollup.fields.map((f) => (
                  <Table.Td key={f.key} ta="right">
                    {formatFigure(r.values[f.key])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>{t('reports.rollup.total')}</Table.Td>
              <Table.Td />
              {rollup.fields.map((f) => (
                <Table.Td key={f.key} ta="right" data-total={f.key}>
                  {formatFigure(rollup.totals[f.key])}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
