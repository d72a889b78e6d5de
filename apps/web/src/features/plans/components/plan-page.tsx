import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Group,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate } from '@steerco/contract/datetime';
import type { PlanDetail, PlanItem } from '@steerco/contract/plans';
import {
  IconArrowLeft,
  IconChecks,
  IconDots,
  IconFileText,
  IconListDetails,
  IconPencil,
  IconPlus,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { Fact } from '../../../components/fact.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { committeeQueryOptions } from '../../committees/api.ts';
import { DomainBadge } from '../../committees/components/committee-badges.tsx';
import { DerivedStatusBadge } from '../../tasks/components/task-badges.tsx';
import { useApprovePlan, useCancelPlan, useDraftPlanDocument, useUpdatePlan } from '../api.ts';
import { groupItems, inputOf, ROMAN } from '../plans.ts';
import { PlanItemModal } from './plan-item-modal.tsx';
import { PlanStatusBadge } from './plans-tab.tsx';
import { ReviewSection } from './review-table.tsx';

type Dialog =
  | { kind: 'item'; index: number | null }
  | { kind: 'approve' }
  | { kind: 'cancel' }
  | { kind: 'remove'; index: number };

/**
 * One annual work plan (R5): its facts, the items by domain and quarter, the editor while it is a draft, the
 * approval that assigns the tasks (R3, R4), the Kế hoạch document and the review figures of its tasks.
 */
export function PlanPage({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const committee = useQuery(committeeQueryOptions(plan.committeeId));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const approve = useApprovePlan(plan.id);
  const cancel = useCancelPlan(plan.id);
  const draftDocument = useDraftPlanDocument(plan.id);
  const update = useUpdatePlan(plan.id);
  const can = (a: PlanDetail['allowedActions'][number]) => plan.allowedActions.includes(a);
  const close = () => {
    setDialog(null);
    approve.reset();
    cancel.reset();
    update.reset();
  };

  return (
    <>
      <Anchor
        renderRoot={(props) => (
          <Link
            to="/ban-chi-dao/$committeeId"
            params={{ committeeId: plan.committeeId }}
            search={{ tab: 'ke-hoach' }}
            {...props}
          />
        )}
        size="sm"
        c="dimmed"
        mb="xs"
        display="inline-block"
      >
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden />
          {t('plans.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={plan.title}
        description={committee.data?.name}
        actions={
          <Group gap="xs">
            {can('edit') && (
              <Button
                variant="light"
                leftSection={<IconPlus size={16} />}
                onClick={() => setDialog({ kind: 'item', index: null })}
              >
                {t('plans.actions.addItem')}
              </Button>
            )}
            {can('draftDocument') && (
              <Button
                variant="default"
                leftSection={<IconFileText size={16} />}
                loading={draftDocument.isPending}
                disabled={plan.items.length === 0}
                onClick={() =>
                  draftDocument.mutate(undefined, {
                    onSuccess: () =>
                      notifications.show({ color: 'green', message: t('plans.actions.documentDrafted') }),
                  })
                }
              >
                {t(plan.documentId ? 'plans.actions.redraftDocument' : 'plans.actions.draftDocument')}
              </Button>
            )}
            {can('approve') && (
              <Button
                leftSection={<IconChecks size={16} />}
                disabled={plan.items.length === 0}
                onClick={() => setDialog({ kind: 'approve' })}
              >
                {t('plans.actions.approve')}
              </Button>
            )}
            {can('cancel') && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconX size={16} />}
                onClick={() => setDialog({ kind: 'cancel' })}
              >
                {t('plans.actions.cancel')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="lg">
        <ProblemAlert error={draftDocument.error} />
        <PlanFacts plan={plan} />
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} fz="h4">
              {t('plans.items.heading')}
            </Title>
            <Group gap="md">
              <Text size="sm" c="dimmed">
                {t('plans.items.count', { count: plan.items.length })}
              </Text>
              {plan.status === 'approved' && (
                <Anchor
                  size="sm"
                  renderRoot={(props) => (
                    <Link
                      to="/nhiem-vu"
                      // The plan's tasks: those from plan items of this committee, due in the plan year.
                      search={{
                        ban: plan.committeeId,
                        source: 'planItem',
                        status: 'all',
                        from: `${plan.year}-01-01`,
                        to: `${plan.year}-12-31`,
                      }}
                      {...props}
                    />
                  )}
                >
                  {t('plans.items.allTasks')}
                </Anchor>
              )}
            </Group>
          </Group>
          {plan.items.length === 0 ? (
            <EmptyState icon={<IconListDetails size={28} />} title={t('plans.items.empty')}>
              {can('edit') && <Text size="sm">{t('plans.items.emptyManage')}</Text>}
            </EmptyState>
          ) : (
            <ItemsTable
              plan={plan}
              domainOrder={committee.data?.domains.map((d) => d.code) ?? []}
              editable={can('edit')}
              onEdit={(index) => setDialog({ kind: 'item', index })}
              onRemove={(index) => setDialog({ kind: 'remove', index })}
            />
          )}
        </Stack>
        {plan.status === 'approved' && (
          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
            <ReviewSection committee={{ id: plan.committeeId }} defaultYear={plan.year} planId={plan.id} />
          </Paper>
        )}
      </Stack>

      {dialog?.kind === 'item' && committee.data && (
        <PlanItemModal plan={plan} committee={committee.data} index={dialog.index} onClose={close} />
      )}
      <ConfirmDialog
        opened={dialog?.kind === 'approve'}
        title={t('plans.actions.approveTitle', { year: plan.year })}
        confirmLabel={t('plans.actions.approve')}
        pending={approve.isPending}
        error={approve.error}
        onClose={close}
        onConfirm={() =>
          approve.mutate(undefined, {
            onSuccess: (done) => {
              notifications.show({
                color: 'green',
                message: t('plans.actions.approved', { count: done.items.length }),
              });
              close();
            },
          })
        }
      >
        {t('plans.actions.approveConfirm', { count: plan.items.length })}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog?.kind === 'cancel'}
        title={t('plans.actions.cancelTitle')}
        confirmLabel={t('plans.actions.cancel')}
        danger
        pending={cancel.isPending}
        error={cancel.error}
        onClose={close}
        onConfirm={() =>
          cancel.mutate(undefined, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('plans.actions.cancelled') });
              close();
            },
          })
        }
      >
        {t('plans.actions.cancelConfirm', { year: plan.year })}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog?.kind === 'remove'}
        title={t('plans.actions.removeTitle')}
        confirmLabel={t('plans.actions.removeItem')}
        danger
        pending={update.isPending}
        error={update.error}
        onClose={close}
        onConfirm={() => {
          if (dialog?.kind !== 'remove') return;
          update.mutate(
            { items: plan.items.filter((_, i) => i !== dialog.index).map(inputOf) },
            { onSuccess: close },
          );
        }}
      >
        {dialog?.kind === 'remove' &&
          t('plans.actions.removeConfirm', { title: plan.items[dialog.index]?.title })}
      </ConfirmDialog>
    </>
  );
}

