import { z } from 'zod';
import { Id, IsoDate, requiredText, text } from './common.ts';

export const MAX_CALENDAR_RANGE_DAYS = 400;

export const DayKind = z.enum(['workday', 'weekend', 'holiday', 'compensatory', 'swappedWorkday']);

export const CalendarDay = z.object({
  date: IsoDate,
  working: z.boolean(),
  kind: DayKind,
  name: z.string().optional(),
});

export const DateRangeQuery = z.object({ from: IsoDate, to: IsoDate }).strict();

export const CalendarDays = z.object({ days: z.array(CalendarDay) });

export const AddWorkingDaysQuery = z
  .object({ date: IsoDate, days: z.coerce.number().int().min(-3650).max(3650) })
  .strict();

export const OverrideKind = z.enum(['holiday', 'dayOff', 'swappedWorkday', 'workday']);

export const CalendarOverride = z.object({
  id: Id,
  date: IsoDate,
  kind: OverrideKind,
  name: z.string(),
  source: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const CreateCalendarOverrideBody = z
  .object({
    date: IsoDate,
    kind: OverrideKind.describe('holiday/dayOff: a day off; swappedWorkday/workday: a working day'),
    name: requiredText(200),
    source: text(300)
      .nullable()
      .optional()
      .describe('The document announcing it, e.g. "Công văn 123/UBND-VX"'),
  })
  .strict();

export const Holiday = z.object({ date: IsoDate, kind: DayKind, name: z.string() });
export const HolidayYear = z.object({
  year: z.number().int(),
  daysOff: z.array(Holiday),
  swappedWorkdays: z.array(Holiday),
  source: z.string().describe('Where the year comes from: an official schedule, or the Labor Code defaults'),
});
