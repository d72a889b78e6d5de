import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { formatDateTime } from '@steerco/contract/datetime';
import { IconBellOff, IconCheck, IconChecks } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { safeRedirect } from '../../../lib/redirect.ts';
import {
  type Notification,
  type NotificationArea,
  type NotificationState,
  notificationHistoryOptions,
  notificationsQueryOptions,
  useMarkNotificationsRead,
} from '../api.ts';

const AREAS: NotificationArea[] = ['meeting', 'task', 'document', 'report', 'personnel', 'other'];

/** Thông báo: the whole history behind the bell, filtered by read state and kind, page by page; mark all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<NotificationState>('all');
  const [area, setArea] = useState<NotificationArea | null>(null);
  const history = useInfiniteQuery(notificationHistoryOptions(state, area));
  const unread = useQuery(notificationsQueryOptions).data?.unread ?? 0;
  const markRead = useMarkNotificationsRead();
  const items = history.data?.pages.flatMap((p) => p.items) ?? [];

  const open = (n: Notification) => {
    if (!n.readAt) markRead.mutate([n.id]);
    const link = safeRedirect(n.link);
    if (link) void navigate({ href: link });
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('notificationCentre.title')}
        description={t('notificationCentre.subtitle')}
        actions={
          <Button
            leftSection={<IconChecks size={16} />}
            variant="light"
            disabled={unread === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate('all')}
          >
            {t('notifications.markAll')}
          </Button>
        }
      />
      <Group gap="md" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="notification-state">
            {t('notificationCentre.state')}
          </Text>
          <SegmentedControl
            aria-labelledby="notification-state"
            value={state}
            onChange={(v) => setState(v as NotificationState)}
            data={(['all', 'unread', 'read'] as const).map((s) => ({
              value: s,
              label: t(`notificationCentre.states.${s}`),
            }))}
          />
        </Stack>
        <Select
          label={t('notificationCentre.area')}
          value={area ?? 'all'}
          onChange={(v) => setArea(!v || v === 'all' ? null : (v as NotificationArea))}
          data={[
            { value: 'all', label: t('notificationCentre.areas.all') },
            ...AREAS.map((a) => ({ value: a, label: t(`notificationCentre.areas.${a}`) })),
          ]}
          allowDeselect={false}
          w={200}
        />
        <Badge variant="light" color={unread ? 'govRed.8' : 'gray'} size="lg" radius="sm">
          {t('notificationCentre.unreadCount', { count: unread })}
        </Badge>
      </Group>
      {history.error && <ProblemAlert error={history.error} />}
      {history.isPending ? (
        <Loader />
      ) : items.length === 0 ? (
        <EmptyState icon={<IconBellOff size={28} />} title={t('notificationCentre.empty')} />
      ) : (
        <Card withBorder padding={0} radius="md">
          <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {items.map((n) => (
              <Group
                key={n.id}
                component="li"
                wrap="nowrap"
                gap="xs"
                px="md"
                py="sm"
                align="flex-start"
                style={{
                  borderBottom: '1px solid var(--mantine-color-gray-2)',
                  background: n.readAt ? undefined : 'var(--mantine-color-govRed-0)',
                }}
              >
                <UnstyledButton onClick={() => open(n)} style={{ flex: 1, minWidth: 0 }}>
                  <Stack gap={2}>
                    <Text size="sm" fw={n.readAt ? 400 : 600}>
                      {n.title}
                    </Text>
                    {n.body && (
                      <Text size="sm" c="gray.7" lineClamp={3}>
                        {n.body}
                      </Text>
                    )}
                    <Text size="xs" c="gray.7">
                      {formatDateTime(n.createdAt)}
                      {n.readAt ? '' : ` · ${t('notifications.unread')}`}
                    </Text>
                  </Stack>
                </UnstyledButton>
                {!n.readAt && (
                  <Tooltip label={t('notificationCentre.markRead')}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`${t('notificationCentre.markRead')}: ${n.title}`}
                      onClick={() => markRead.mutate([n.id])}
                    >
                      <IconCheck size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            ))}
          </Stack>
          {history.hasNextPage && (
            <Box p="sm">
              <Button
                variant="subtle"
                fullWidth
                loading={history.isFetchingNextPage}
                onClick={() => void history.fetchNextPage()}
              >
                {t('notificationCentre.more')}
              </Button>
            </Box>
          )}
        </Card>
      )}
    </Stack>
  );
}
