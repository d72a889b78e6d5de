import {
  Alert,
  Button,
  Group,
  Modal,
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
import { formatDate, formatDateTime } from '@steerco/contract/datetime';
import {
  IconAlertTriangle,
  IconBan,
  IconCalendarOff,
  IconCheck,
  IconClockPlay,
  IconEdit,
  IconHistory,
  IconMailForward,
  IconSend,
  IconX,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasProblemCode } from '../../../api/problem.ts';
import { Fact } from '../../../components/fact.tsx';
import { ModalForm } from '../../../components/modal-form.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { problemOutsideFields, setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { textOrNull } from '../../../lib/schema-errors.ts';
import { useSession } from '../../auth/api.ts';
import { membersQueryOptions } from '../../committees/api.ts';
import { MeetingDocumentActions } from '../../documents/components/meeting-document-actions.tsx';
import {
  canOnMeeting,
  type MeetingView,
  useCancelMeeting,
  useDecideLateNotice,
  useRequestLateNotice,
  useSendNotice,
  useUpdateMeeting,
} from '../api.ts';
import { formatVietnamDateTime, parseVietnamDateTime } from '../meetings.ts';
import { DayOffField } from './day-off-field.tsx';
import { DateTimeField } from './meeting-badges.tsx';

/** Thông tin: the meeting's particulars, its notice (R9) with the late reason, amendments and cancellation. */
export function InfoTab({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const manage = canOnMeeting(meeting, 'meeting.manage');
  // Before the meeting only: once it has started, its time, place and agenda stay as they were.
  const editable =
    meeting.status === 'draft' ||
    (meeting.status === 'noticeSent' && Date.now() < new Date(meeting.startsAt).getTime());
  const [dialog, setDialog] = useState<'notice' | 'edit' | 'cancel' | null>(null);
  const members = meeting.attendees.filter((a) => a.kind === 'member').length;
  const guests = meeting.attendees.length - members;

  return (
    <Stack gap="md">
      {meeting.status === 'cancelled' && (
        <Alert color="red" variant="light" icon={<IconBan size={18} />} title={t('meetings.info.cancelled')}>
          {meeting.cancelledReason}
        </Alert>
      )}
      {meeting.recordedAfterwards && (
        <Alert
          color="grape"
          variant="light"
          icon={<IconHistory size={18} />}
          title={t('meetings.recorded.title')}
        >
          <Text size="sm">
            {t('meetings.recorded.line', {
              name: meeting.recordedAfterwards.recordedBy ?? t('common.notSet'),
              date: formatDate(meeting.recordedAfterwards.recordedAt),
            })}
          </Text>
          <Text size="sm" mt={4}>
            {t('meetings.recorded.reason', { reason: meeting.recordedAfterwards.reason })}
          </Text>
        </Alert>
      )}
      {meeting.dayOff && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconCalendarOff size={18} />}
          title={t('meetings.dayOff.title', { name: meeting.dayOff.name })}
        >
          {t('meetings.dayOff.line', {
            chair: meeting.dayOff.confirmedBy ?? t('common.notSet'),
            date: formatDateTime(meeting.dayOff.confirmedAt),
            reason: meeting.dayOff.reason,
          })}
        </Alert>
      )}
      <Paper
        withBorder
        radius="md"
        p={{ base: 'sm', sm: 'md' }}
        component="section"
        aria-label={t('meetings.info.details')}
      >
        <Title order={2} fz="h5" mb="sm">
          {t('meetings.info.details')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <Fact label={t('meetings.form.kind')}>{t(`meetings.kinds.${meeting.kind}`)}</Fact>
          <Fact label={t('meetings.info.status')}>{t(`meetings.status.${meeting.status}`)}</Fact>
          <Fact label={t('meetings.form.startsAt')}>{formatVietnamDateTime(meeting.startsAt)}</Fact>
          <Fact label={t('meetings.form.endsAt')}>{formatVietnamDateTime(meeting.endsAt)}</Fact>
          <Fact label={t('meetings.form.place')}>{meeting.place ?? t('common.notSet')}</Fact>
          <Fact label={t('meetings.form.onlineLink')}>{meeting.onlineLink ?? t('common.notSet')}</Fact>
          <Fact label={t('meetings.form.chair')}>{meeting.chairName ?? t('common.notSet')}</Fact>
          <Fact label={t('meetings.info.invited')}>
            {meeting.partial
              ? t('meetings.info.partial', { members })
              : t('meetings.info.whole', { members })}
            {guests > 0 && ` · ${t('meetings.info.guests', { count: guests })}`}
          </Fact>
        </SimpleGrid>
      </Paper>

      <Paper
        withBorder
        radius="md"
        p={{ base: 'sm', sm: 'md' }}
        component="section"
        aria-label={t('meetings.notice.title')}
      >
        <Title order={2} fz="h5" mb="sm">
          {t('meetings.notice.title')}
        </Title>
        <Stack gap="sm">
          {meeting.recordedAfterwards ? (
            <Text size="sm">{t('meetings.notice.recordedNoNotice')}</Text>
          ) : meeting.noticeSentAt ? (
            <Text size="sm">
              {t('meetings.notice.sentAt', { date: formatDateTime(meeting.noticeSentAt) })}
              {meeting.noticeVersion > 1 &&
                ` ${t('meetings.notice.amended', { count: meeting.noticeVersion - 1, version: meeting.noticeVersion })}`}
            </Text>
          ) : meeting.status === 'draft' && meeting.notice.late ? (
            // Said at once, before anyone tries to send it: the notice is late and needs the chair (R9).
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title={t('meetings.notice.lateTitle')}
            >
              {t('meetings.notice.lateNow', {
                days: meeting.notice.leadWorkingDays,
                date: formatDate(meeting.notice.latestOnTimeDate),
                left: meeting.notice.workingDaysLeft,
              })}
            </Alert>
          ) : (
            <Text size="sm">
              {t('meetings.notice.notSent', {
                date: formatDate(meeting.notice.latestOnTimeDate),
                days: meeting.notice.leadWorkingDays,
              })}
            </Text>
          )}
          {meeting.lateNoticeRequest && <LateNoticeRequestPanel meeting={meeting} />}
          {meeting.lateNotice && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title={t('meetings.notice.lateTitle')}
            >
              <Text size="sm">
                {t('meetings.notice.lateShortfall', {
                  date: formatDate(meeting.lateNotice.requiredBy),
                  days: meeting.lateNotice.workingDaysGiven,
                })}
              </Text>
              <Text size="sm" mt={4}>
                {t('meetings.notice.lateReason', { reason: meeting.lateNotice.reason })}
              </Text>
            </Alert>
          )}
          {meeting.notices.length > 0 && (
            <Stack gap={4} component="section" aria-label={t('meetings.notice.history')}>
              <Text size="sm" fw={600}>
                {t('meetings.notice.history')}
              </Text>
              {meeting.notices.map((n) => (
                <Text size="sm" key={n.version}>
                  {t(`meetings.notice.historyKinds.${n.kind}`, { version: n.version })} —{' '}
                  {formatDateTime(n.sentAt)}
                  {n.changes.length > 0 && (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      · {n.changes.join('; ')}
                    </Text>
                  )}
                </Text>
              ))}
            </Stack>
          )}
          {manage && editable && (
            <Group gap="sm">
              {meeting.status === 'draft' && meeting.lateNoticeRequest?.status !== 'pending' && (
                <Button leftSection={<IconMailForward size={16} />} onClick={() => setDialog('notice')}>
                  {t('meetings.notice.send')}
                </Button>
              )}
              <Button
                variant="default"
                leftSection={<IconEdit size={16} />}
                onClick={() => setDialog('edit')}
              >
                {meeting.status === 'draft' ? t('meetings.info.edit') : t('meetings.info.amend')}
              </Button>
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconBan size={16} />}
                onClick={() => setDialog('cancel')}
              >
                {t('meetings.info.cancel')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      {manage && meeting.status !== 'cancelled' && (
        <Paper
          withBorder
          radius="md"
          p={{ base: 'sm', sm: 'md' }}
          component="section"
          aria-label={t('meetings.notice.documents')}
        >
          <Title order={2} fz="h5" mb={4}>
            {t('meetings.notice.documents')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('meetings.notice.documentsHint')}
          </Text>
          <MeetingDocumentActions
            meetingId={meeting.id}
            // A meeting recorded afterwards had no invitation.
            templates={meeting.recordedAfterwards ? ['conclusionNotice', 'minutes'] : undefined}
          />
        </Paper>
      )}
      {dialog === 'notice' && <SendNoticeModal meeting={meeting} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <EditMeetingModal meeting={meeting} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelMeetingModal meeting={meeting} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/**
 * Gửi giấy mời (R9): freezes the agenda and invites everyone. A late notice is said at once: the chair sends
 * it with the reason; anyone else sends the reason to the chair as a request (in the app and by e-mail), and the
 * notice goes out when the chair approves it.
 */
export function SendNoticeModal({ meeting, onClose }: { meeting: MeetingView; onClose: () => void }) {
  const { t } = useTranslation();
  const send = useSendNotice(meeting.id);
  const request = useRequestLateNotice(meeting.id);
  const chair = canOnMeeting(meeting, 'meeting.chair');
  const [late, setLate] = useState(meeting.notice.late);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const asks = late && !chair;

  const go = () => {
    if (late && !reason.trim()) {
      setReasonError(t('meetings.notice.reasonRequired'));
      return;
    }
    if (asks) {
      request.mutate(reason.trim(), {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('meetings.notice.requested') });
          onClose();
        },
      });
      return;
    }
    send.mutate(late ? reason.trim() : null, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: t('meetings.notice.sent', { count: meeting.attendees.length }),
        });
        onClose();
      },
      onError: (error) => {
        // The day turned while the dialog was open: the server says it is late now.
        if (
          hasProblemCode(error, 'meeting.lateNoticeReasonRequired') ||
          hasProblemCode(error, 'meeting.lateNoticeNeedsChair')
        ) {
          setLate(true);
          send.reset();
        }
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('meetings.notice.dialogTitle')} size="lg">
      <Stack gap="md">
        {!late ? (
          <Text size="sm">
            {t('meetings.notice.confirm', { count: meeting.attendees.length, items: meeting.agenda.length })}
          </Text>
        ) : (
          <>
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title={t('meetings.notice.lateTitle')}
            >
              <Text size="sm">
                {t('meetings.notice.lateNow', {
                  days: meeting.notice.leadWorkingDays,
                  date: formatDate(meeting.notice.latestOnTimeDate),
                  left: meeting.notice.workingDaysLeft,
                })}
              </Text>
              <Text size="sm" mt={4} fw={600}>
                {asks
                  ? t('meetings.notice.chairOnly', { chair: meeting.chairName ?? t('common.notSet') })
                  : t('meetings.notice.chairDecides')}
              </Text>
            </Alert>
            <Textarea
              label={t('meetings.notice.reason')}
              description={t('meetings.notice.reasonHint')}
              withAsterisk
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonError(null);
              }}
              error={reasonError}
              data-autofocus
            />
          </>
        )}
        {meeting.agenda.length === 0 && !late && (
          <Alert color="yellow" variant="light">
            {t('meetings.notice.noAgenda')}
          </Alert>
        )}
        <ProblemAlert error={send.error ?? request.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={send.isPending || request.isPending}
            onClick={go}
            leftSection={asks ? <IconSend size={16} /> : <IconMailForward size={16} />}
          >
            {asks
              ? t('meetings.notice.sendRequest')
              : late
                ? t('meetings.notice.sendLate')
                : t('meetings.notice.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * The latest late-notice request (R9), as the secretary follows it: waiting, approved or refused with the
 * chair's comment. The chair decides here too (or from the link in her e-mail).
 */
function LateNoticeRequestPanel({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const decide = useDecideLateNotice(meeting.id);
  const [refusing, setRefusing] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const r = meeting.lateNoticeRequest!;
  const chair = r.chairName ?? meeting.chairName ?? t('common.notSet');
  const color = { pending: 'blue', approved: 'green', refused: 'red' }[r.status];
  return (
    <Alert
      color={color}
      variant="light"
      icon={<IconClockPlay size={18} />}
      title={t('meetings.lateRequest.title')}
      role="region"
      aria-label={t('meetings.lateRequest.title')}
    >
      <Stack gap={4}>
        <Text size="sm">
          {r.status === 'pending'
            ? t('meetings.lateRequest.pending', {
                chair,
                name: r.requestedBy ?? t('common.notSet'),
                date: formatDateTime(r.requestedAt),
              })
            : t(`meetings.lateRequest.${r.status}`, {
                chair: r.decidedBy ?? chair,
                date: formatDateTime(r.decidedAt ?? r.requestedAt),
              })}
        </Text>
        <Text size="sm">{t('meetings.lateRequest.reason', { reason: r.reason })}</Text>
        {r.comment && <Text size="sm">{t('meetings.lateRequest.comment', { comment: r.comment })}</Text>}
        {r.status === 'pending' && canOnMeeting(meeting, 'meeting.chair') && (
          <>
            <Text size="sm" fw={600} mt={4}>
              {t('meetings.lateRequest.decideHint')}
            </Text>
            <Group gap="xs" mt={4}>
              <Button
                size="xs"
                color="green"
                leftSection={<IconCheck size={14} />}
                loading={decide.isPending && decide.variables?.decision === 'approve'}
                onClick={() =>
                  decide.mutate(
                    { decision: 'approve' },
                    {
                      onSuccess: () =>
                        notifications.show({
                          color: 'green',
                          message: t('meetings.lateRequest.approvedDone'),
                        }),
                    },
                  )
                }
              >
                {t('meetings.lateRequest.approve')}
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                leftSection={<IconX size={14} />}
                onClick={() => setRefusing(true)}
              >
                {t('meetings.lateRequest.refuse')}
              </Button>
            </Group>
            {!refusing && <ProblemAlert error={decide.error} />}
          </>
        )}
      </Stack>
      <Modal
        opened={refusing}
        onClose={() => setRefusing(false)}
        title={t('meetings.lateRequest.refuseTitle')}
      >
        <Stack gap="md">
          <Textarea
            label={t('meetings.lateRequest.refuseComment')}
            withAsterisk
            autosize
            minRows={2}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setCommentError(null);
            }}
            error={commentError}
            data-autofocus
          />
          <ProblemAlert error={decide.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRefusing(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={decide.isPending}
              onClick={() => {
                if (!comment.trim()) {
                  setCommentError(t('common.required'));
                  return;
                }
                decide.mutate(
                  { decision: 'refuse', comment: comment.trim() },
                  {
                    onSuccess: () => {
                      notifications.show({ color: 'green', message: t('meetings.lateRequest.refusedDone') });
                      setRefusing(false);
                    },
                  },
                );
              }}
            >
              {t('meetings.lateRequest.refuse')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Alert>
  );
}

const editFieldOfCode = {
  'validation.dateOrder': 'endsAt',
  'meeting.invalidChair': 'chairMembershipId',
  'meeting.startsInPast': 'startsAt',
} as const;

interface EditValues {
  title: string;
  chairMembershipId: string | null;
  place: string;
  onlineLink: string;
  startsAt: string;
  endsAt: string;
  dayOffReason: string;
}

/** Sửa cuộc họp; once the notice is out, the server sends everyone an amended notice with what changed. */
function EditMeetingModal({ meeting, onClose }: { meeting: MeetingView; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(meeting.id);
  const session = useSession();
  const members = useQuery(membersQueryOptions(meeting.committeeId));
  const chairs = (members.data ?? []).filter((m) => m.role === 'head' || m.role === 'deputyHead');
  const form = useForm<EditValues>({
    initialValues: {
      title: meeting.title,
      chairMembershipId: meeting.chairMembershipId,
      place: meeting.place ?? '',
      onlineLink: meeting.onlineLink ?? '',
      startsAt: formatVietnamDateTime(meeting.startsAt),
      endsAt: formatVietnamDateTime(meeting.endsAt),
      dayOffReason: '',
    },
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!v.title.trim()) errors.title = t('common.required');
      const start = parseVietnamDateTime(v.startsAt);
      const end = parseVietnamDateTime(v.endsAt);
      if (!start) errors.startsAt = t('meetings.form.dateTimeInvalid');
      if (!end) errors.endsAt = t('meetings.form.dateTimeInvalid');
      if (start && end && new Date(end) <= new Date(start)) errors.endsAt = t('meetings.form.endBeforeStart');
      return errors;
    },
  });
  const submit = form.onSubmit((v) => {
    const startsAt = parseVietnamDateTime(v.startsAt)!;
    const endsAt = parseVietnamDateTime(v.endsAt)!;
    update.mutate(
      {
        title: v.title.trim(),
        place: textOrNull(v.place),
        onlineLink: textOrNull(v.onlineLink),
        // Unchanged instants are left out, so an amended notice lists only what really moved.
        ...(new Date(startsAt).getTime() !== new Date(meeting.startsAt).getTime() ? { startsAt } : {}),
        ...(new Date(endsAt).getTime() !== new Date(meeting.endsAt).getTime() ? { endsAt } : {}),
        ...(v.chairMembershipId !== meeting.chairMembershipId
          ? { chairMembershipId: v.chairMembershipId }
          : {}),
        ...(v.dayOffReason.trim() ? { dayOffReason: v.dayOffReason.trim() } : {}),
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message:
              meeting.status === 'noticeSent' ? t('meetings.info.amendedDone') : t('meetings.info.savedDone'),
          });
          onClose();
        },
        onError: (error) => setFieldErrorsFromProblem(form, error, editFieldOfCode),
      },
    );
  });
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={meeting.status === 'draft' ? t('meetings.info.edit') : t('meetings.info.amend')}
      onSubmit={submit}
      submitting={update.isPending}
      error={problemOutsideFields(update.error, editFieldOfCode)}
    >
      {meeting.status === 'noticeSent' && (
        <Alert color="blue" variant="light">
          {t('meetings.info.amendHint')}
        </Alert>
      )}
      <TextInput label={t('meetings.form.title')} withAsterisk {...form.getInputProps('title')} />
      <Select
        label={t('meetings.form.chair')}
        placeholder={t('meetings.form.chairDefault')}
        data={chairs.map((m) => ({
          value: m.id,
          label: `${m.fullName} — ${t(`committees.roles.${m.role}`)}`,
        }))}
        clearable
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('chairMembershipId')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <DateTimeField label={t('meetings.form.startsAt')} withAsterisk {...form.getInputProps('startsAt')} />
        <DateTimeField label={t('meetings.form.endsAt')} withAsterisk {...form.getInputProps('endsAt')} />
      </SimpleGrid>
      {/* A new day off needs the chair's reason; the day it already had keeps the chair's confirmation. */}
      {parseVietnamDateTime(form.values.startsAt)?.slice(0, 10) !==
        formatVietnamDateTime(meeting.startsAt).slice(0, 10).split('/').reverse().join('-') && (
        <DayOffField
          startsAt={parseVietnamDateTime(form.values.startsAt)}
          mayDecide={
            !!session &&
            (chairs.find((m) => m.id === (form.values.chairMembershipId ?? meeting.chairMembershipId))
              ?.userId ?? null) === session.user.id
          }
          reasonProps={form.getInputProps('dayOffReason')}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label={t('meetings.form.place')} {...form.getInputProps('place')} />
        <TextInput label={t('meetings.form.onlineLink')} type="url" {...form.getInputProps('onlineLink')} />
      </SimpleGrid>
    </ModalForm>
  );
}

function CancelMeetingModal({ meeting, onClose }: { meeting: MeetingView; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useCancelMeeting(meeting.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('meetings.info.cancelTitle')}
      submitLabel={t('meetings.info.cancelSubmit')}
      submitting={cancel.isPending}
      error={cancel.error}
      onSubmit={(event) => {
        event.preventDefault();
        if (!reason.trim()) {
          setError(t('common.required'));
          return;
        }
        cancel.mutate(reason.trim(), {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('meetings.info.cancelledDone') });
            onClose();
          },
        });
      }}
    >
      <Text size="sm">
        {meeting.status === 'noticeSent' ? t('meetings.info.cancelNoticed') : t('meetings.info.cancelDraft')}
      </Text>
      <Textarea
        label={t('meetings.info.cancelReason')}
        withAsterisk
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          setError(null);
        }}
        error={error}
      />
    </ModalForm>
  );
}
