import { Alert, Textarea, type TextareaProps } from '@mantine/core';
import { formatDate } from '@steerco/contract/datetime';
import { IconCalendarOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { calendarDayQueryOptions } from '../api.ts';
import { dayOffLabel } from '../meetings.ts';

/**
 * The day a meeting is set on, checked at once against the working-day calendar: on a weekend, a holiday or a
 * local day off, the chair gives the reason (recorded and shown on the meeting); anyone else is told that only
 * the chair decides it. Nothing shows on a working day.
 */
export function DayOffField({
  startsAt,
  mayDecide,
  reasonProps,
}: {
  /** The start as ISO (with +07:00), or null while the typed value is not a date-time. */
  startsAt: string | null;
  /** The signed-in person chairs the meeting (the chair, or the head when no chair is chosen). */
  mayDecide: boolean;
  reasonProps: TextareaProps;
}) {
  const { t, i18n } = useTranslation();
  const date = startsAt ? startsAt.slice(0, 10) : null;
  const day = useQuery(calendarDayQueryOptions(date));
  if (!date || !day.data || day.data.working) return null;
  const values = {
    date: formatDate(date),
    name: dayOffLabel(day.data, i18n.language === 'en' ? 'en-GB' : 'vi-VN'),
  };
  return (
    <>
      <Alert color="orange" variant="light" icon={<IconCalendarOff size={18} />} role="status">
        {mayDecide ? t('meetings.form.dayOffChair', values) : t('meetings.form.dayOffNotChair', values)}
      </Alert>
      {mayDecide && (
        <Textarea
          label={t('meetings.form.dayOffReason')}
          withAsterisk
          autosize
          minRows={2}
          {...reasonProps}
        />
      )}
    </>
  );
}
