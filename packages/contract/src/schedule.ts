import { z } from 'zod';
import { Id, IsoDate } from './common.ts';

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** Lịch công tác (issue 19): a week or a month of meetings and task deadlines, dates in Viet Nam. */
export const ScheduleQuery = z
  .object({
    from: IsoDate,
    to: IsoDate.describe('Ngày cuối (tính cả ngày này), tối đa 42 ngày sau ngày đầu'),
    committeeId: Id.optional(),
  })
  .strict()
  .refine((q) => days(q.from, q.to) >= 0 && days(q.from, q.to) <= 42, {
    message: 'Khoảng thời gian phải từ 1 đến 43 ngày, ngày đầu không sau ngày cuối',
    path: ['to'],
  });
export type ScheduleQuery = z.infer<typeof ScheduleQuery>;

export const Schedule = z.object({
  meetings: z.array(
    z.object({
      id: Id,
      title: z.string(),
      kind: z.string(),
      status: z.string(),
      place: z.string().nullable(),
      startsAt: z.string(),
      endsAt: z.string(),
      committeeId: Id,
      committeeName: z.string(),
      chairName: z.string().nullable(),
    }),
  ),
  deadlines: z.array(
    z.object({
      id: Id,
      title: z.string(),
      deadline: IsoDate,
      status: z.string(),
      committeeId: Id,
      committeeName: z.string(),
    }),
  ),
});
export type Schedule = z.infer<typeof Schedule>;