function PlanFacts({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" verticalSpacing="sm">
        <Fact label={t('plans.facts.year')}>{plan.year}</Fact>
        <Fact label={t('plans.facts.status')}>
          <PlanStatusBadge status={plan.status} />
        </Fact>
        <Fact label={t('plans.facts.approved')}>
          {plan.approvedAt && plan.approvedByName
            ? t('plans.facts.approvedBy', { name: plan.approvedByName, date: formatDate(plan.approvedAt) })
            : t('plans.facts.notApproved')}
          {plan.approvedUnderDelegation && (
            <Text size="xs" c="dimmed">
              {t('plans.facts.underDelegation')}
            </Text>
          )}
        </Fact>
        <Fact label={t('plans.facts.document')}>
          {plan.document ? (
            <Anchor
              size="sm"
              renderRoot={(props) => (
                <Link to="/van-ban/$documentId" params={{ documentId: plan.document!.id }} {...props} />
              )}
            >
              {t(`documents.status.${plan.document.status}`, { defaultValue: plan.document.status })} —{' '}
              {t('plans.actions.openDocument')}
            </Anchor>
          ) : (
            t('plans.facts.noDocument')
          )}
        </Fact>
      </SimpleGrid>
      {plan.purpose && (
        <Box mt="md">
          <Fact label={t('plans.facts.purpose')}>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {plan.purpose}
            </Text>
          </Fact>
        </Box>
      )}
    </Paper>
  );
}

interface ItemsProps {
  plan: PlanDetail;
  domainOrder: string[];
  editable: boolean;
  onEdit: (index: number) => void;
  onRemove: (index: number) => void;
}

/**
 * The plan's items as in the Kế hoạch's table: by domain, then quarter, numbered in reading order, with lead,
 * co-operators, product, deadline, and after approval the task each became. A table on wide screens, cards on a
 * phone.
 */
function ItemsTable(props: ItemsProps) {
  const groups = groupItems(props.plan.items, props.domainOrder);
  // Numbers follow the reading order of the groups, as in the document.
  const numbers = new Map(
    groups.flatMap((g) => g.quarters.flatMap((q) => q.items)).map((item, i) => [item.id, i + 1]),
  );
  return (
    <>
      <Box visibleFrom="md">
        <WideTable {...props} groups={groups} numbers={numbers} />
      </Box>
      <Box hiddenFrom="md">
        <ItemCards {...props} groups={groups} numbers={numbers} />
      </Box>
    </>
  );
}

type Grouped = ItemsProps & { groups: ReturnType<typeof groupItems>; numbers: Map<string, number> };

