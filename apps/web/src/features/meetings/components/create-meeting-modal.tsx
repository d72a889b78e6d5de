import {
  Alert,
  Badge,
  Checkbox,
  CloseButton,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { CommitteeDetail } from '@steerco/contract/committees';
import { CreateMeetingBody, type MeetingKind, MeetingKind as MeetingKinds } from '@steerco/contract/meetings';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ModalForm } from '../../../components/modal-form.tsx';
import { problemOutsideFields, setFieldErrorsFromProblem } from '../../../lib/form-problem.ts';
import { schemaErrors, textOrNull, textOrUndefined } from '../../../lib/schema-errors.ts';
import { useSession } from '../../auth/api.ts';
import { membersQueryOptions } from '../../committees/api.ts';
import { type PersonOption, UserPicker } from '../../users/components/user-picker.tsx';
import { useCreateMeeting } from '../api.ts';
import { parseVietnamDateTime } from '../meetings.ts';
import { DayOffField } from './day-off-field.tsx';
import { DateTimeField } from './meeting-badges.tsx';

const fieldOfCode = {
  'validation.dateOrder': 'endsAt',
  'meeting.invalidChair': 'chairMembershipId',
  'meeting.notMember': 'attendeeUserIds',
  'user.notFound': 'guests',
  'meeting.startsInPast': 'startsAt',
  'meeting.recordedNotPast': 'endsAt',
} as const;

interface CreateMeetingValues {
  kind: MeetingKind;
  title: string;
  chairMembershipId: string | null;
  place: string;
  onlineLink: string;
  startsAt: string;
  endsAt: string;
  partial: boolean;
  attendeeUserIds: string[];
  /** People from outside the committee the head decided to invite (R3). */
  guests: PersonOption[];
  /** The chair's reason for a meeting on a day off. */
  dayOffReason: string;
  /** A meeting already held, entered afterwards with its reason. */
  recordedAfterwards: boolean;
  recordedReason: string;
}

/**
 * Tạo cuộc họp (R8): a draft with its kind, chair (the head unless a deputy chairs under delegation), place or
 * online link and time in Viet Nam; a partial ad-hoc meeting invites only the members chosen. A day off is
 * flagged at once (only the chair decides it, with a reason); a time already past is only for a meeting held
 * earlier, recorded afterwards with a reason.
 */
