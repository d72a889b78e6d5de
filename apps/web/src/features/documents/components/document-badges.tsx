import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DocumentStatus, STATUS_COLORS } from '../documents.ts';

export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {t(`documents.status.${status}`)}
    </Badge>
  );
}
