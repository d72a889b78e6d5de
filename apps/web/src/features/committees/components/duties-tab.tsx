import {
  ActionIcon,
  Badge,
  Center,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import type { CommitteeDetail } from '@steerco/contract/committees';
import type { Membership } from '@steerco/contract/memberships';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { canOn, membersQueryOptions, useDutiesOf } from '../api.ts';
import { dutiesByDomain } from '../committees.ts';
import { DomainBadge, domainShort, RoleBadge } from './committee-badges.tsx';
import { DutiesEditorModal } from './duties-editor-modal.tsx';

/** Phân công nhiệm vụ: every member's duties, regrouped by domain (R7), each list editable as a new version. */
export function DutiesTab({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const members = useQuery(membersQueryOptions(committee.id));
  const current = members.data ?? [];
  const lists = useDutiesOf(
    committee.id,
    current.map((m) => m.id),
  );
  const [editing, setEditing] = useState<Membership | null>(null);
  const canEdit = canOn(committee, 'committee.manageDuties');

  if (members.isError) return <ProblemAlert error={members.error} onRetry={() => void members.refetch()} />;
  const failed = lists.find((list) => list.isError);
  if (members.isPending || lists.some((list) => list.isPending)) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  const withDuties = current.map((member, i) => ({ member, list: lists[i]?.data }));
  const groups = dutiesByDomain(
    committee.domains.map((d) => d.code),
    withDuties.map(({ member, list }) => ({ member, items: list?.items ?? [] })),
  );
  const versionOf = (member: Membership) =>
    withDuties.find((w) => w.member.id === member.id)?.list?.version ?? 0;
  const editButton = (member: Membership) =>
    canEdit && (
      <Tooltip label={t('duties.editOf', { name: member.fullName })} withArrow>
        <ActionIcon
          variant="subtle"
          aria-label={t('duties.editOf', { name: member.fullName })}
          onClick={() => setEditing(member)}
        >
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
    );

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('duties.subtitle')}
      </Text>
      {failed && <ProblemAlert error={failed.error} onRetry={() => void failed.refetch()} />}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Title order={2} fz="h5" mb="sm">
          {t('duties.members')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" verticalSpacing="xs">
          {withDuties.map(({ member, list }) => (
            <Group
              key={member.id}
              gap="xs"
              wrap="nowrap"
              justify="space-between"
              className="unit-row"
              px={6}
              py={4}
            >
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>
                  {member.fullName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`committees.roles.${member.role}`)} ·{' '}
                  {t('duties.count', { count: list?.items.length ?? 0 })}
                  {list && list.version > 0 ? ` · ${t('duties.version', { version: list.version })}` : ''}
                </Text>
              </Stack>
              {editButton(member)}
            </Group>
          ))}
        </SimpleGrid>
      </Paper>
      {groups.length === 0 && (
        <Text c="dimmed" ta="center" py="md">
          {t('duties.empty')}
        </Text>
      )}
      {groups.map((group) => {
        const domain = committee.domains.find((d) => d.code === group.domain);
        return (
          <Paper
            key={group.domain ?? 'general'}
            withBorder
            radius="md"
            p={{ base: 'sm', sm: 'md' }}
            component="section"
            aria-label={group.domain ? (domain?.name ?? group.domain) : t('committees.domainGeneral')}
          >
            <Group gap="xs" mb="sm">
              {group.domain ? (
                <DomainBadge code={group.domain} />
              ) : (
                <Badge color="gray">{t('committees.domainGeneral')}</Badge>
              )}
              <Title order={2} fz="h5">
                {group.domain ? (domain?.name ?? domainShort(group.domain)) : t('committees.domainGeneral')}
              </Title>
            </Group>
            <Stack gap="md">
              {group.members.map(({ member, items }) => (
                <Stack key={member.id} gap={4}>
                  <Group gap="xs" justify="space-between" wrap="nowrap">
                    <Group gap="xs" wrap="wrap">
                      <Text fw={600} size="sm">
                        {member.fullName}
                      </Text>
                      <RoleBadge role={member.role} isStanding={member.isStanding} />
                      {versionOf(member) > 0 && (
                        <Badge variant="outline" color="gray">
                          {t('duties.version', { version: versionOf(member) })}
                        </Badge>
                      )}
                    </Group>
                    {editButton(member)}
                  </Group>
                  <List size="sm" spacing={2} withPadding>
                    {items.map((item) => (
                      <List.Item key={item.id}>{item.text}</List.Item>
                    ))}
                  </List>
                </Stack>
              ))}
            </Stack>
          </Paper>
        );
      })}
      {editing && (
        <DutiesEditorModal committee={committee} member={editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
