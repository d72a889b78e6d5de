import { Anchor, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { formatDate } from '@steerco/contract/datetime';
import type { DueReport, ReceivedPeriod, ReportsAtAGlance } from '@steerco/contract/reports';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ReportStatusBadge } from './status.tsx';

/**
 * The dashboard's reports (R16): the periods my committees must report on and have not had accepted, and the
 * periods of the regimes they issued with how many reporters sent, are missing or late — each a traffic light
 * opening the report or the rollup. Shown only when something is due.
 */
export function ReportsGlance({ reports }: { reports: ReportsAtAGlance }) {
  const { t } = useTranslation();
  if (!reports.owed.length && !reports.received.length) return null;
  return (
    <Stack gap="md" component="section" aria-label={t('reports.glance.title')}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Title order={2} fz="h4">
            {t('reports.glance.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('reports.glance.hint')}
          </Text>
        </Stack>
        <Anchor renderRoot={(props) => <Link to="/bao-cao" {...props} />} size="sm">
          {t('reports.glance.all')}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, md: reports.owed.length && reports.received.length ? 2 : 1 }} spacing="md">
        {reports.owed.length > 0 && (
          <GlanceList title={t('reports.glance.owed')}>
            {reports.owed.map((r) => (
              <OwedItem key={`${r.period.id}:${r.reporterCommitteeId}`} report={r} />
            ))}
          </GlanceList>
        )}
        {reports.received.length > 0 && (
          <GlanceList title={t('reports.glance.received')}>
            {reports.received.map((p) => (
              <ReceivedItem key={p.period.id} period={p} />
            ))}
          </GlanceList>
        )}
      </SimpleGrid>
    </Stack>
  );
}

function GlanceList({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Text fw={600} mb="xs">
        {title}
      </Text>
      <Stack gap="xs" component="ul" aria-label={title} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {children}
      </Stack>
    </Paper>
  );
}

function OwedItem({ report: r }: { report: DueReport }) {
  const { t } = useTranslation();
  const label = t('reports.glance.owedLine', {
    regime: r.regimeName,
    period: r.period.label,
    recipient: r.recipientName,
  });
  return (
    <Group component="li" justify="space-between" gap="xs" wrap="nowrap" data-period={r.period.id}>
      <Stack gap={0} style={{ minWidth: 0 }}>
        {r.reportId ? (
          <Anchor
            renderRoot={(props) => (
              <Link to="/bao-cao/$reportId" params={{ reportId: r.reportId! }} {...props} />
            )}
            size="sm"
          >
            {label}
          </Anchor>
        ) : (
          <Anchor
            renderRoot={(props) => <Link to="/bao-cao" search={{ ban: r.reporterCommitteeId }} {...props} />}
            size="sm"
          >
            {label}
          </Anchor>
        )}
        <Text size="xs" c="dimmed">
          {r.reporterName} · {t('reports.glance.deadline', { date: formatDate(r.period.deadline) })}
        </Text>
      </Stack>
      <ReportStatusBadge status={r.status} late={r.late} />
    </Group>
  );
}

function ReceivedItem({ period: p }: { period: ReceivedPeriod }) {
  const { t } = useTranslation();
  // Red when someone is late, yellow while reports are missing, green when all have been sent.
  const color = p.late > 0 ? 'red' : p.missing > 0 ? 'yellow' : 'green';
  return (
    <Group component="li" gap="xs" wrap="nowrap" data-period={p.period.id} data-light={color}>
      <ThemeIcon size={12} radius="xl" color={color} aria-hidden />
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor
          renderRoot={(props) => (
            <Link to="/bao-cao/ky/$periodId" params={{ periodId: p.period.id }} {...props} />
          )}
          size="sm"
        >
          {p.regimeName} – {p.period.label}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t('reports.glance.receivedCounts', {
            sent: p.sent,
            reporters: p.reporters,
            missing: p.missing,
            late: p.late,
          })}{' '}
          · {t('reports.glance.deadline', { date: formatDate(p.period.deadline) })}
        </Text>
      </Stack>
    </Group>
  );
}
