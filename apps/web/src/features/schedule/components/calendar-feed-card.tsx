import { Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { formatDateTime } from '@steerco/contract/datetime';
import { IconCalendarShare, IconCopy, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { calendarFeedQueryOptions, useCreateCalendarFeed, useRevokeCalendarFeed } from '../api.ts';

/**
 * My meetings in my own calendar application: a secret address (shown once, when made) to subscribe to; making
 * a new one or revoking ends the old address.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const feed = useQuery(calendarFeedQueryOptions);
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const active = feed.data?.active ?? false;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={t('schedule.feed.title')}>
      <Stack gap="sm">
        <Group gap="xs">
          <IconCalendarShare size={20} aria-hidden />
          <Title order={2} fz="h5">
            {t('schedule.feed.title')}
          </Title>
        </Group>
        <Text size="sm" c="gray.7">
          {t('schedule.feed.hint')}
        </Text>
        {active && feed.data?.createdAt && !url && (
          <Text size="sm">{t('schedule.feed.active', { date: formatDateTime(feed.data.createdAt) })}</Text>
        )}
        {url && (
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('schedule.feed.url')}
              value={url}
              readOnly
              style={{ flex: 1 }}
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant="light" leftSection={<IconCopy size={16} />} onClick={copy}>
                  {copied ? t('schedule.feed.copied') : t('schedule.feed.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
        {(create.error || revoke.error) && <ProblemAlert error={create.error ?? revoke.error} />}
        <Group gap="sm">
          <Button
            leftSection={active ? <IconRefresh size={16} /> : <IconCalendarShare size={16} />}
            variant={active ? 'default' : 'filled'}
            loading={create.isPending}
            onClick={() => create.mutate(undefined, { onSuccess: (made) => setUrl(made.url ?? null) })}
          >
            {active ? t('schedule.feed.renew') : t('schedule.feed.create')}
          </Button>
          {active && (
            <Button
              color="red"
              variant="subtle"
              leftSection={<IconTrash size={16} />}
              loading={revoke.isPending}
              onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })}
            >
              {t('schedule.feed.revoke')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
