import {
  ActionIcon,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  Paper,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime } from '@steerco/contract/datetime';
import type { User } from '@steerco/contract/users';
import { IconDots, IconKey, IconPencil, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { SampleBadge } from '../../../components/sample-badge.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import {
  USERS_PAGE_SIZE,
  type UsersSearch,
  useResetPassword,
  usersQueryOptions,
  useSetUserActive,
} from '../api.ts';
import { InitialPasswordModal } from './initial-password-modal.tsx';
import { UserFormModal } from './user-form-modal.tsx';

interface UsersPageProps {
  search: UsersSearch;
  onSearchChange: (search: UsersSearch) => void;
  /** Only system administrators grant administrative roles. */
  canAssignRoles: boolean;
}

type Confirmation = { kind: 'deactivate' | 'activate' | 'resetPassword'; user: User };

export function UsersPage({ search, onSearchChange, canAssignRoles }: UsersPageProps) {
  const { t } = useTranslation();
  const users = useQuery(usersQueryOptions(search));
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [secret, setSecret] = useState<{ user: User; initialPassword: string } | null>(null);

  const columns: Column<User>[] = [
    {
      key: 'fullName',
      header: t('users.columns.fullName'),
      minWidth: 170,
      render: (user) => (
        <Stack gap={2}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {user.fullName}
            </Text>
            {user.isSample && <SampleBadge />}
          </Group>
          <Text size="xs" c="dimmed">
            {user.username}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'position',
      header: t('users.columns.position'),
      minWidth: 160,
      render: (user) => user.position ?? t('common.notSet'),
    },
    {
      key: 'unit',
      header: t('users.columns.unit'),
      minWidth: 140,
      render: (user) => user.unitName ?? t('common.notSet'),
    },
    {
      key: 'role',
      header: t('users.columns.role'),
      render: (user) =>
        user.systemRole ? (
          <Badge>{t(`users.roles.${user.systemRole}`)}</Badge>
        ) : (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('users.roles.none')}
          </Text>
        ),
    },
    {
      key: 'status',
      header: t('users.columns.status'),
      minWidth: 155,
      render: (user) => <UserStatus user={user} />,
    },
    {
      key: 'lastLogin',
      header: t('users.columns.lastLogin'),
      render: (user) => (
        <Text size="sm" c={user.lastLoginAt ? undefined : 'dimmed'}>
          {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.neverLoggedIn')}
        </Text>
      ),
    },
    {
      key: 'actions',
      header: t('users.columns.actions'),
      actions: true,
      render: (user) => (
        <UserRowMenu
          user={user}
          onEdit={() => setEditing(user)}
          onConfirm={(kind) => setConfirmation({ kind, user })}
        />
      ),
    },
  ];

  const data = users.data;
  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
            {t('users.create')}
          </Button>
        }
      />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="md">
          <Group align="flex-end" gap="md" wrap="wrap">
            <div style={{ flex: '1 1 16rem' }}>
              <SearchInput
                label={t('users.search')}
                placeholder={t('users.searchPlaceholder')}
                value={search.q ?? ''}
                onSearch={(q) => onSearchChange({ ...search, q: q || undefined, page: undefined })}
              />
            </div>
            <SegmentedControl
              aria-label={t('users.statusFilter')}
              value={search.active ?? 'all'}
              onChange={(value) =>
                onSearchChange({
                  ...search,
                  active: value === 'true' || value === 'false' ? value : undefined,
                  page: undefined,
                })
              }
              data={[
                { value: 'all', label: t('users.statusAll') },
                { value: 'true', label: t('users.statusActive') },
                { value: 'false', label: t('users.statusInactive') },
              ]}
            />
          </Group>
          {users.isError && <ProblemAlert error={users.error} onRetry={() => void users.refetch()} />}
          {users.isPending && (
            <Center py="xl">
              <Loader aria-label={t('common.loading')} />
            </Center>
          )}
          {data && (
            <DataTable
              caption={t('users.title')}
              columns={columns}
              rows={data.items}
              rowKey={(user) => user.id}
              emptyText={t('users.empty')}
              refreshing={users.isPlaceholderData}
              paging={{
                page: data.page,
                pageSize: USERS_PAGE_SIZE,
                total: data.total,
                onPageChange: (page) => onSearchChange({ ...search, page: page > 1 ? page : undefined }),
              }}
            />
          )}
        </Stack>
      </Paper>

      {editing && (
        <UserFormModal
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? undefined : editing}
          canAssignRoles={canAssignRoles}
          onClose={() => setEditing(null)}
          onCreated={(result) => {
            setEditing(null);
            notifications.show({
              color: 'green',
              message: t('users.created', { username: result.user.username }),
            });
            setSecret(result);
          }}
        />
      )}
      {confirmation && (
        <UserConfirmation
          key={`${confirmation.kind}-${confirmation.user.id}`}
          confirmation={confirmation}
          onClose={() => setConfirmation(null)}
          onPasswordReset={setSecret}
        />
      )}
      {secret && (
        <InitialPasswordModal
          user={secret.user}
          initialPassword={secret.initialPassword}
          onClose={() => setSecret(null)}
        />
      )}
    </>
  );
}

