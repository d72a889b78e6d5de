import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDate, formatDateTime } from '@steerco/contract/datetime';
import { IconArrowBackUp, IconCheck, IconLock, IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { committeeQueryOptions, membersQueryOptions } from '../../committees/api.ts';
import { domainShort } from '../../committees/components/committee-badges.tsx';
import {
  type ConclusionInput,
  canOnMeeting,
  type MeetingView,
  type MinutesView,
  minutesQueryOptions,
  useDecideMinutes,
  useSaveConclusions,
  useSaveMinutes,
} from '../api.ts';
import { hasStarted, headcountParts } from '../meetings.ts';

const MINUTES_COLORS = { draft: 'gray', submitted: 'blue', returned: 'orange', approved: 'green' } as const;

/**
 * Biên bản & kết luận (R5, R13): the secretary writes the minutes per agenda item (attendance and written
 * opinions come in by themselves) and the conclusions with task proposals (R1: led by a unit or a member),
 * submits them; the chair approves — which locks and publishes them — or returns them with a comment.
 */
export function MinutesTab({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const manage = canOnMeeting(meeting, 'meeting.manage');
  const chair = canOnMeeting(meeting, 'meeting.chair');
  const readable = manage || chair || meeting.status === 'closed';
  const minutes = useQuery(minutesQueryOptions(meeting.id, readable));

  if (meeting.status === 'draft' || meeting.status === 'cancelled') {
    return (
      <Text size="sm" c="dimmed">
        {t('meetings.minutes.notYet')}
      </Text>
    );
  }
  if (!readable) {
    return (
      <Text size="sm" c="dimmed">
        {t('meetings.minutes.notPublished')}
      </Text>
    );
  }
  if (minutes.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (minutes.isError) return <ProblemAlert error={minutes.error} onRetry={() => void minutes.refetch()} />;
  const data = minutes.data;
  const editable = manage && (data.status === 'draft' || data.status === 'returned');

  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('meetings.minutes.statusLabel')}
        </Text>
        <Badge color={MINUTES_COLORS[data.status]}>{t(`meetings.minutes.status.${data.status}`)}</Badge>
        {data.approvedAt && (
          <Text size="sm" c="dimmed">
            {t('meetings.minutes.approvedLine', {
              name: data.approvedBy ?? t('common.notSet'),
              date: formatDateTime(data.approvedAt),
            })}
          </Text>
        )}
      </Group>
      {data.status === 'returned' && data.returnComment && (
        <Alert color="orange" variant="light" title={t('meetings.minutes.returnedTitle')}>
          {data.returnComment}
        </Alert>
      )}
      {data.status === 'approved' && (
        <Alert color="green" variant="light" icon={<IconLock size={18} />}>
          {t('meetings.minutes.locked')}
        </Alert>
      )}
      <MinutesDecision meeting={meeting} minutes={data} manage={manage} chair={chair} />
      {editable ? <MinutesEditor meeting={meeting} minutes={data} /> : <MinutesReadOnly minutes={data} />}
      <AttendanceSummary minutes={data} />
      <OpinionsSummary minutes={data} />
      {editable ? (
        <ConclusionsEditor meeting={meeting} minutes={data} />
      ) : (
        <ConclusionsReadOnly meeting={meeting} minutes={data} />
      )}
    </Stack>
  );
}

function MinutesDecision({
  meeting,
  minutes,
  manage,
  chair,
}: {
  meeting: MeetingView;
  minutes: MinutesView;
  manage: boolean;
  chair: boolean;
}) {
  const { t } = useTranslation();
  const decide = useDecideMinutes(meeting.id);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const draftable = manage && (minutes.status === 'draft' || minutes.status === 'returned');
  // Drafted before the meeting perhaps, but submitted and approved only once it has started (the server's rule).
  const started = hasStarted(meeting);
  const canSubmit = draftable && started;
  const canDecide = chair && minutes.status === 'submitted';
  if (draftable && !started) {
    return (
      <Alert color="blue" variant="light">
        {t('meetings.minutes.beforeStart', { date: formatDateTime(meeting.startsAt) })}
      </Alert>
    );
  }
  if (!canSubmit && !canDecide) return null;
  const done = (key: 'submitted' | 'approved' | 'returned') => () => {
    notifications.show({ color: 'green', message: t(`meetings.minutes.done.${key}`) });
    setReturning(false);
  };
  return (
    <Paper withBorder radius="md" p="sm">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm">
          {canDecide ? t('meetings.minutes.decideHint') : t('meetings.minutes.submitHint')}
        </Text>
        <Group gap="xs">
          {canSubmit && (
            <Button
              leftSection={<IconSend size={16} />}
              loading={decide.isPending}
              onClick={() => decide.mutate({ action: 'submit' }, { onSuccess: done('submitted') })}
            >
              {t('meetings.minutes.submit')}
            </Button>
          )}
          {canDecide && (
            <>
              <Button
                color="green"
                leftSection={<IconCheck size={16} />}
                loading={decide.isPending && decide.variables?.action === 'approve'}
                onClick={() => decide.mutate({ action: 'approve' }, { onSuccess: done('approved') })}
              >
                {t('meetings.minutes.approve')}
              </Button>
              <Button
                variant="light"
                color="orange"
                leftSection={<IconArrowBackUp size={16} />}
                onClick={() => setReturning(true)}
              >
                {t('meetings.minutes.return')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {!returning && <ProblemAlert error={decide.error} />}
      <Modal opened={returning} onClose={() => setReturning(false)} title={t('meetings.minutes.returnTitle')}>
        <Stack gap="md">
          <Textarea
            label={t('meetings.minutes.returnComment')}
            withAsterisk
            autosize
            minRows={3}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setCommentError(null);
            }}
            error={commentError}
          />
          <ProblemAlert error={decide.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setReturning(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={decide.isPending}
              onClick={() => {
                if (!comment.trim()) {
                  setCommentError(t('common.required'));
                  return;
                }
                decide.mutate({ action: 'return', comment: comment.trim() }, { onSuccess: done('returned') });
              }}
            >
              {t('meetings.minutes.return')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function MinutesEditor({ meeting, minutes }: { meeting: MeetingView; minutes: MinutesView }) {
  const { t } = useTranslation();
  const save = useSaveMinutes(meeting.id);
  const [summary, setSummary] = useState(minutes.summary ?? '');
  const [notes, setNotes] = useState<Record<string, string>>(
    Object.fromEntries(minutes.notes.map((n) => [n.agendaItemId, n.text])),
  );
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="form"
      aria-label={t('meetings.minutes.title')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          {
            summary: summary.trim() || null,
            notes: minutes.notes.map((n) => ({
              agendaItemId: n.agendaItemId,
              text: notes[n.agendaItemId] ?? '',
            })),
          },
          { onSuccess: () => notifications.show({ color: 'green', message: t('meetings.minutes.saved') }) },
        );
      }}
    >
      <Title order={2} fz="h5" mb="sm">
        {t('meetings.minutes.title')}
      </Title>
      <Stack gap="sm">
        <Textarea
          label={t('meetings.minutes.summary')}
          autosize
          minRows={3}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
        />
        {minutes.notes.map((n, i) => (
          <Textarea
            key={n.agendaItemId}
            label={t('meetings.minutes.noteOn', { index: i + 1, title: n.agendaTitle })}
            autosize
            minRows={3}
            value={notes[n.agendaItemId] ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setNotes((prev) => ({ ...prev, [n.agendaItemId]: value }));
            }}
          />
        ))}
        <ProblemAlert error={save.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('meetings.minutes.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function MinutesReadOnly({ minutes }: { minutes: MinutesView }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-label={t('meetings.minutes.title')}
    >
      <Title order={2} fz="h5" mb="sm">
        {t('meetings.minutes.title')}
      </Title>
      <Stack gap="sm">
        {minutes.summary && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {minutes.summary}
          </Text>
        )}
        {minutes.notes.map((n, i) => (
          <div key={n.agendaItemId}>
            <Text size="sm" fw={600}>
              {i + 1}. {n.agendaTitle}
            </Text>
            <Text size="sm" c={n.text ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
              {n.text || t('meetings.minutes.noNote')}
            </Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

/** The attendance as the minutes print it (inserted automatically), with the headcount and the minute-taker. */
function AttendanceSummary({ minutes }: { minutes: MinutesView }) {
  const { t } = useTranslation();
  const { rows, quorum, headcount } = minutes.attendance;
  const minuteTaker = rows.find((r) => r.minuteTaker);
  const names = (statuses: string[]) =>
    rows
      .filter((r) => statuses.includes(r.status))
      .map((r) =>
        r.status === 'substitutePresent' && r.substituteName
          ? t('meetings.minutes.substituteFor', { name: r.substituteName, member: r.fullName })
          : r.substituteName
            ? `${r.fullName} (${t('meetings.attendance.substitute', { name: r.substituteName })})`
            : r.fullName,
      );
  const lines = [
    ['present', names(['present', 'substitutePresent'])],
    ['guests', names(['guestPresent'])],
    ['absentApproved', names(['absentApproved'])],
    ['absentNotApproved', names(['absentNotApproved'])],
    ['notYet', names(['notArrived', 'notAnswered', 'absencePending'])],
  ] as const;
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-label={t('meetings.minutes.attendance')}
    >
      <Title order={2} fz="h5" mb={4}>
        {t('meetings.minutes.attendance')}
      </Title>
      <Text size="sm" fw={600} mb={2} data-testid="minutes-headcount">
        {t('meetings.attendance.headcount', {
          text: headcountParts(headcount)
            .map((part) => t(`meetings.attendance.${part.key}`, { count: part.count }))
            .join(', '),
        })}
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        {t('meetings.attendance.quorumLine', {
          present: quorum.present,
          members: quorum.members,
          required: quorum.required,
        })}
      </Text>
      {minuteTaker && (
        <Text size="sm" mb="xs">
          {t('meetings.minutes.minuteTaker', { name: minuteTaker.fullName })}
        </Text>
      )}
      <Stack gap={4}>
        {lines.map(([key, list]) =>
          list.length ? (
            <Text size="sm" key={key}>
              <Text span fw={600}>
                {t(`meetings.minutes.attendanceLines.${key}`)}:
              </Text>{' '}
              {list.join('; ')}
            </Text>
          ) : null,
        )}
      </Stack>
    </Paper>
  );
}

function OpinionsSummary({ minutes }: { minutes: MinutesView }) {
  const { t } = useTranslation();
  if (!minutes.opinions.length) return null;
  const titleOf = (id: string) => minutes.notes.find((n) => n.agendaItemId === id)?.agendaTitle ?? '';
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-label={t('meetings.minutes.opinions')}
    >
      <Title order={2} fz="h5" mb="xs">
        {t('meetings.minutes.opinions')}
      </Title>
      <Stack gap="xs">
        {minutes.opinions.map((o) => (
          <Text size="sm" key={o.id} style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={600}>
              {o.fullName} — {titleOf(o.agendaItemId)}:
            </Text>{' '}
            {o.text}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

/** Drafts have no ids yet: a local key keeps React's rows (and their inputs) apart. */
let draftKeys = 0;
const nextKey = () => `draft-${++draftKeys}`;

interface TaskDraft {
  key: string;
  title: string;
  leadKind: 'unit' | 'member';
  leadUnitId: string | null;
  leadMembershipId: string | null;
  cooperatingUnitIds: string[];
  deadline: string | null;
}
interface ConclusionDraft {
  key: string;
  text: string;
  domain: string | null;
  tasks: TaskDraft[];
}

const emptyTask = (): TaskDraft => ({
  key: nextKey(),
  title: '',
  leadKind: 'unit',
  leadUnitId: null,
  leadMembershipId: null,
  cooperatingUnitIds: [],
  deadline: null,
});

/** The units and members a task may be led by (R1: never the committee itself). */
function useLeads(meeting: MeetingView) {
  const committee = useQuery(committeeQueryOptions(meeting.committeeId));
  const members = useQuery(membersQueryOptions(meeting.committeeId));
  const seats = (members.data ?? []).filter((m) => m.role !== 'guest');
  const units = [
    ...new Map(seats.filter((m) => m.unitId).map((m) => [m.unitId!, m.unitName ?? m.unitId!])).entries(),
  ].map(([value, label]) => ({ value, label }));
  return {
    domains: (committee.data?.domains ?? []).map((d) => ({
      value: d.code,
      label: `${domainShort(d.code)} — ${d.name}`,
    })),
    units,
    members: seats.map((m) => ({ value: m.id, label: m.fullName })),
  };
}

function ConclusionsEditor({ meeting, minutes }: { meeting: MeetingView; minutes: MinutesView }) {
  const { t } = useTranslation();
  const save = useSaveConclusions(meeting.id);
  const leads = useLeads(meeting);
  const [items, setItems] = useState<ConclusionDraft[]>(
    minutes.conclusions.map((c) => ({
      key: nextKey(),
      text: c.text,
      domain: c.domain,
      tasks: c.tasks.map((task) => ({
        key: nextKey(),
        title: task.title,
        leadKind: task.leadMembershipId ? 'member' : 'unit',
        leadUnitId: task.leadUnitId ?? null,
        leadMembershipId: task.leadMembershipId ?? null,
        cooperatingUnitIds: task.cooperatingUnitIds ?? [],
        deadline: task.deadline ?? null,
      })),
    })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = (i: number, patch: Partial<ConclusionDraft>) =>
    setItems((prev) => prev.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const updateTask = (i: number, k: number, patch: Partial<TaskDraft>) =>
    update(i, { tasks: items[i]!.tasks.map((task, j) => (j === k ? { ...task, ...patch } : task)) });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    items.forEach((c, i) => {
      if (!c.text.trim()) next[`${i}.text`] = t('common.required');
      c.tasks.forEach((task, k) => {
        if (!task.title.trim()) next[`${i}.tasks.${k}.title`] = t('common.required');
        const lead = task.leadKind === 'unit' ? task.leadUnitId : task.leadMembershipId;
        if (!lead) next[`${i}.tasks.${k}.lead`] = t('meetings.conclusions.leadRequired');
      });
    });
    setErrors(next);
    if (Object.keys(next).length) return;
    const body: ConclusionInput[] = items.map((c) => ({
      text: c.text.trim(),
      domain: c.domain,
      tasks: c.tasks.map((task) => ({
        title: task.title.trim(),
        leadUnitId: task.leadKind === 'unit' ? task.leadUnitId : null,
        leadMembershipId: task.leadKind === 'member' ? task.leadMembershipId : null,
        cooperatingUnitIds: task.cooperatingUnitIds,
        deadline: task.deadline,
      })),
    }));
    save.mutate(body, {
      onSuccess: () => notifications.show({ color: 'green', message: t('meetings.conclusions.saved') }),
    });
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="form"
      noValidate
      onSubmit={submit}
      aria-label={t('meetings.conclusions.title')}
    >
      <Title order={2} fz="h5" mb="sm">
        {t('meetings.conclusions.title')}
      </Title>
      <Stack gap="md">
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('meetings.conclusions.empty')}
          </Text>
        )}
        {items.map((c, i) => (
          <Paper
            key={c.key}
            withBorder
            radius="md"
            p="sm"
            bg="var(--mantine-color-default-hover)"
            role="group"
            aria-label={t('meetings.conclusions.number', { index: i + 1 })}
          >
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600} size="sm">
                  {t('meetings.conclusions.number', { index: i + 1 })}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('meetings.conclusions.remove', { index: i + 1 })}
                  onClick={() => setItems((prev) => prev.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
              <Textarea
                label={t('meetings.conclusions.text')}
                withAsterisk
                autosize
                minRows={2}
                value={c.text}
                onChange={(e) => update(i, { text: e.currentTarget.value })}
                error={errors[`${i}.text`]}
              />
              <Select
                label={t('meetings.conclusions.domain')}
                data={leads.domains}
                value={c.domain}
                onChange={(domain) => update(i, { domain })}
                clearable
                comboboxProps={{ withinPortal: true }}
                maw={320}
              />
              {c.tasks.map((task, k) => (
                <Paper
                  key={task.key}
                  withBorder
                  radius="sm"
                  p="sm"
                  role="group"
                  aria-label={t('meetings.conclusions.taskNumber', { index: k + 1 })}
                >
                  <Stack gap="xs">
                    <Group justify="space-between" wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {t('meetings.conclusions.taskNumber', { index: k + 1 })}
                      </Text>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="sm"
                        aria-label={t('meetings.conclusions.removeTask', { index: k + 1 })}
                        onClick={() => update(i, { tasks: c.tasks.filter((_, j) => j !== k) })}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Group>
                    <TextInput
                      label={t('meetings.conclusions.taskTitle')}
                      withAsterisk
                      value={task.title}
                      onChange={(e) => updateTask(i, k, { title: e.currentTarget.value })}
                      error={errors[`${i}.tasks.${k}.title`]}
                    />
                    <SegmentedControl
                      aria-label={t('meetings.conclusions.leadKind')}
                      value={task.leadKind}
                      onChange={(value) => updateTask(i, k, { leadKind: value as TaskDraft['leadKind'] })}
                      data={[
                        { value: 'unit', label: t('meetings.conclusions.leadUnit') },
                        { value: 'member', label: t('meetings.conclusions.leadMember') },
                      ]}
                      size="xs"
                      w="fit-content"
                    />
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                      {task.leadKind === 'unit' ? (
                        <Select
                          label={t('meetings.conclusions.leadUnit')}
                          withAsterisk
                          data={leads.units}
                          value={task.leadUnitId}
                          onChange={(leadUnitId) => updateTask(i, k, { leadUnitId })}
                          error={errors[`${i}.tasks.${k}.lead`]}
                          searchable
                          comboboxProps={{ withinPortal: true }}
                        />
                      ) : (
                        <Select
                          label={t('meetings.conclusions.leadMember')}
                          withAsterisk
                          data={leads.members}
                          value={task.leadMembershipId}
                          onChange={(leadMembershipId) => updateTask(i, k, { leadMembershipId })}
                          error={errors[`${i}.tasks.${k}.lead`]}
                          searchable
                          comboboxProps={{ withinPortal: true }}
                        />
                      )}
                      <DateField
                        label={t('meetings.conclusions.deadline')}
                        value={task.deadline}
                        onChange={(deadline) => updateTask(i, k, { deadline })}
                      />
                    </SimpleGrid>
                    <MultiSelect
                      label={t('meetings.conclusions.cooperating')}
                      data={leads.units}
                      value={task.cooperatingUnitIds}
                      onChange={(cooperatingUnitIds) => updateTask(i, k, { cooperatingUnitIds })}
                      searchable
                      clearable
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Stack>
                </Paper>
              ))}
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} />}
                w="fit-content"
                onClick={() => update(i, { tasks: [...c.tasks, emptyTask()] })}
              >
                {t('meetings.conclusions.addTask')}
              </Button>
            </Stack>
          </Paper>
        ))}
        <ProblemAlert error={save.error} />
        <Group justify="space-between" gap="sm">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() =>
              setItems((prev) => [...prev, { key: nextKey(), text: '', domain: null, tasks: [] }])
            }
          >
            {t('meetings.conclusions.add')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('meetings.conclusions.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ConclusionsReadOnly({ meeting, minutes }: { meeting: MeetingView; minutes: MinutesView }) {
  const { t } = useTranslation();
  const leads = useLeads(meeting);
  const label = (list: { value: string; label: string }[], id: string | null | undefined) =>
    list.find((x) => x.value === id)?.label ?? t('common.notSet');
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-label={t('meetings.conclusions.title')}
    >
      <Title order={2} fz="h5" mb="sm">
        {t('meetings.conclusions.title')}
      </Title>
      {minutes.conclusions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.conclusions.none')}
        </Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ margin: 0, paddingLeft: 20 }}>
          {minutes.conclusions.map((c) => (
            <li key={c.id}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {c.text}
                </Text>
                {c.domain && <Badge variant="light">{domainShort(c.domain)}</Badge>}
              </Group>
              {c.tasks.length > 0 && (
                <Stack
                  gap={4}
                  mt={4}
                  component="ul"
                  style={{ paddingLeft: 18, margin: 0 }}
                  aria-label={t('meetings.conclusions.tasksOf')}
                >
                  {c.tasks.map((task) => (
                    <Text component="li" size="sm" key={`${c.id}:${task.title}`}>
                      {t('meetings.conclusions.taskLine', {
                        title: task.title,
                        lead: task.leadMembershipId
                          ? label(leads.members, task.leadMembershipId)
                          : label(leads.units, task.leadUnitId),
                        deadline: task.deadline ? formatDate(task.deadline) : t('common.notSet'),
                      })}
                      {task.cooperatingUnitIds?.length
                        ? ` ${t('meetings.conclusions.cooperatingLine', {
                            units: task.cooperatingUnitIds.map((id) => label(leads.units, id)).join(', '),
                          })}`
                        : ''}
                    </Text>
                  ))}
                </Stack>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
