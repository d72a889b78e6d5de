import { NavLink, ScrollArea, Stack } from '@mantine/core';
import type { User } from '@steerco/contract/users';
import {
  IconCalendarTime,
  IconCalendarWeek,
  IconInbox,
  IconLayoutDashboard,
  IconSettings,
  IconSitemap,
  IconUsers,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMatchRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isAdmin } from '../../auth/api.ts';
import { inboxQueryOptions } from '../../inbox/api.ts';
import { COMMITTEE_MODULES } from '../../modules/modules.ts';
import { NavItem } from './nav-item.tsx';

interface MainNavProps {
  user: User;
  /** Closes the drawer on phones once a page is chosen. */
  onNavigate: () => void;
}

export function MainNav({ user, onNavigate }: MainNavProps) {
  const { t } = useTranslation();
  const matchRoute = useMatchRoute();
  const inAdmin = !!matchRoute({ to: '/quan-tri', fuzzy: true });
  const waiting = useQuery(inboxQueryOptions).data?.total ?? 0;
  return (
    <ScrollArea type="auto" style={{ flex: 1 }}>
      <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        <li>
          <NavItem
            to="/"
            label={t('nav.dashboard')}
            icon={<IconLayoutDashboard size={18} />}
            onNavigate={onNavigate}
          />
        </li>
        <li>
          <NavItem
            to="/viec-cho-xu-ly"
            label={t('nav.inbox')}
            icon={<IconInbox size={18} />}
            badge={waiting}
            onNavigate={onNavigate}
          />
        </li>
        <li>
          <NavItem
            to="/lich-cong-tac"
            label={t('nav.schedule')}
            icon={<IconCalendarWeek size={18} />}
            onNavigate={onNavigate}
          />
        </li>
        <li>
          <NavItem
            to="/lich-lam-viec"
            label={t('nav.calendar')}
            icon={<IconCalendarTime size={18} />}
            onNavigate={onNavigate}
          />
        </li>
        {COMMITTEE_MODULES.map((module) => (
          <li key={module.key}>
            <NavItem
              to={module.path}
              label={t(`modules.${module.key}.title`)}
              icon={<module.icon size={18} />}
              onNavigate={onNavigate}
            />
          </li>
        ))}
        {isAdmin(user) && (
          <li>
            <NavLink
              component="button"
              label={t('nav.admin')}
              leftSection={<IconSettings size={18} />}
              defaultOpened={inAdmin}
              childrenOffset={28}
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            >
              <NavItem
                to="/quan-tri/nguoi-dung"
                label={t('nav.users')}
                icon={<IconUsers size={16} />}
                onNavigate={onNavigate}
              />
              <NavItem
                to="/quan-tri/don-vi"
                label={t('nav.units')}
                icon={<IconSitemap size={16} />}
                onNavigate={onNavigate}
              />
            </NavLink>
          </li>
        )}
      </Stack>
    </ScrollArea>
  );
}
