import { Badge, Group } from '@mantine/core';
import type { ReportStatus } from '@steerco/contract/reports';
import { useTranslation } from 'react-i18next';

/** The traffic light of a report: green accepted, blue sent, yellow in hand, orange returned, red late. */
const COLORS: Record<ReportStatus, string> = {
  notStarted: 'gray',
  drafting: 'yellow',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};

export function ReportStatusBadge({ status, late }: { status: ReportStatus; late: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" data-status={status} data-late={late || undefined}>
      <Badge variant="light" color={COLORS[status]}>
        {t(`reports.status.${status}`)}
      </Badge>
      {late && (
        <Badge variant="filled" color="red">
          {t('reports.late')}
        </Badge>
      )}
    </Group>
  );
}

/** A number as Vietnamese write it (1.234,5); blank when unknown. */
export const formatFigure = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : v.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
