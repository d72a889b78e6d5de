import {
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { formatDate, formatDateTime } from '@steerco/contract/datetime';
import { IconArrowRight, IconCheck, IconFileText, IconPlus, IconUserShare, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { Fact } from '../../../components/fact.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import {
  canOn,
  fileDownloadUrl,
  membersQueryOptions,
  type PersonnelChange,
  personnelChangesQueryOptions,
  useDecidePersonnelChange,
} from '../api.ts';
import { movedItemsOf } from '../committees.ts';
import { PersonnelFormModal } from './personnel-form-modal.tsx';

const STATUS_COLORS = { proposed: 'yellow', approved: 'teal', rejected: 'red' } as const;

type Decision = 'approve' | 'reject';

/** Nhân sự (R14): proposed replacements with the unit's report; the head approves or rejects them. */
export function PersonnelTab({ committee }: { committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const changes = useQuery(personnelChangesQueryOptions(committee.id));
  const members = useQuery(membersQueryOptions(committee.id));
  const [proposing, setProposing] = useState(false);
  const [deciding, setDeciding] = useState<{ change: PersonnelChange; decision: Decision } | null>(null);
  const [approved, setApproved] = useState<PersonnelChange | null>(null);
  const canPropose = canOn(committee, 'personnel.propose');
  const canDecide = canOn(committee, 'personnel.decide');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('personnel.subtitle')}
        </Text>
        {canPropose && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setProposing(true)}
            disabled={!members.data}
          >
            {t('personnel.propose')}
          </Button>
        )}
      </Group>
      {changes.isError && <ProblemAlert error={changes.error} onRetry={() => void changes.refetch()} />}
      {changes.isPending && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
      {changes.data?.length === 0 && (
        <Paper withBorder radius="md">
          <EmptyState icon={<IconUserShare size={28} />} title={t('personnel.empty')} />
        </Paper>
      )}
      {changes.data?.map((change) => (
        <PersonnelChangeCard
          key={change.id}
          change={change}
          actions={
            canDecide &&
            change.status === 'proposed' && (
              <Group gap="xs">
                <Button
                  size="xs"
                  color="teal"
                  leftSection={<IconCheck size={14} />}
                  onClick={() => setDeciding({ change, decision: 'approve' })}
                >
                  {t('personnel.approve')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconX size={14} />}
                  onClick={() => setDeciding({ change, decision: 'reject' })}
                >
                  {t('personnel.reject')}
                </Button>
              </Group>
            )
          }
        />
      ))}
      {proposing && members.data && (
        <PersonnelFormModal
          committee={committee}
          members={members.data}
          onClose={() => setProposing(false)}
        />
      )}
      {deciding && (
        <DecideModal
          committeeId={committee.id}
          change={deciding.change}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onApproved={(change) => {
            setDeciding(null);
            setApproved(change);
          }}
        />
      )}
      {approved && <ApprovedModal change={approved} onClose={() => setApproved(null)} />}
    </Stack>
  );
}

function PersonnelChangeCard({ change, actions }: { change: PersonnelChange; actions: ReactNode }) {
  const { t } = useTranslation();
  const title = t('personnel.change', { outgoing: change.outgoingName, replacement: change.replacementName });
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={title}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6} style={{ flex: '1 1 18rem', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Title order={2} fz="h5">
              {change.outgoingName}
            </Title>
            <IconArrowRight size={16} aria-hidden />
            <Title order={2} fz="h5">
              {change.replacementName}
            </Title>
            <Badge color={STATUS_COLORS[change.status]}>{t(`personnel.status.${change.status}`)}</Badge>
          </Group>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('personnel.reason')}:{' '}
            </Text>
            {change.reason}
          </Text>
        </Stack>
        {actions}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" mt="sm">
        <Fact label={t('personnel.effective')}>{formatDate(change.effectiveDate)}</Fact>
        <Fact label={t('personnel.report')}>
          {change.reportNumber
            ? t('personnel.reportSummary', {
                number: change.reportNumber,
                date: formatDate(change.reportDate),
              })
            : t('personnel.reportDateOnly', { date: formatDate(change.reportDate) })}
          {change.reportFile && (
            <Anchor href={fileDownloadUrl(change.reportFile.id)} download size="sm" display="block">
              <Group gap={4} wrap="nowrap">
                <IconFileText size={14} aria-hidden />
                <span>{t('personnel.reportFile', { name: change.reportFile.name })}</span>
              </Group>
            </Anchor>
          )}
        </Fact>
        <Fact label={t('personnel.handling')}>
          <Text size="xs" c="dimmed">
            {t('personnel.proposedBy', {
              name: change.proposedBy ?? t('members.changedBySystem'),
              time: formatDateTime(change.proposedAt),
            })}
          </Text>
          {change.decidedAt && (
            <Text size="xs" c="dimmed">
              {t('personnel.decidedBy', {
                name: change.decidedBy ?? t('members.changedBySystem'),
                time: formatDateTime(change.decidedAt),
              })}
            </Text>
          )}
          {change.decisionNote && <Text size="xs">{t('personnel.note', { note: change.decisionNote })}</Text>}
        </Fact>
      </SimpleGrid>
      {change.status === 'approved' && <MovedItems change={change} />}
    </Paper>
  );
}

