import { AppShell, Burger, Divider, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { IconBuilding } from '@tabler/icons-react';
import { Outlet, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppDatesProvider } from '../../../components/app-dates-provider.tsx';
import { BrandMark } from '../../../components/brand-mark.tsx';
import { useSession } from '../../auth/api.ts';
import { NotificationBell } from '../../notifications/components/notification-bell.tsx';
import { HeaderSearch } from '../../search/components/header-search.tsx';
import { MainNav } from './main-nav.tsx';
import { UserMenu } from './user-menu.tsx';
import '../../../i18n/page-texts.ts';

/**
 * The frame of every signed-in page: header (name, the user's unit, user menu), sidebar (a drawer behind the
 * burger on phones) and the page.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const router = useRouter();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const signedOut = !session || session.user.mustChangePassword;

  // The session ended (logout, expiry, a 401 anywhere) or needs a new password while a page is open: the
  // route guard, run again, sends the user to the right page and back here afterwards.
  useEffect(() => {
    if (signedOut) void router.invalidate();
  }, [signedOut, router]);

  if (signedOut) return null;
  const { user } = session;

  // The date pickers' settings (and dayjs) come with the signed-in pages, not with the login page.
  return (
    <AppDatesProvider>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        {/* Toasts belong to signed-in pages (here rather than in main.tsx: the login page does without them); those
          shown just before, e.g. "password changed", appear when this mounts. Bottom right: they must not cover
          the header's user menu. */}
        <Notifications position="bottom-right" />
        <AppShell.Header style={{ borderTop: '3px solid var(--mantine-color-govRed-8)' }}>
          <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={navOpened}
                onClick={toggleNav}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.toggle')}
              />
              <BrandMark />
              {user.unitName && (
                <>
                  <Divider orientation="vertical" visibleFrom="xs" my={14} />
                  <Group gap={6} wrap="nowrap" visibleFrom="xs" style={{ minWidth: 0 }}>
                    <IconBuilding size={16} color="var(--mantine-color-dimmed)" aria-hidden />
                    <Text size="sm" c="dimmed" truncate>
                      {user.unitName}
                    </Text>
                  </Group>
                </>
              )}
            </Group>
            <Group gap={4} wrap="nowrap">
              <HeaderSearch />
              <NotificationBell />
              <UserMenu user={user} />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.label')}>
          <MainNav user={user} onNavigate={closeNav} />
        </AppShell.Navbar>

        <AppShell.Main>
          <div style={{ maxWidth: 1280, margin: '0 auto' }}>
            <Outlet />
          </div>
        </AppShell.Main>
      </AppShell>
    </AppDatesProvider>
  );
}