export function CreateMeetingModal({
  committee,
  onClose,
}: {
  committee: CommitteeDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const session = useSession();
  const members = useQuery(membersQueryOptions(committee.id));
  const seats = (members.data ?? []).filter((m) => m.role !== 'guest');
  const chairs = seats.filter((m) => m.role === 'head' || m.role === 'deputyHead');

  const bodyOf = (v: CreateMeetingValues) => ({
    committeeId: committee.id,
    kind: v.kind,
    title: textOrUndefined(v.title),
    chairMembershipId: v.chairMembershipId,
    place: textOrNull(v.place),
    onlineLink: textOrNull(v.onlineLink),
    startsAt: parseVietnamDateTime(v.startsAt) ?? undefined,
    endsAt: parseVietnamDateTime(v.endsAt) ?? undefined,
    ...(v.kind === 'adHoc' && v.partial ? { attendeeUserIds: v.attendeeUserIds } : {}),
    ...(v.guests.length ? { guestUserIds: v.guests.map((g) => g.id) } : {}),
    ...(v.recordedAfterwards
      ? { recordedAfterwards: { reason: v.recordedReason.trim() } }
      : v.dayOffReason.trim()
        ? { dayOffReason: v.dayOffReason.trim() }
        : {}),
  });

  const form = useForm<CreateMeetingValues>({
    initialValues: {
      kind: 'quarterly',
      title: '',
      chairMembershipId: null,
      place: '',
      onlineLink: '',
      startsAt: '',
      endsAt: '',
      partial: false,
      attendeeUserIds: [],
      guests: [],
      dayOffReason: '',
      recordedAfterwards: false,
      recordedReason: '',
    },
    validate: (values) => {
      const errors = schemaErrors(CreateMeetingBody, bodyOf(values), t);
      for (const field of ['startsAt', 'endsAt'] as const) {
        if (!parseVietnamDateTime(values[field])) {
          errors[field] = values[field].trim() ? t('meetings.form.dateTimeInvalid') : t('common.required');
        }
      }
      const start = parseVietnamDateTime(values.startsAt);
      const end = parseVietnamDateTime(values.endsAt);
      if (start && end && new Date(end) <= new Date(start)) errors.endsAt = t('meetings.form.endBeforeStart');
      if (values.kind === 'adHoc' && values.partial && values.attendeeUserIds.length === 0) {
        errors.attendeeUserIds = t('validation.minItems', { min: 1 });
      }
      if (values.recordedAfterwards) {
        if (!values.recordedReason.trim()) errors.recordedReason = t('common.required');
        if (end && new Date(end).getTime() > Date.now()) errors.endsAt = t('meetings.form.futureRecorded');
      } else if (start && new Date(start).getTime() <= Date.now()) {
        errors.startsAt = t('meetings.form.pastTime');
      }
      return errors;
    },
  });

  const startsAt = parseVietnamDateTime(form.values.startsAt);
  const past = !!startsAt && new Date(startsAt).getTime() <= Date.now();
  // The chair: the one chosen, else the head; only they decide a meeting on a day off.
  const chairSeat = form.values.chairMembershipId
    ? seats.find((m) => m.id === form.values.chairMembershipId)
    : seats.find((m) => m.role === 'head');
  const mayDecide = !!session && chairSeat?.userId === session.user.id;

  const submit = form.onSubmit((values) =>
    create.mutate(bodyOf(values) as CreateMeetingBody, {
      onSuccess: (meeting) => {
        notifications.show({ color: 'green', message: t('meetings.create.done', { title: meeting.title }) });
        onClose();
        void navigate({ to: '/cuoc-hop/$meetingId', params: { meetingId: meeting.id } });
      },
      onError: (error) => setFieldErrorsFromProblem(form, error, fieldOfCode),
    }),
  );

  return (
    <ModalForm
      opened
      onClose={onClose}
      title={t('meetings.create.title')}
      onSubmit={submit}
      submitLabel={t('meetings.create.submit')}
      submitting={create.isPending}
      error={problemOutsideFields(create.error, fieldOfCode)}
    >
      <TextInput label={t('meetings.form.committee')} value={committee.name} readOnly variant="filled" />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('meetings.form.kind')}
          withAsterisk
          data={MeetingKinds.options.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('meetings.form.chair')}
          placeholder={t('meetings.form.chairDefault')}
          description={t('meetings.form.chairHint')}
          data={chairs.map((m) => ({
            value: m.id,
            label: `${m.fullName} — ${t(`committees.roles.${m.role}`)}`,
          }))}
          clearable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('chairMembershipId')}
        />
      </SimpleGrid>
      <TextInput label={t('meetings.form.title')} withAsterisk {...form.getInputProps('title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <DateTimeField
          label={t('meetings.form.startsAt')}
          description={t('meetings.form.timeZoneHint')}
          withAsterisk
          {...form.getInputProps('startsAt')}
        />
        <DateTimeField
          label={t('meetings.form.endsAt')}
          description={t('meetings.form.timeZoneHint')}
          withAsterisk
          {...form.getInputProps('endsAt')}
        />
      </SimpleGrid>
      {past && !form.values.recordedAfterwards && (
        <Alert color="orange" variant="light" role="status">
          {t('meetings.form.pastTime')}
        </Alert>
      )}
      {(past || form.values.recordedAfterwards) && (
        <Checkbox
          label={t('meetings.form.recordedAfterwards')}
          description={t('meetings.form.recordedHint')}
          {...form.getInputProps('recordedAfterwards', { type: 'checkbox' })}
        />
      )}
      {form.values.recordedAfterwards ? (
        <Textarea
          label={t('meetings.form.recordedReason')}
          description={t('meetings.form.recordedReasonHint')}
          withAsterisk
          autosize
          minRows={2}
          {...form.getInputProps('recordedReason')}
        />
      ) : (
        <DayOffField
          startsAt={past ? null : startsAt}
          mayDecide={mayDecide}
          reasonProps={form.getInputProps('dayOffReason')}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label={t('meetings.form.place')} {...form.getInputProps('place')} />
        <TextInput
          label={t('meetings.form.onlineLink')}
          placeholder="https://"
          type="url"
          {...form.getInputProps('onlineLink')}
        />
      </SimpleGrid>
      <Stack gap={6}>
        <UserPicker
          // A fresh picker after each choice, so the search box is empty for the next guest.
          key={form.values.guests.length}
          label={t('meetings.form.guests')}
          description={t('meetings.form.guestsHint')}
          committeeId={committee.id}
          value={null}
          onChange={(person) => {
            if (person && !form.values.guests.some((g) => g.id === person.id))
              form.insertListItem('guests', person);
          }}
          excludedIds={new Set(seats.map((m) => m.userId))}
          excludedLabel={t('meetings.form.alreadyMember')}
        />
        {form.values.guests.length > 0 && (
          <Group gap={6} role="list" aria-label={t('meetings.form.guests')}>
            {form.values.guests.map((g, index) => (
              <Badge
                key={g.id}
                role="listitem"
                variant="light"
                color="gray"
                tt="none"
                size="lg"
                rightSection={
                  <CloseButton
                    size="xs"
                    aria-label={t('meetings.form.removeGuest', { name: g.fullName })}
                    onClick={() => form.removeListItem('guests', index)}
                  />
                }
              >
                {g.fullName}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
      {form.values.kind === 'adHoc' && (
        <>
          <Checkbox
            label={t('meetings.form.partial')}
            {...form.getInputProps('partial', { type: 'checkbox' })}
          />
          {form.values.partial && (
            <MultiSelect
              label={t('meetings.form.attendees')}
              withAsterisk
              searchable
              data={seats.map((m) => ({
                value: m.userId,
                label: `${m.fullName} — ${t(`committees.roles.${m.role}`)}`,
              }))}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('attendeeUserIds')}
            />
          )}
        </>
      )}
    </ModalForm>
  );
}
