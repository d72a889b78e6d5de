import { Paper, Text } from '@mantine/core';
import { formatDate } from '@steerco/contract/datetime';
import { useTranslation } from 'react-i18next';
import { mondayFirstWeekday } from '../../../lib/dates.ts';
import type { CalendarDay, CalendarOverride } from '../api.ts';
import { monthWeeks } from '../calendar.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const MONTH_KEYS = [
  'calendar.months.january',
  'calendar.months.february',
  'calendar.months.march',
  'calendar.months.april',
  'calendar.months.may',
  'calendar.months.june',
  'calendar.months.july',
  'calendar.months.august',
  'calendar.months.september',
  'calendar.months.october',
  'calendar.months.november',
  'calendar.months.december',
] as const;

/** How a day is coloured: its kind, or the weekend of a holiday break (Tết's Saturday counts as Tết). */
export type DayTone = CalendarDay['kind'] | 'breakWeekend';

export const toneOf = (day: CalendarDay, breaks: Set<string>): DayTone =>
  day.kind === 'weekend' && breaks.has(day.date) ? 'breakWeekend' : day.kind;

interface MonthGridProps {
  year: number;
  month: number;
  days: Map<string, CalendarDay>;
  breaks: Set<string>;
  overrides: Map<string, CalendarOverride>;
  today: string;
}

/** One month, Monday first, each day coloured by its kind and named in full for screen readers and on hover. */
export function MonthGrid({ year, month, days, breaks, overrides, today }: MonthGridProps) {
  const { t } = useTranslation();
  const title = `${t(MONTH_KEYS[month - 1]!)} ${year}`;
  return (
    <Paper withBorder radius="md" p="sm">
      <Text fw={700} size="sm" mb={6} ta="center">
        {title}
      </Text>
      <table className="cal-month" aria-label={title}>
        <thead>
          <tr>
            {WEEKDAYS.map((weekday) => (
              <th key={weekday} scope="col" abbr={t(`calendar.weekdays.${weekday}`)}>
                {t(`calendar.weekdaysShort.${weekday}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week) => (
            <tr key={week.find(Boolean) ?? 'empty'}>
              {WEEKDAYS.map((weekdayKey, i) => {
                const date = week[i];
                if (!date) return <td key={weekdayKey} />;
                const day = days.get(date);
                const tone = day ? toneOf(day, breaks) : 'workday';
                const override = overrides.get(date);
                const weekday = t(`calendar.weekdays.${WEEKDAYS[mondayFirstWeekday(date)]!}`);
                const kind = t(`calendar.kinds.${tone}`);
                const name = override?.name ?? day?.name;
                const label = name
                  ? t('calendar.dayLabelNamed', { weekday, date: formatDate(date), kind, name })
                  : t('calendar.dayLabel', { weekday, date: formatDate(date), kind });
                return (
                  <td
                    key={date}
                    className={`cal-day cal-${tone}${override ? ' cal-override' : ''}${date === today ? ' cal-today' : ''}`}
                    data-date={date}
                    data-kind={tone}
                    title={label}
                    aria-label={label}
                  >
                    {Number(date.slice(8))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Paper>
  );
}
