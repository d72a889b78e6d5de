import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { inboxQueryOptions } from '../api.ts';
import { InboxList } from './inbox-list.tsx';

const SHOWN = 5;

/** The dashboard's "Việc chờ tôi xử lý": the newest waiting items, and the way to all of them. */
export function InboxCard() {
  const { t } = useTranslation();
  const inbox = useQuery(inboxQueryOptions);
  const data = inbox.data;
  if (!data) return null;
  return (
    <Stack gap="md" component="section" aria-label={t('inbox.title')}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={2} fz="h4">
              {t('inbox.title')}
            </Title>
            <Badge color={data.total ? 'govRed.8' : 'gray'} variant="filled" radius="sm">
              {data.total}
            </Badge>
          </Group>
          <Text size="sm" c="gray.7">
            {data.total ? t('inbox.hint') : t('inbox.empty')}
          </Text>
        </Stack>
        {data.total > 0 && (
          <Anchor component={Link} to="/viec-cho-xu-ly" size="sm">
            {t('inbox.all', { count: data.total })}
          </Anchor>
        )}
      </Group>
      {data.total > 0 && (
        <Card withBorder padding={0} radius="md">
          <InboxList items={data.items.slice(0, SHOWN)} />
        </Card>
      )}
    </Stack>
  );
}