function MovedItems({ change }: { change: PersonnelChange }) {
  const { t } = useTranslation();
  const moved = movedItemsOf(change.movedItems);
  if (moved.length === 0) return null;
  return (
    <Stack gap={4} mt="sm">
      <Text size="xs" c="dimmed" fw={600}>
        {t('personnel.moved')}
      </Text>
      <Group gap={6}>
        {moved.map(({ kind, count }) => (
          <Badge key={kind} color={count > 0 ? 'teal' : 'gray'} variant="light">
            {kind === 'duties' || kind === 'workingGroups' || kind === 'delegationsEnded'
              ? t(`personnel.movedKinds.${kind}`, { count })
              : t('personnel.movedOther', { kind, count })}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

function DecideModal({
  committeeId,
  change,
  decision,
  onClose,
  onApproved,
}: {
  committeeId: string;
  change: PersonnelChange;
  decision: Decision;
  onClose: () => void;
  onApproved: (change: PersonnelChange) => void;
}) {
  const { t } = useTranslation();
  const decide = useDecidePersonnelChange(committeeId);
  const form = useForm({ initialValues: { note: '' } });
  const submit = form.onSubmit(({ note }) =>
    decide.mutate(
      { changeId: change.id, body: { decision, ...(note.trim() ? { note: note.trim() } : {}) } },
      {
        onSuccess: (decided) => {
          if (decision === 'approve') {
            onApproved(decided);
          } else {
            notifications.show({
              color: 'green',
              message: t('personnel.rejected', { name: change.outgoingName }),
            });
            onClose();
          }
        },
      },
    ),
  );
  const names = { outgoing: change.outgoingName, replacement: change.replacementName };
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t(decision === 'approve' ? 'personnel.decide.approveTitle' : 'personnel.decide.rejectTitle')}
      onSubmit={submit}
      submitLabel={t(decision === 'approve' ? 'personnel.approve' : 'personnel.reject')}
      submitting={decide.isPending}
      error={decide.error}
    >
      <Text size="sm">
        {t('personnel.decide.body', {
          ...names,
          date: formatDate(change.effectiveDate),
          reason: change.reason,
        })}
      </Text>
      {decision === 'approve' && (
        <Text size="sm" c="dimmed">
          {t('personnel.decide.approveHint', names)}
        </Text>
      )}
      <Textarea
        label={t('personnel.decide.note')}
        autosize
        minRows={2}
        data-autofocus
        {...form.getInputProps('note')}
      />
    </ModalForm>
  );
}

/** After approval: who replaced whom, and what moved across (R14). */
function ApprovedModal({ change, onClose }: { change: PersonnelChange; onClose: () => void }) {
  const { t } = useTranslation();
  const moved = movedItemsOf(change.movedItems);
  return (
    <Modal opened onClose={onClose} title={t('personnel.decide.approvedTitle')}>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="teal" variant="light" radius="xl" size="lg" aria-hidden>
            <IconCheck size={18} />
          </ThemeIcon>
          <Text size="sm">
            {t('personnel.decide.approvedBody', {
              outgoing: change.outgoingName,
              replacement: change.replacementName,
              date: formatDate(change.effectiveDate),
            })}
          </Text>
        </Group>
        {moved.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('personnel.moved')}
            </Text>
            <List size="sm" spacing={2} aria-label={t('personnel.moved')}>
              {moved.map(({ kind, count }) => (
                <List.Item key={kind}>
                  {kind === 'duties' || kind === 'workingGroups' || kind === 'delegationsEnded'
                    ? t(`personnel.movedKinds.${kind}`, { count })
                    : t('personnel.movedOther', { kind, count })}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('personnel.decide.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
