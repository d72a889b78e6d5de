import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import type { User } from '@steerco/contract/users';
import { IconCheck, IconChevronDown, IconKey, IconLanguage, IconLogout } from '@tabler/icons-react';
import { useLocation, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, LANGUAGES } from '../../../i18n/i18n.ts';
import { useLogout } from '../../auth/api.ts';

/** Initials for the avatar: "Nguyễn Thị Thu Hằng" → "NH" (family name and given name). */
function initialsOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const language = currentLanguage();

  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('userMenu.open', { name: user.fullName })}
          p={4}
          style={{ borderRadius: 8 }}
        >
          <Group gap="xs" wrap="nowrap">
            {/* The initials repeat the name beside them: hidden from assistive technology (label in name). */}
            <Avatar color="govRed" radius="xl" size={34} aria-hidden>
              {initialsOf(user.fullName)}
            </Avatar>
            <Text size="sm" fw={600} visibleFrom="sm" maw={200} truncate>
              {user.fullName}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <div style={{ padding: '8px 12px' }}>
          <Text fw={600} size="sm">
            {user.fullName}
          </Text>
          {user.position && (
            <Text size="xs" c="dimmed">
              {user.position}
            </Text>
          )}
        </div>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconKey size={16} />}
          onClick={() => navigate({ to: '/doi-mat-khau', search: { redirect: location.href } })}
        >
          {t('userMenu.changePassword')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>
          <Group gap={6}>
            <IconLanguage size={14} aria-hidden />
            {t('userMenu.language')}
          </Group>
        </Menu.Label>
        {LANGUAGES.map((option) => (
          <Menu.Item
            key={option}
            lang={option}
            onClick={() => changeLanguage(option)}
            rightSection={option === language ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={option === language ? 'true' : undefined}
          >
            {t(`language.${option}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate({ to: '/dang-nhap' }) })}
        >
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
