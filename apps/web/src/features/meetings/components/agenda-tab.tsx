import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Checkbox,
  FileButton,
  Group,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { formatDate } from '@steerco/contract/datetime';
import { IconFileText, IconListCheck, IconPaperclip, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { DerivedStatusBadge } from '../../tasks/components/task-badges.tsx';
import {
  type AgendaItemWithDocuments,
  canOnMeeting,
  carryOverQueryOptions,
  fileDownloadUrl,
  type MeetingView,
  useAddAgendaItem,
  useApplyCarryOver,
  useAttachAgendaDocument,
  useRemoveAgendaDocument,
  useRemoveAgendaItem,
} from '../api.ts';
import { agendaMinutes, formatFileSize } from '../meetings.ts';

const PERIODIC: MeetingView['kind'][] = ['quarterly', 'halfYearReview', 'annualReview'];

/** What the server accepts as agenda documents (it checks the content too). */
const DOCUMENT_TYPES =
  'application/pdf,.pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.xlsx';

/**
 * Chương trình: the ordered agenda with presenters, durations, the items taking opinions (R12) and their
 * documents. The standing agency edits it until the meeting is held; after the notice, changes go out as an
 * amended notice.
 */
export function AgendaTab({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const editable =
    canOnMeeting(meeting, 'meeting.manage') &&
    (meeting.status === 'draft' || meeting.status === 'noticeSent');
  const total = agendaMinutes(meeting.agenda);
  return (
    <Stack gap="md">
      {meeting.status === 'noticeSent' && editable && (
        <Text size="sm" c="dimmed">
          {t('meetings.agenda.amendHint')}
        </Text>
      )}
      {meeting.agenda.length === 0 ? (
        <EmptyState icon={<IconFileText size={28} />} title={t('meetings.agenda.empty')}>
          {editable ? t('meetings.agenda.emptyManage') : undefined}
        </EmptyState>
      ) : (
        <Stack
          gap="sm"
          component="ol"
          aria-label={t('meetings.agenda.listLabel')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {meeting.agenda.map((item, index) => (
            <AgendaItemCard
              key={item.id}
              meeting={meeting}
              item={item}
              index={index + 1}
              editable={editable}
            />
          ))}
        </Stack>
      )}
      {total > 0 && (
        <Text size="sm" c="dimmed">
          {t('meetings.agenda.total', { minutes: total })}
        </Text>
      )}
      {editable && meeting.status === 'draft' && PERIODIC.includes(meeting.kind) && (
        <CarryOver meeting={meeting} />
      )}
      {editable && <AddAgendaItemForm meeting={meeting} />}
    </Stack>
  );
}

function AgendaItemCard({
  meeting,
  item,
  index,
  editable,
}: {
  meeting: MeetingView;
  item: AgendaItemWithDocuments;
  index: number;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const remove = useRemoveAgendaItem(meeting.id);
  const attach = useAttachAgendaDocument(meeting.id);
  const detach = useRemoveAgendaDocument(meeting.id);
  const [confirming, setConfirming] = useState(false);
  const documents = item.documents ?? [];
  return (
    <Paper component="li" withBorder radius="md" p="sm" aria-label={item.title}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Badge variant="filled" color="gray" circle size="lg" style={{ flexShrink: 0 }}>
          {index}
        </Badge>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {item.title}
            </Text>
            {editable && (
              <Tooltip label={t('meetings.agenda.remove')}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('meetings.agenda.removeItem', { title: item.title })}
                  onClick={() => setConfirming(true)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
          <Group gap="xs" wrap="wrap">
            {(item.presenter || item.durationMinutes) && (
              <Text size="sm" c="dimmed">
                {[
                  item.presenter ? t('meetings.agenda.presenterValue', { name: item.presenter }) : null,
                  item.durationMinutes ? t('meetings.agenda.minutes', { count: item.durationMinutes }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            )}
            {item.takesOpinions && (
              <Badge color="grape" variant="light">
                {t('meetings.agenda.takesOpinions')}
              </Badge>
            )}
            {item.carriedOver && (
              <Badge color="gray" variant="light">
                {t('meetings.agenda.carriedOver')}
              </Badge>
            )}
          </Group>
          {item.carriedTasks.length > 0 && (
            <Stack
              gap={4}
              component="ul"
              aria-label={t('meetings.carryOver.listOf')}
              style={{ margin: 0, paddingLeft: 18 }}
            >
              {item.carriedTasks.map((task) => (
                <Text component="li" size="sm" key={task.taskId}>
                  {task.title}{' '}
                  <Text span size="xs" c="dimmed">
                    {t('meetings.carryOver.line', {
                      lead: task.leadName ?? t('common.notSet'),
                      deadline: formatDate(task.deadline),
                      progress: task.progress,
                    })}
                  </Text>{' '}
                  <DerivedStatusBadge derived={task.derivedStatus} />
                </Text>
              ))}
            </Stack>
          )}
          {(documents.length > 0 || editable) && (
            <Stack gap={4} aria-label={t('meetings.agenda.documentsOf', { title: item.title })} role="group">
              {documents.map((doc) => (
                <Group key={doc.id} gap="xs" wrap="nowrap">
                  <IconPaperclip size={14} aria-hidden style={{ flexShrink: 0 }} />
                  <Anchor href={fileDownloadUrl(doc.id)} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {doc.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatFileSize(doc.size)}
                  </Text>
                  {editable && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="sm"
                      aria-label={t('meetings.agenda.removeDocument', { name: doc.name })}
                      loading={detach.isPending && detach.variables?.fileId === doc.id}
                      onClick={() => detach.mutate({ itemId: item.id, fileId: doc.id })}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  )}
                </Group>
              ))}
              {editable && (
                <Group gap="xs">
                  <FileButton
                    accept={DOCUMENT_TYPES}
                    onChange={(file) =>
                      file &&
                      attach.mutate(
                        { itemId: item.id, file },
                        {
                          onSuccess: (stored) =>
                            notifications.show({
                              color: 'green',
                              message: t('meetings.agenda.attached', { name: stored.name }),
                            }),
                        },
                      )
                    }
                  >
                    {(props) => (
                      <Button
                        {...props}
                        size="xs"
                        variant="light"
                        leftSection={<IconPaperclip size={14} />}
                        loading={attach.isPending}
                        aria-label={t('meetings.agenda.attachTo', { title: item.title })}
                      >
                        {t('meetings.agenda.attach')}
                      </Button>
                    )}
                  </FileButton>
                  <Text size="xs" c="dimmed">
                    {t('meetings.agenda.attachHint')}
                  </Text>
                </Group>
              )}
              <ProblemAlert error={attach.error ?? detach.error} />
            </Stack>
          )}
        </Stack>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t('meetings.agenda.removeTitle')}
        confirmLabel={t('meetings.agenda.remove')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(item.id, { onSuccess: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      >
        {t('meetings.agenda.removeBody', { title: item.title })}
      </ConfirmDialog>
    </Paper>
  );
}

interface AgendaValues {
  title: string;
  presenter: string;
  durationMinutes: number | string;
  takesOpinions: boolean;
}

function AddAgendaItemForm({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const add = useAddAgendaItem(meeting.id);
  const form = useForm<AgendaValues>({
    initialValues: { title: '', presenter: '', durationMinutes: '', takesOpinions: false },
    validate: {
      title: (v) => (v.trim() ? null : t('common.required')),
      durationMinutes: (v) =>
        v === '' || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 600)
          ? null
          : t('meetings.agenda.durationInvalid'),
    },
  });
  const submit = form.onSubmit((v) =>
    add.mutate(
      {
        title: v.title.trim(),
        presenter: v.presenter.trim() || null,
        durationMinutes: typeof v.durationMinutes === 'number' ? v.durationMinutes : null,
        takesOpinions: v.takesOpinions,
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('meetings.agenda.added', { title: v.title.trim() }),
          });
          form.reset();
        },
      },
    ),
  );
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('meetings.agenda.addTitle')}
    >
      <Title order={2} fz="h5" mb="sm">
        {t('meetings.agenda.addTitle')}
      </Title>
      <Stack gap="sm">
        <TextInput label={t('meetings.agenda.itemTitle')} withAsterisk {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('meetings.agenda.presenter')}
            placeholder={t('meetings.agenda.presenterPlaceholder')}
            {...form.getInputProps('presenter')}
          />
          <NumberInput
            label={t('meetings.agenda.duration')}
            min={1}
            max={600}
            allowDecimal={false}
            {...form.getInputProps('durationMinutes')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('meetings.agenda.takesOpinionsLabel')}
          description={t('meetings.agenda.takesOpinionsHint')}
          {...form.getInputProps('takesOpinions', { type: 'checkbox' })}
        />
        <ProblemAlert error={add.error} />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={add.isPending}>
            {t('meetings.agenda.add')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * Nhiệm vụ chuyển kỳ (R8): the standing agency picks, among the committee's unfinished and overdue tasks due by
 * the meeting day, those the periodic meeting reviews first; their state is kept as it is now.
 */
function CarryOver({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const carried = meeting.agenda.find((a) => a.carriedOver);
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-label={t('meetings.carryOver.title')}
    >
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 18rem' }}>
          <Title order={2} fz="h5">
            {t('meetings.carryOver.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {carried
              ? t('meetings.carryOver.chosen', { count: carried.carriedTasks.length })
              : t('meetings.carryOver.hint')}
          </Text>
        </Stack>
        <Button variant="light" leftSection={<IconListCheck size={16} />} onClick={() => setOpen(true)}>
          {t('meetings.carryOver.choose')}
        </Button>
      </Group>
      {open && (
        <CarryOverModal
          meeting={meeting}
          current={carried?.carriedTasks.map((task) => task.taskId)}
          onClose={() => setOpen(false)}
        />
      )}
    </Paper>
  );
}

function CarryOverModal({
  meeting,
  current,
  onClose,
}: {
  meeting: MeetingView;
  current: string[] | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const proposal = useQuery(carryOverQueryOptions(meeting.id));
  const apply = useApplyCarryOver(meeting.id);
  const [picked, setPicked] = useState<string[] | null>(current ?? null);
  const chosen = picked ?? (proposal.data ?? []).map((task) => task.taskId);
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('meetings.carryOver.title')}
      submitLabel={t('meetings.carryOver.submit')}
      submitting={apply.isPending}
      error={apply.error ?? proposal.error}
      onSubmit={(event) => {
        event.preventDefault();
        apply.mutate(chosen, {
          onSuccess: () => {
            notifications.show({
              color: 'green',
              message: t('meetings.carryOver.done', { count: chosen.length }),
            });
            onClose();
          },
        });
      }}
    >
      {proposal.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {proposal.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('meetings.carryOver.none')}
        </Text>
      )}
      {proposal.data && proposal.data.length > 0 && (
        <Checkbox.Group label={t('meetings.carryOver.proposed')} value={chosen} onChange={setPicked}>
          <Stack gap={8} mt={6}>
            {proposal.data.map((task) => (
              <Checkbox
                key={task.taskId}
                value={task.taskId}
                label={task.title}
                description={t('meetings.carryOver.line', {
                  lead: task.leadName ?? t('common.notSet'),
                  deadline: formatDate(task.deadline),
                  progress: task.progress,
                })}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    </ModalForm>
  );
}
