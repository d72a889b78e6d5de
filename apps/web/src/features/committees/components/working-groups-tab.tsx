import {
  Badge,
  Box,
  Button,
  Center,
  Group,
  Loader,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { WorkingGroupBody as WorkingGroupSchema } from '@steerco/contract/agencies';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { IconPencil, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { Fact } from '../../../components/fact.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { problemOutsideFields, setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { schemaErrors, textOrNull } from '../../../lib/schema-errors.ts';
import {
  canOn,
  membersQueryOptions,
  useSaveWorkingGroup,
  type WorkingGroup,
  type WorkingGroupBody,
  workingGroupsQueryOptions,
} from '../api.ts';
import { DomainBadge, domainShort, formatDecision, formatPeriod } from './committee-badges.tsx';
import { DecisionFields, type DecisionValues, decisionBodyOf, decisionValuesOf } from './decision-fields.tsx';

type GroupDialog = { mode: 'create'; parent: WorkingGroup | null } | { mode: 'edit'; group: WorkingGroup };

/** Tổ giúp việc (R6): the working groups and, under each, the sub-groups its leader formed. */
export function WorkingGroupsTab({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const groups = useQuery(workingGroupsQueryOptions(committee.id));
  const [dialog, setDialog] = useState<GroupDialog | null>(null);
  const canManage = canOn(committee, 'committee.manageStructure');
  const all = groups.data ?? [];
  const ids = new Set(all.map((g) => g.id));
  const tops = all.filter((g) => !g.parentGroupId || !ids.has(g.parentGroupId));

  const renderGroup = (group: WorkingGroup, depth: number) => {
    const children = all.filter((g) => g.parentGroupId === group.id);
    return (
      <Box key={group.id} pl={depth ? { base: 'sm', sm: 'xl' } : 0}>
        <Paper
          withBorder
          radius="md"
          p="md"
          component="article"
          aria-label={group.name}
          style={depth ? { borderLeft: '3px solid var(--mantine-color-govRed-3)' } : undefined}
        >
          <Group justify="space-between" align="flex-start" gap="xs">
            <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
              <Group gap="xs">
                {depth > 0 && <Badge color="gray">{t('groups.subGroups')}</Badge>}
                <Title order={depth ? 3 : 2} fz="h5">
                  {group.name}
                </Title>
                {group.domain && <DomainBadge code={group.domain} />}
              </Group>
              {group.purpose && (
                <Text size="sm" c="dimmed">
                  {group.purpose}
                </Text>
              )}
            </Stack>
            {canManage && (
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconPencil size={14} />}
                  aria-label={t('groups.edit', { name: group.name })}
                  onClick={() => setDialog({ mode: 'edit', group })}
                >
                  {t('common.edit')}
                </Button>
                {depth === 0 && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => setDialog({ mode: 'create', parent: group })}
                  >
                    {t('groups.addSub')}
                  </Button>
                )}
              </Group>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt="sm">
            <Fact label={t('groups.leader')}>{group.leaderName ?? t('groups.noLeader')}</Fact>
            <Fact label={t('groups.period')}>{formatPeriod(group.startDate, group.endDate, t)}</Fact>
            <Fact label={t('groups.decision')}>{formatDecision(group.establishingDecision, t)}</Fact>
          </SimpleGrid>
          <Text size="xs" c="dimmed" fw={600} mt="sm">
            {t('groups.members', { count: group.members.length })}
          </Text>
          {group.members.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('groups.noMembers')}
            </Text>
          ) : (
            <Group gap={6} mt={4}>
              {group.members.map((m) => (
                <Badge
                  key={m.userId}
                  color={m.isLeader ? 'govRed' : 'gray'}
                  variant={m.isLeader ? 'filled' : 'light'}
                  title={m.position ?? undefined}
                >
                  {m.fullName}
                </Badge>
              ))}
            </Group>
          )}
        </Paper>
        {children.length > 0 && (
          <Stack gap="sm" mt="sm">
            {children.map((child) => renderGroup(child, depth + 1))}
          </Stack>
        )}
      </Box>
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('groups.subtitle')}
        </Text>
        {canManage && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setDialog({ mode: 'create', parent: null })}
          >
            {t('groups.add')}
          </Button>
        )}
      </Group>
      {groups.isError && <ProblemAlert error={groups.error} onRetry={() => void groups.refetch()} />}
      {groups.isPending && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {groups.data?.length === 0 && (
        <Paper withBorder radius="md">
          <EmptyState icon={<IconUsersGroup size={28} />} title={t('groups.empty')} />
        </Paper>
      )}
      <Stack gap="md">{tops.map((group) => renderGroup(group, 0))}</Stack>
      {dialog && (
        <WorkingGroupFormModal
          key={dialog.mode === 'edit' ? dialog.group.id : `new-${dialog.parent?.id ?? 'top'}`}
          committee={committee}
          groups={all}
          dialog={dialog}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}

const fieldOfCode = {
  'committee.invalidGroupParent': 'parentGroupId',
  'validation.dateOrder': 'endDate',
} as const;

interface GroupFormValues {
  name: string;
  parentGroupId: string | null;
  domain: string | null;
  purpose: string;
  leaderUserId: string | null;
  memberUserIds: string[];
  startDate: string | null;
  endDate: string | null;
  establishingDecision: DecisionValues;
}

function WorkingGroupFormModal({
  committee,
  groups,
  dialog,
  onClose,
}: {
  committee: CommitteeDetail;
  groups: WorkingGroup[];
  dialog: GroupDialog;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveWorkingGroup(committee.id);
  const members = useQuery(membersQueryOptions(committee.id));
  const group = dialog.mode === 'edit' ? dialog.group : null;

  // The people one may choose: today's committee members and whoever already sits in the group.
  const people = new Map<string, string>();
  for (const m of members.data ?? []) people.set(m.userId, m.fullName);
  for (const m of group?.members ?? []) people.set(m.userId, m.fullName);
  const peopleOptions = [...people].map(([value, label]) => ({ value, label }));

  const bodyOf = (values: GroupFormValues) => ({
    name: values.name.trim(),
    parentGroupId: values.parentGroupId,
    domain: values.domain,
    purpose: textOrNull(values.purpose),
    leaderUserId: values.leaderUserId,
    memberUserIds: values.memberUserIds,
    startDate: values.startDate,
    endDate: values.endDate,
    establishingDecision: decisionBodyOf(values.establishingDecision),
  });
  const form = useForm<GroupFormValues>({
    initialValues: {
      name: group?.name ?? '',
      parentGroupId: group
        ? group.parentGroupId
        : dialog.mode === 'create'
          ? (dialog.parent?.id ?? null)
          : null,
      domain: group?.domain ?? null,
      purpose: group?.purpose ?? '',
      leaderUserId: group?.leaderUserId ?? null,
      memberUserIds: group?.members.map((m) => m.userId) ?? [],
      startDate: group?.startDate ?? null,
      endDate: group?.endDate ?? null,
      establishingDecision: decisionValuesOf(group?.establishingDecision),
    },
    validate: (values) => {
      const errors = schemaErrors(WorkingGroupSchema, bodyOf(values), t);
      if (values.startDate && values.endDate && values.endDate < values.startDate) {
        errors.endDate ??= t('validation.dateOrder');
      }
      return errors;
    },
  });

  const submit = form.onSubmit((values) =>
    save.mutate(
      { groupId: group?.id, body: bodyOf(values) as WorkingGroupBody },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('groups.saved', { name: saved.name }) });
          onClose();
        },
        onError: (error) => setFieldErrorsFromProblem(form, error, fieldOfCode),
      },
    ),
  );

  const title =
    dialog.mode === 'edit'
      ? t('groups.form.editTitle')
      : dialog.parent
        ? t('groups.form.createSubTitle')
        : t('groups.form.createTitle');
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={title}
      onSubmit={submit}
      submitting={save.isPending}
      error={problemOutsideFields(save.error, fieldOfCode)}
    >
      <TextInput label={t('groups.form.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('groups.form.parent')}
          placeholder={t('groups.form.parentNone')}
          clearable
          data={groups.filter((g) => g.id !== group?.id).map((g) => ({ value: g.id, label: g.name }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('parentGroupId')}
        />
        <Select
          label={t('groups.form.domain')}
          clearable
          data={committee.domains.map((d) => ({
            value: d.code,
            label: `${domainShort(d.code)} — ${d.name}`,
          }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('domain')}
        />
      </SimpleGrid>
      <Textarea label={t('groups.form.purpose')} autosize minRows={2} {...form.getInputProps('purpose')} />
      <Select
        label={t('groups.form.leader')}
        clearable
        searchable
        data={peopleOptions}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('leaderUserId')}
      />
      <MultiSelect
        label={t('groups.form.members')}
        description={t('groups.form.membersHint')}
        searchable
        data={peopleOptions}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('memberUserIds')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <DateField
          label={t('groups.form.startDate')}
          value={form.values.startDate}
          onChange={(date) => form.setFieldValue('startDate', date)}
          error={form.errors.startDate}
        />
        <DateField
          label={t('groups.form.endDate')}
          value={form.values.endDate}
          onChange={(date) => form.setFieldValue('endDate', date)}
          error={form.errors.endDate}
        />
      </SimpleGrid>
      <DecisionFields
        legend={t('groups.form.decision')}
        values={form.values.establishingDecision}
        onChange={(decision) => form.setFieldValue('establishingDecision', decision)}
        errors={{
          number: form.errors['establishingDecision.number'],
          date: form.errors['establishingDecision.date'],
          signer: form.errors['establishingDecision.signer'],
        }}
      />
    </ModalForm>
  );
}