function WideTable({ plan, groups, numbers, editable, onEdit, onRemove }: Grouped) {
  const { t } = useTranslation();
  const approved = plan.status === 'approved';
  const columns = 6 + (approved ? 1 : 0) + (editable ? 1 : 0);
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="xs" fz="sm" withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>{t('plans.items.n')}</Table.Th>
              <Table.Th>{t('plans.items.content')}</Table.Th>
              <Table.Th w={160}>{t('plans.items.lead')}</Table.Th>
              <Table.Th w={160}>{t('plans.items.cooperating')}</Table.Th>
              <Table.Th w={140}>{t('plans.items.product')}</Table.Th>
              <Table.Th w={100}>{t('plans.items.deadline')}</Table.Th>
              {approved && <Table.Th w={120}>{t('plans.items.task')}</Table.Th>}
              {editable && <Table.Th w={48} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Fragment key={g.domain}>
                <Table.Tr bg="var(--mantine-color-default-hover)">
                  <Table.Td colSpan={columns}>
                    <DomainTitle code={g.domain} name={g.domainName} />
                  </Table.Td>
                </Table.Tr>
                {g.quarters.map((q) => (
                  <Fragment key={q.quarter}>
                    <Table.Tr>
                      <Table.Td colSpan={columns} py={4}>
                        <QuarterTitle quarter={q.quarter} />
                      </Table.Td>
                    </Table.Tr>
                    {q.items.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td ta="center">{numbers.get(item.id)}</Table.Td>
                        <Table.Td>
                          <ItemTitle item={item} />
                        </Table.Td>
                        <Table.Td>{leadOf(item)}</Table.Td>
                        <Table.Td>{cooperatorsOf(item) || t('common.notSet')}</Table.Td>
                        <Table.Td>{item.expectedProduct ?? t('common.notSet')}</Table.Td>
                        <Table.Td>{formatDate(item.deadline)}</Table.Td>
                        {approved && (
                          <Table.Td>
                            <TaskLink item={item} />
                          </Table.Td>
                        )}
                        {editable && (
                          <Table.Td>
                            <ItemMenu
                              n={numbers.get(item.id)!}
                              onEdit={() => onEdit(plan.items.indexOf(item))}
                              onRemove={() => onRemove(plan.items.indexOf(item))}
                            />
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Fragment>
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function ItemCards({ plan, groups, numbers, editable, onEdit, onRemove }: Grouped) {
  const { t } = useTranslation();
  const line = (label: string, value: ReactNode) => (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="xs" c="dimmed" fw={600} w={72} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </Group>
  );
  return (
    <Stack gap="md">
      {groups.map((g) => (
        <Stack key={g.domain} gap="xs">
          <DomainTitle code={g.domain} name={g.domainName} />
          {g.quarters.map((q) => (
            <Stack key={q.quarter} gap={6}>
              <QuarterTitle quarter={q.quarter} />
              {q.items.map((item) => (
                <Paper key={item.id} withBorder radius="md" p="sm">
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Group gap={6} align="flex-start" wrap="nowrap">
                      <Text size="sm" fw={700}>
                        {numbers.get(item.id)}.
                      </Text>
                      <ItemTitle item={item} />
                    </Group>
                    {editable && (
                      <ItemMenu
                        n={numbers.get(item.id)!}
                        onEdit={() => onEdit(plan.items.indexOf(item))}
                        onRemove={() => onRemove(plan.items.indexOf(item))}
                      />
                    )}
                  </Group>
                  <Stack gap={4} mt="xs">
                    {line(t('plans.items.lead'), leadOf(item))}
                    {item.cooperatingUnits.length > 0 &&
                      line(t('plans.items.cooperating'), cooperatorsOf(item))}
                    {item.expectedProduct && line(t('plans.items.product'), item.expectedProduct)}
                    {line(t('plans.items.deadline'), formatDate(item.deadline))}
                    {item.task && line(t('plans.items.task'), <TaskLink item={item} />)}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

const leadOf = (item: PlanItem) => item.leadUnit?.name ?? item.leadMember?.fullName;
const cooperatorsOf = (item: PlanItem) => item.cooperatingUnits.map((u) => u.name).join(', ');

function ItemTitle({ item }: { item: PlanItem }) {
  return (
    <Box>
      <Text size="sm" fw={500}>
        {item.title}
      </Text>
      {item.content && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
          {item.content}
        </Text>
      )}
    </Box>
  );
}

function TaskLink({ item }: { item: PlanItem }) {
  const { t } = useTranslation();
  if (!item.task) return null;
  const taskId = item.task.id;
  return (
    <Anchor
      aria-label={`${t('plans.items.openTask')}: ${item.title}`}
      renderRoot={(props) => <Link to="/nhiem-vu/$taskId" params={{ taskId }} {...props} />}
    >
      <DerivedStatusBadge derived={item.task.derivedStatus} />
    </Anchor>
  );
}

function ItemMenu({ n, onEdit, onRemove }: { n: number; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={t('plans.actions.itemActions', { n })}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
          {t('plans.actions.editItem')}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onRemove}>
          {t('plans.actions.removeItem')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function DomainTitle({ code, name }: { code: string; name: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <DomainBadge code={code} name={name} />
      <Text size="sm" fw={700} tt="uppercase">
        {name}
      </Text>
    </Group>
  );
}

function QuarterTitle({ quarter }: { quarter: number }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" fw={700} c="dimmed" tt="uppercase">
      {t('plans.items.quarter', { q: ROMAN[quarter - 1] })}
    </Text>
  );
}
