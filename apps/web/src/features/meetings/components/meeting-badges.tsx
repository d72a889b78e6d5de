import { Badge, TextInput, type TextInputProps } from '@mantine/core';
import type { Meeting, MeetingKind, MeetingStatus } from '@steerco/contract/meetings';
import { IconCalendarOff, IconCalendarTime, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type RollState, rollStateOf } from '../meetings.ts';

const STATUS_COLORS: Record<MeetingStatus, string> = {
  draft: 'gray',
  noticeSent: 'blue',
  held: 'teal',
  closed: 'green',
  cancelled: 'red',
};

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`meetings.status.${status}`)}
    </Badge>
  );
}

const KIND_COLORS: Record<MeetingKind, string> = {
  quarterly: 'indigo',
  halfYearReview: 'grape',
  annualReview: 'govRed',
  adHoc: 'orange',
  thematic: 'cyan',
};

export function MeetingKindBadge({ kind }: { kind: MeetingKind }) {
  const { t } = useTranslation();
  return (
    <Badge color={KIND_COLORS[kind]} variant="outline">
      {t(`meetings.kinds.${kind}`)}
    </Badge>
  );
}

/** How a meeting departs from the usual: recorded afterwards, or held on a day off as the chair decided. */
export function MeetingFlagBadges({ meeting }: { meeting: Pick<Meeting, 'recordedAfterwards' | 'dayOff'> }) {
  const { t } = useTranslation();
  return (
    <>
      {meeting.recordedAfterwards && (
        <Badge color="grape" variant="light" leftSection={<IconHistory size={12} aria-hidden />}>
          {t('meetings.recorded.badge')}
        </Badge>
      )}
      {meeting.dayOff && (
        <Badge color="orange" variant="light" leftSection={<IconCalendarOff size={12} aria-hidden />}>
          {t('meetings.dayOff.badge')}
        </Badge>
      )}
    </>
  );
}

const ROLL_COLORS: Record<RollState, string> = {
  confirmed: 'green',
  absentPending: 'orange',
  absentApproved: 'gray',
  absentRejected: 'red',
  substitutePending: 'orange',
  substituteApproved: 'teal',
  substituteRejected: 'red',
  noAnswer: 'gray',
};

/** An attendee's answer and, for absences and substitutes, the chair's decision (R10, R11). */
export function RollBadge({ attendee }: { attendee: Parameters<typeof rollStateOf>[0] }) {
  const { t } = useTranslation();
  const state = rollStateOf(attendee);
  return (
    <Badge
      color={ROLL_COLORS[state]}
      variant={state === 'noAnswer' ? 'outline' : 'light'}
      h="auto"
      mih={22}
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3, paddingBlock: 2 } }}
    >
      {t(`meetings.roll.states.${state}`)}
    </Badge>
  );
}

/** A date and time typed as dd/MM/yyyy HH:mm, always in Viet Nam's time (the form parses it on save). */
export function DateTimeField(props: TextInputProps) {
  return (
    <TextInput
      placeholder="dd/mm/yyyy hh:mm"
      autoComplete="off"
      leftSection={<IconCalendarTime size={16} aria-hidden />}
      {...props}
    />
  );
}
