import {
  ActionIcon,
  Anchor,
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
  Tooltip,
} from '@mantine/core';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { todayInVietnam } from '@steerco/contract/datetime';
import type { Membership } from '@steerco/contract/memberships';
import {
  IconDots,
  IconDownload,
  IconFileImport,
  IconListCheck,
  IconPencil,
  IconPlus,
  IconUserCircle,
  IconUserMinus,
  IconUserShare,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { DateField } from '../../../components/date-field.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { SampleBadge } from '../../../components/sample-badge.tsx';
import { canOn, type MembersQuery, membersExportUrl, membersQueryOptions } from '../api.ts';
import { domainShort, formatDecision, formatPeriod, RoleBadge } from './committee-badges.tsx';
import { DutiesEditorModal } from './duties-editor-modal.tsx';
import { EndMemberModal } from './end-member-modal.tsx';
import { ImportMembersModal } from './import-members-modal.tsx';
import { MemberDrawer } from './member-drawer.tsx';
import { MemberFormModal } from './member-form-modal.tsx';
import { PersonnelFormModal } from './personnel-form-modal.tsx';

type View = 'current' | 'at' | 'history';

type Dialog =
  | { kind: 'add' | 'import' }
  | { kind: 'edit' | 'end' | 'duties' | 'propose' | 'profile'; member: Membership };

/** Thành viên: the members by role today, on a past date, or the whole history; and what may be done to them. */
export function MembersTab({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const today = todayInVietnam();
  const [view, setView] = useState<View>('current');
  const [at, setAt] = useState<string | null>(today);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const query: MembersQuery = view === 'history' ? { includeEnded: true } : view === 'at' && at ? { at } : {};
  const members = useQuery(membersQueryOptions(committee.id, query));
  // Forms need today's members whatever the table shows (who is already a member, whom to replace).
  const current = useQuery(membersQueryOptions(committee.id));
  const currentMembers = current.data ?? [];
  const manage = canOn(committee, 'committee.manageMembers');
  const manageDuties = canOn(committee, 'committee.manageDuties');
  const propose = canOn(committee, 'personnel.propose');

  const columns: Column<Membership>[] = [
    {
      key: 'fullName',
      header: t('members.columns.fullName'),
      minWidth: 190,
      render: (member) => (
        <Stack gap={2}>
          <Group gap={6} wrap="wrap">
            <Anchor
              component="button"
              type="button"
              fw={600}
              size="sm"
              ta="left"
              c="dark.7"
              onClick={() => setDialog({ kind: 'profile', member })}
            >
              {member.fullName}
            </Anchor>
            {member.isSample && <SampleBadge />}
          </Group>
        </Stack>
      ),
    },
    {
      key: 'role',
      header: t('members.columns.role'),
      minWidth: 150,
      render: (member) => (
        <Stack gap={4} align="flex-start">
          <RoleBadge role={member.role} isStanding={member.isStanding} />
          {member.leadDomain && (
            <Text size="xs" c="dimmed">
              {t('committees.leads', { domain: domainShort(member.leadDomain) })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'position',
      header: t('members.columns.position'),
      minWidth: 170,
      render: (member) => member.position ?? t('common.notSet'),
    },
    {
      key: 'unit',
      header: t('members.columns.unit'),
      minWidth: 150,
      render: (member) => member.unitName ?? t('common.notSet'),
    },
    {
      key: 'period',
      header: t('members.columns.period'),
      render: (member) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatPeriod(member.startDate, member.endDate, t)}
        </Text>
      ),
    },
    {
      key: 'decision',
      header: t('members.columns.decision'),
      minWidth: 150,
      render: (member) => (
        <Text size="sm" c={member.appointingDecision ? undefined : 'dimmed'}>
          {formatDecision(member.appointingDecision, t)}
        </Text>
      ),
    },
    ...(view === 'history'
      ? [
          {
            key: 'status',
            header: t('members.columns.status'),
            minWidth: 150,
            render: (member: Membership) => <MemberStatus member={member} today={today} />,
          },
        ]
      : []),
    {
      key: 'actions',
      header: t('members.columns.actions'),
      actions: true,
      render: (member) => (
        <Menu position="bottom-end" withinPortal shadow="md">
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('members.rowActions', { name: member.fullName })}
            >
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconUserCircle size={16} />}
              onClick={() => setDialog({ kind: 'profile', member })}
            >
              {t('members.profile')}
            </Menu.Item>
            {member.active && manage && (
              <Menu.Item
                leftSection={<IconPencil size={16} />}
                onClick={() => setDialog({ kind: 'edit', member })}
              >
                {t('members.edit')}
              </Menu.Item>
            )}
            {member.active && manageDuties && (
              <Menu.Item
                leftSection={<IconListCheck size={16} />}
                onClick={() => setDialog({ kind: 'duties', member })}
              >
                {t('members.editDuties')}
              </Menu.Item>
            )}
            {member.active && propose && member.role !== 'guest' && (
              <Menu.Item
                leftSection={<IconUserShare size={16} />}
                onClick={() => setDialog({ kind: 'propose', member })}
              >
                {t('members.propose')}
              </Menu.Item>
            )}
            {member.active && manage && (
              <Menu.Item
                color="red"
                leftSection={<IconUserMinus size={16} />}
                onClick={() => setDialog({ kind: 'end', member })}
              >
                {t('members.end')}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];

  // On a phone: one column with the name, the role and the unit stacked, and the row's actions (no sideways
  // scrolling); the profile opened from the name shows the rest.
  const columnOf = (key: string) => columns.find((column) => column.key === key) as Column<Membership>;
  const phoneColumns: Column<Membership>[] = [
    {
      key: 'member',
      header: t('members.columns.fullName'),
      render: (member) => (
        <Stack gap={4} align="flex-start">
          {columnOf('fullName').render(member)}
          {columnOf('role').render(member)}
          {member.unitName && <Text size="xs">{member.unitName}</Text>}
        </Stack>
      ),
    },
    columnOf('actions'),
  ];

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <SegmentedControl
              aria-label={t('members.view')}
              value={view}
              onChange={(value) => setView(value as View)}
              data={[
                { value: 'current', label: t('members.viewCurrent') },
                { value: 'at', label: t('members.viewAt') },
                { value: 'history', label: t('members.viewHistory') },
              ]}
            />
            {view === 'at' && (
              <DateField label={t('members.atDate')} value={at} onChange={setAt} w={170} withAsterisk />
            )}
          </Group>
          <Group gap="xs" wrap="wrap">
            <Button
              component="a"
              href={membersExportUrl(committee.id)}
              download
              variant="default"
              leftSection={<IconDownload size={16} />}
            >
              {t('members.export')}
            </Button>
            {manage && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconFileImport size={16} />}
                  onClick={() => setDialog({ kind: 'import' })}
                >
                  {t('members.import')}
                </Button>
                <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'add' })}>
                  {t('members.add')}
                </Button>
              </>
            )}
          </Group>
        </Group>
        {members.isError && <ProblemAlert error={members.error} onRetry={() => void members.refetch()} />}
        {members.isPending && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        {members.data && (
          <DataTable
            caption={t('members.caption')}
            columns={columns}
            rows={members.data}
            rowKey={(member) => member.id}
            emptyText={view === 'at' ? t('members.emptyAt') : t('members.empty')}
            phoneColumns={phoneColumns}
            refreshing={members.isPlaceholderData}
          />
        )}
      </Stack>

      {dialog?.kind === 'add' && (
        <MemberFormModal
          committee={committee}
          memberUserIds={new Set(currentMembers.map((m) => m.userId))}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'edit' && (
        <MemberFormModal
          key={dialog.member.id}
          committee={committee}
          member={dialog.member}
          memberUserIds={new Set()}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'end' && (
        <EndMemberModal committeeId={committee.id} member={dialog.member} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'duties' && (
        <DutiesEditorModal committee={committee} member={dialog.member} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'propose' && (
        <PersonnelFormModal
          committee={committee}
          members={currentMembers}
          member={dialog.member}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'import' && (
        <ImportMembersModal committeeId={committee.id} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'profile' && (
        <MemberDrawer committee={committee} member={dialog.member} onClose={() => setDialog(null)} />
      )}
    </Paper>
  );
}

function MemberStatus({ member, today }: { member: Membership; today: string }) {
  const { t } = useTranslation();
  if (member.startDate > today) return <Badge color="blue">{t('members.statusUpcoming')}</Badge>;
  if (member.active) return <Badge color="teal">{t('members.statusActive')}</Badge>;
  const badge = (
    <Badge color="gray">{member.replacedById ? t('members.replaced') : t('members.statusEnded')}</Badge>
  );
  return member.endReason ? (
    <Tooltip label={member.endReason} withArrow multiline maw={320}>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
