import { Alert, Card, Chip, Group, Loader, Stack } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { type InboxKind, inboxQueryOptions } from '../api.ts';
import { InboxList } from './inbox-list.tsx';

/** Việc chờ tôi xử lý: everything waiting for my decision or answer, newest first, filtered by kind. */
export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useQuery(inboxQueryOptions);
  const [kind, setKind] = useState<InboxKind | 'all'>('all');
  const data = inbox.data;
  const kinds = data ? (Object.entries(data.counts) as [InboxKind, number][]).filter(([, n]) => n > 0) : [];
  const shown = data?.items.filter((i) => kind === 'all' || i.kind === kind) ?? [];
  return (
    <Stack gap="md">
      <PageHeader title={t('inbox.title')} description={t('inbox.subtitle')} />
      {inbox.isPending && <Loader />}
      {inbox.error && <ProblemAlert error={inbox.error} />}
      {data && data.total === 0 && (
        <EmptyState icon={<IconChecks size={28} />} title={t('inbox.empty')}>
          {t('inbox.emptyHint')}
        </EmptyState>
      )}
      {data && data.total > 0 && (
        <>
          <Chip.Group multiple={false} value={kind} onChange={(v) => setKind(v as InboxKind | 'all')}>
            <Group gap="xs" role="group" aria-label={t('inbox.filter')}>
              <Chip value="all" size="sm">
                {t('inbox.all', { count: data.total })}
              </Chip>
              {kinds.map(([k, n]) => (
                <Chip key={k} value={k} size="sm">
                  {`${t(`inbox.kinds.${k}`)} (${n})`}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {shown.length === 0 ? (
            <Alert color="gray">{t('inbox.noneOfKind')}</Alert>
          ) : (
            <Card withBorder padding={0} radius="md">
              <InboxList items={shown} />
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}
