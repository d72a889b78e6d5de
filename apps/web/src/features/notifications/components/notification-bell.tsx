import {
  ActionIcon,
  Box,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { formatDateTime } from '@steerco/contract/datetime';
import { IconBell, IconChecks, IconMailCog } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { safeRedirect } from '../../../lib/redirect.ts';
import { type Notification, notificationsQueryOptions, useMarkNotificationsRead } from '../api.ts';

/* The preferences form (with the modal and form libraries under it) loads when first opened, not with every page. */
const NotificationPreferencesModal = lazy(() =>
  import('./notification-preferences-modal.tsx').then((m) => ({ default: m.NotificationPreferencesModal })),
);

/** The header's bell: the unread count, and a list that opens what each notification is about. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, { close, toggle }] = useDisclosure(false);
  const [settingsOpened, settings] = useDisclosure(false);
  const notifications = useQuery(notificationsQueryOptions);
  const markRead = useMarkNotificationsRead();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const open = (notification: Notification) => {
    if (!notification.readAt) markRead.mutate([notification.id]);
    close();
    // Only links into this app are followed.
    const link = safeRedirect(notification.link);
    if (link) void navigate({ href: link });
  };

  return (
    <>
      {/* The count sits on the button, outside the popover's target: the target (which carries
          aria-expanded / aria-haspopup) must be the button itself, not a role-less wrapper. */}
      <Indicator
        label={unread > 99 ? '99+' : unread}
        size={18}
        disabled={unread === 0}
        offset={6}
        color="govRed.8"
      >
        <Popover
          opened={opened}
          onChange={(next) => !next && close()}
          position="bottom-end"
          width={360}
          shadow="md"
          withinPortal
        >
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={t('notifications.open', { count: unread })}
              onClick={toggle}
            >
              <IconBell size={20} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown p={0} aria-label={t('notifications.title')} role="dialog">
            <Group
              justify="space-between"
              px="md"
              py="sm"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <Text fw={600} size="sm">
                {t('notifications.title')}
              </Text>
              <Group gap={4} wrap="nowrap">
                {unread > 0 && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconChecks size={14} />}
                    loading={markRead.isPending}
                    onClick={() => markRead.mutate('all')}
                  >
                    {t('notifications.markAll')}
                  </Button>
                )}
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={t('notifications.preferences.open')}
                  title={t('notifications.preferences.open')}
                  onClick={() => {
                    close();
                    settings.open();
                  }}
                >
                  <IconMailCog size={16} />
                </ActionIcon>
              </Group>
            </Group>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed" ta="center" py="lg">
                {t('notifications.empty')}
              </Text>
            ) : (
              <ScrollArea.Autosize mah={420} type="auto">
                <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                  {items.map((item) => (
                    <li key={item.id}>
                      <UnstyledButton
                        w="100%"
                        px="md"
                        py="sm"
                        onClick={() => open(item)}
                        className="unit-row"
                        style={{
                          borderBottom: '1px solid var(--mantine-color-gray-1)',
                          background: item.readAt ? undefined : 'var(--mantine-color-govRed-0)',
                        }}
                      >
                        <Group gap="xs" wrap="nowrap" align="flex-start">
                          <Box
                            mt={6}
                            w={8}
                            h={8}
                            style={{
                              borderRadius: '50%',
                              flexShrink: 0,
                              background: item.readAt ? 'transparent' : 'var(--mantine-color-govRed-7)',
                            }}
                            aria-label={item.readAt ? undefined : t('notifications.unread')}
                          />
                          <Stack gap={2} style={{ minWidth: 0 }}>
                            <Text size="sm" fw={item.readAt ? 400 : 600}>
                              {item.title}
                            </Text>
                            {item.body && (
                              <Text size="xs" c="dimmed" lineClamp={2}>
                                {item.body}
                              </Text>
                            )}
                            <Text size="xs" c="dimmed">
                              {formatDateTime(item.createdAt)}
                            </Text>
                          </Stack>
                        </Group>
                      </UnstyledButton>
                    </li>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            )}
            <Box px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
              <Button
                variant="subtle"
                size="compact-sm"
                fullWidth
                onClick={() => {
                  close();
                  void navigate({ to: '/thong-bao' });
                }}
              >
                {t('notifications.all')}
              </Button>
            </Box>
          </Popover.Dropdown>
        </Popover>
      </Indicator>
      {settingsOpened && (
        <Suspense fallback={null}>
          <NotificationPreferencesModal opened onClose={settings.close} />
        </Suspense>
      )}
    </>
  );
}