function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="flex-start">
      <Badge color={user.active ? 'teal' : 'gray'}>
        {user.active ? t('users.statusActive') : t('users.statusInactive')}
      </Badge>
      {user.active && user.mustChangePassword && (
        <Badge color="yellow">{t('users.pendingPasswordChange')}</Badge>
      )}
    </Stack>
  );
}

interface UserRowMenuProps {
  user: User;
  onEdit: () => void;
  onConfirm: (kind: Confirmation['kind']) => void;
}

function UserRowMenu({ user, onEdit, onConfirm }: UserRowMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('users.rowActions', { name: user.fullName })}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} />} onClick={onEdit}>
          {t('users.edit')}
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => onConfirm('resetPassword')}>
          {t('users.resetPassword')}
        </Menu.Item>
        {user.active ? (
          <Menu.Item
            color="red"
            leftSection={<IconUserOff size={16} />}
            onClick={() => onConfirm('deactivate')}
          >
            {t('users.deactivate')}
          </Menu.Item>
        ) : (
          <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => onConfirm('activate')}>
            {t('users.activate')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

const CONFIRMATION_TEXTS = {
  deactivate: {
    title: 'users.confirmDeactivateTitle',
    body: 'users.confirmDeactivateBody',
    action: 'users.deactivate',
  },
  activate: {
    title: 'users.confirmActivateTitle',
    body: 'users.confirmActivateBody',
    action: 'users.activate',
  },
  resetPassword: {
    title: 'users.confirmResetTitle',
    body: 'users.confirmResetBody',
    action: 'users.resetPassword',
  },
} as const;

interface UserConfirmationProps {
  confirmation: Confirmation;
  onClose: () => void;
  onPasswordReset: (result: { user: User; initialPassword: string }) => void;
}

/** Asks before deactivating, reactivating or resetting a password, then does it. */
function UserConfirmation({ confirmation, onClose, onPasswordReset }: UserConfirmationProps) {
  const { t } = useTranslation();
  const setActive = useSetUserActive();
  const resetPassword = useResetPassword();
  const { kind, user } = confirmation;
  const texts = CONFIRMATION_TEXTS[kind];
  const mutation = kind === 'resetPassword' ? resetPassword : setActive;

  const confirm = () => {
    if (kind === 'resetPassword') {
      resetPassword.mutate(user, {
        onSuccess: (result) => {
          onClose();
          onPasswordReset(result);
        },
      });
      return;
    }
    const active = kind === 'activate';
    setActive.mutate(
      { user, active },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t(active ? 'users.activated' : 'users.deactivated', { username: user.username }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <ConfirmDialog
      opened
      title={t(texts.title)}
      confirmLabel={t(texts.action)}
      danger={kind !== 'activate'}
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={confirm}
      onClose={onClose}
    >
      {t(texts.body, { name: user.fullName, username: user.username })}
    </ConfirmDialog>
  );
}
