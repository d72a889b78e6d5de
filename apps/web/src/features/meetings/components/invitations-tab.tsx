import { Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateTime } from '@steerco/contract/datetime';
import type { Attendee } from '@steerco/contract/meetings';
import { IconBellRinging, IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { canOnMeeting, type MeetingView, useDecideAttendance, useRemindNonResponders } from '../api.ts';
import { ROLL_GROUPS, type RollGroup, rollGroupOf } from '../meetings.ts';
import { RollBadge } from './meeting-badges.tsx';
import { RespondModal } from './respond-modal.tsx';

const GROUP_COLORS: Record<RollGroup, string> = {
  confirmed: 'green',
  absent: 'gray',
  substitute: 'orange',
  noAnswer: 'red',
};

/**
 * Giấy mời & xác nhận: the live roll (R10). The standing agency records answers on someone's behalf and chases
 * those who have not answered; the chair approves or rejects absences and substitutes (R11).
 */
export function InvitationsTab({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation();
  const manage = canOnMeeting(meeting, 'meeting.manage');
  const approve = canOnMeeting(meeting, 'absence.approve');
  const remind = useRemindNonResponders(meeting.id);
  const [answering, setAnswering] = useState<Attendee | null>(null);
  const [deciding, setDeciding] = useState<{ attendee: Attendee; decision: 'approve' | 'reject' } | null>(
    null,
  );
  // Answers are taken once the notice is out (the secretary records them, late ones marked); a meeting recorded
  // afterwards takes its absences from the secretary directly. Reminders only before the meeting.
  const open = meeting.status === 'noticeSent' || (!!meeting.recordedAfterwards && meeting.status === 'held');
  const remindOpen = meeting.status === 'noticeSent' && Date.now() < new Date(meeting.startsAt).getTime();
  const pending = meeting.attendees.filter((a) => a.approval === 'pending').length;
  const counts: Record<RollGroup, number> = {
    confirmed: meeting.roll.attend,
    absent: meeting.roll.absent,
    substitute: meeting.attendees.filter((a) => a.response === 'substitute').length,
    noAnswer: meeting.roll.noAnswer,
  };

  return (
    <Stack gap="md">
      {meeting.status === 'draft' && (
        <Text size="sm" c="dimmed">
          {t('meetings.roll.draftHint', { count: meeting.attendees.length })}
        </Text>
      )}
      {meeting.recordedAfterwards && (
        <Text size="sm" c="dimmed">
          {t('meetings.recorded.noNotice')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" role="list" aria-label={t('meetings.roll.summary')}>
        {ROLL_GROUPS.map((group) => (
          <Paper
            key={group}
            withBorder
            radius="md"
            p="sm"
            role="listitem"
            aria-label={`${t(`meetings.roll.groups.${group}`)}: ${counts[group]}`}
          >
            <Text size="xs" c="dimmed" fw={600}>
              {t(`meetings.roll.groups.${group}`)}
            </Text>
            <Text fz={28} fw={700} c={GROUP_COLORS[group]} lh={1.2}>
              {counts[group]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {pending > 0 && (
        <Text size="sm" c="orange.8">
          {approve
            ? t('meetings.roll.pendingForChair', { count: pending })
            : t('meetings.roll.pendingForOthers', { count: pending })}
        </Text>
      )}
      {manage && remindOpen && (
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={<IconBellRinging size={16} />}
            disabled={meeting.roll.noAnswer === 0}
            loading={remind.isPending}
            onClick={() =>
              remind.mutate(undefined, {
                onSuccess: ({ reminded }) =>
                  notifications.show({
                    color: 'green',
                    message: t('meetings.roll.reminded', { count: reminded }),
                  }),
              })
            }
          >
            {t('meetings.roll.remind')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('meetings.roll.remindHint')}
          </Text>
        </Group>
      )}
      <ProblemAlert error={remind.error} />
      {ROLL_GROUPS.map((group) => {
        const people = meeting.attendees.filter((a) => rollGroupOf(a) === group);
        if (!people.length) return null;
        return (
          <section key={group} aria-label={t(`meetings.roll.groups.${group}`)}>
            <Title order={2} fz="h5" mb="xs">
              {t(`meetings.roll.groups.${group}`)} ({people.length})
            </Title>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {people.map((a) => (
                <AttendeeRow
                  key={a.id}
                  attendee={a}
                  actions={
                    <>
                      {approve && a.approval === 'pending' && (
                        <>
                          <Button
                            size="xs"
                            color="green"
                            leftSection={<IconCheck size={14} />}
                            onClick={() => setDeciding({ attendee: a, decision: 'approve' })}
                          >
                            {t('meetings.roll.approve')}
                          </Button>
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            leftSection={<IconX size={14} />}
                            onClick={() => setDeciding({ attendee: a, decision: 'reject' })}
                          >
                            {t('meetings.roll.reject')}
                          </Button>
                        </>
                      )}
                      {manage && open && (
                        <Button size="xs" variant="default" onClick={() => setAnswering(a)}>
                          {t('meetings.roll.answerFor')}
                        </Button>
                      )}
                    </>
                  }
                />
              ))}
            </Stack>
          </section>
        );
      })}
      {answering && (
        <RespondModal meeting={meeting} attendee={answering} onBehalf onClose={() => setAnswering(null)} />
      )}
      {deciding && (
        <DecisionModal
          meeting={meeting}
          attendee={deciding.attendee}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
        />
      )}
    </Stack>
  );
}

function AttendeeRow({ attendee: a, actions }: { attendee: Attendee; actions: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder radius="md" p="sm" aria-label={a.fullName}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} size="sm">
              {a.fullName}
            </Text>
            <RollBadge attendee={a} />
            {a.kind === 'guest' && (
              <Badge color="gray" variant="outline">
                {t('committees.roles.guest')}
              </Badge>
            )}
            {a.respondedLate && (
              <Badge color="red" variant="outline">
                {t('meetings.roll.late')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {[a.role ? t(`committees.roles.${a.role as 'member'}`) : null, a.position]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {a.substitute && (
            <Text size="sm">
              {t('meetings.roll.substituteLine', {
                name: a.substitute.name,
                position: a.substitute.position ?? t('common.notSet'),
              })}
              {a.substitute.briefed && ` · ${t('meetings.roll.briefed')}`}
            </Text>
          )}
          {a.reason && <Text size="sm">{t('meetings.roll.reasonLine', { reason: a.reason })}</Text>}
          {a.approvalNote && (
            <Text size="sm" c="dimmed">
              {t('meetings.roll.noteLine', { note: a.approvalNote })}
            </Text>
          )}
          {a.respondedAt && (
            <Text size="xs" c="dimmed">
              {t('meetings.roll.answeredAt', { date: formatDateTime(a.respondedAt) })}
            </Text>
          )}
        </Stack>
        <Group gap="xs">{actions}</Group>
      </Group>
    </Paper>
  );
}

function DecisionModal({
  meeting,
  attendee,
  decision,
  onClose,
}: {
  meeting: MeetingView;
  attendee: Attendee;
  decision: 'approve' | 'reject';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideAttendance(meeting.id);
  const [note, setNote] = useState('');
  const what = attendee.response === 'substitute' ? 'substitute' : 'absence';
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`meetings.decision.${decision}.${what}`, { name: attendee.fullName })}
    >
      <Stack gap="md">
        <Text size="sm">
          {attendee.substitute
            ? t('meetings.roll.substituteLine', {
                name: attendee.substitute.name,
                position: attendee.substitute.position ?? t('common.notSet'),
              })
            : t('meetings.roll.reasonLine', { reason: attendee.reason ?? t('common.notSet') })}
        </Text>
        <Textarea
          label={t('meetings.decision.note')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <ProblemAlert error={decide.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={decision === 'approve' ? 'green' : 'red'}
            loading={decide.isPending}
            onClick={() =>
              decide.mutate(
                { attendeeId: attendee.id, decision, note: note.trim() || null },
                {
                  onSuccess: () => {
                    notifications.show({
                      color: 'green',
                      message: t(`meetings.decision.done.${decision}`, { name: attendee.fullName }),
                    });
                    onClose();
                  },
                },
              )
            }
          >
            {t(`meetings.decision.${decision}.submit`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
