import { Badge, Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { todayInVietnam } from '@steerco/contract/datetime';
import type { Delegation } from '@steerco/contract/delegations';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { canOn, delegationsQueryOptions, membersQueryOptions, useRevokeDelegation } from '../api.ts';
import { type DelegationState, delegationState } from '../committees.ts';
import { DomainBadges, formatDecision, formatPeriod } from './committee-badges.tsx';
import { DelegationFormModal } from './delegation-form-modal.tsx';

const STATE_COLORS: Record<DelegationState, string> = {
  active: 'teal',
  upcoming: 'blue',
  expired: 'gray',
  revoked: 'red',
};

/** Ủy quyền: the head's delegations with their state today; record one, revoke one. */
export function DelegationsTab({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const today = todayInVietnam();
  const delegations = useQuery(delegationsQueryOptions(committee.id));
  const members = useQuery(membersQueryOptions(committee.id));
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<Delegation | null>(null);
  const canDelegate = canOn(committee, 'committee.delegate');

  const columns: Column<Delegation>[] = [
    {
      key: 'to',
      header: t('delegations.columns.to'),
      minWidth: 170,
      render: (d) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {d.toName}
          </Text>
          <Text size="xs" c="dimmed">
            {t('delegations.columns.from')}: {d.fromName}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'scopes',
      header: t('delegations.columns.scopes'),
      minWidth: 170,
      render: (d) => (
        <Stack gap={4} align="flex-start">
          {d.scopes.map((scope) => (
            <Badge
              key={scope}
              color="blue"
              h="auto"
              mih={22}
              styles={{
                label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3, paddingBlock: 2 },
              }}
            >
              {t(`delegations.scopes.${scope}`)}
            </Badge>
          ))}
        </Stack>
      ),
    },
    {
      key: 'domains',
      header: t('delegations.columns.domains'),
      render: (d) =>
        d.domains.length ? (
          <DomainBadges codes={d.domains} domains={committee.domains} />
        ) : (
          <Text size="sm">{t('committees.allDomains')}</Text>
        ),
    },
    {
      key: 'period',
      header: t('delegations.columns.period'),
      render: (d) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatPeriod(d.validFrom, d.validTo, t)}
        </Text>
      ),
    },
    {
      key: 'document',
      header: t('delegations.columns.document'),
      minWidth: 130,
      render: (d) => (
        <Text size="sm" c={d.document ? undefined : 'dimmed'}>
          {formatDecision(d.document, t)}
        </Text>
      ),
    },
    {
      key: 'state',
      header: t('delegations.columns.state'),
      render: (d) => {
        const state = delegationState(d, today);
        return (
          <Badge color={STATE_COLORS[state]} styles={{ label: { overflow: 'visible' } }}>
            {t(`delegations.state.${state}`)}
          </Badge>
        );
      },
    },
    ...(canDelegate
      ? [
          {
            key: 'actions',
            header: t('delegations.columns.actions'),
            actions: true,
            render: (d: Delegation) =>
              !d.revokedAt &&
              d.validTo >= today && (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('delegations.revokeOf', { name: d.toName })}
                  onClick={() => setRevoking(d)}
                >
                  {t('delegations.revoke')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
            {t('delegations.subtitle')}
          </Text>
          {canDelegate && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setAdding(true)}
              disabled={!members.data}
            >
              {t('delegations.add')}
            </Button>
          )}
        </Group>
        {delegations.isError && (
          <ProblemAlert error={delegations.error} onRetry={() => void delegations.refetch()} />
        )}
        {delegations.isPending && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        {delegations.data && (
          <DataTable
            caption={t('delegations.caption')}
            columns={columns}
            rows={delegations.data}
            rowKey={(d) => d.id}
            emptyText={t('delegations.empty')}
          />
        )}
      </Stack>
      {adding && members.data && (
        <DelegationFormModal committee={committee} members={members.data} onClose={() => setAdding(false)} />
      )}
      {revoking && (
        <RevokeDialog committeeId={committee.id} delegation={revoking} onClose={() => setRevoking(null)} />
      )}
    </Paper>
  );
}

function RevokeDialog({
  committeeId,
  delegation,
  onClose,
}: {
  committeeId: string;
  delegation: Delegation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const revoke = useRevokeDelegation(committeeId);
  return (
    <ConfirmDialog
      opened
      title={t('delegations.revokeTitle')}
      confirmLabel={t('delegations.revoke')}
      danger
      pending={revoke.isPending}
      error={revoke.error}
      onClose={onClose}
      onConfirm={() =>
        revoke.mutate(delegation.id, {
          onSuccess: () => {
            notifications.show({
              color: 'green',
              message: t('delegations.revoked', { name: delegation.toName }),
            });
            onClose();
          },
        })
      }
    >
      {t('delegations.revokeBody', { name: delegation.toName })}
    </ConfirmDialog>
  );
}
