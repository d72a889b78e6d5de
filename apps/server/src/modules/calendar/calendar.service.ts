import { type CalendarOverride, OFFICIAL_SCHEDULES, parseIsoDate, WorkingCalendar } from '@steerco/calendar';
import { MAX_CALENDAR_RANGE_DAYS } from '@steerco/contract/calendar';
import { recordAudit } from '../../db/audit.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { uuidv7 } from '../../db/ids.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../http/permissions.ts';
import {
  bumpCalendarRevision,
  deleteOverride,
  findCalendarRevision,
  findOverrideDays,
  findOverrides,
  insertOverride,
} from './calendar.repo.ts';

let cached: { revision: number; calendar: WorkingCalendar } | undefined;

/**
 * The deployment's working calendar: national rules and official schedules, plus the overrides in the database.
 * Every deadline in steerco goes through it. Built once per revision, so a change made on any instance is seen
 * by all at their next call (one primary-key read).
 */
export async function getWorkingCalendar(db: DbOrTx): Promise<WorkingCalendar> {
  const revision = await findCalendarRevision(db);
  if (cached?.revision === revision) return cached.calendar;
  const overrides = await findOverrideDays(db);
  cached = { revision, calendar: new WorkingCalendar({ overrides }) };
  return cached.calendar;
}

const dayNumber = (iso: string) =>
  Date.UTC(...(iso.split('-').map(Number) as [number, number, number])) / 86_400_000;

/** Checks a from/to range: ordered, and at most MAX_CALENDAR_RANGE_DAYS days (400 Bad Request otherwise). */
export function assertRange(from: string, to: string) {
  parseIsoDate(from);
  parseIsoDate(to);
  const span = dayNumber(to) - dayNumber(from) + 1;
  if (span < 1) {
    throw new AppError('request.validation', {
      detail: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.',
      errors: [
        { path: 'querystring.to', message: 'Ngày kết thúc trước ngày bắt đầu', code: 'range_reversed' },
      ],
    });
  }
  if (span > MAX_CALENDAR_RANGE_DAYS) {
    throw new AppError('request.validation', {
      detail: `Khoảng thời gian tối đa ${MAX_CALENDAR_RANGE_DAYS} ngày.`,
      errors: [
        {
          path: 'querystring.to',
          message: `Tối đa ${MAX_CALENDAR_RANGE_DAYS} ngày`,
          code: 'range_too_large',
        },
      ],
    });
  }
}

export async function listDays(db: Db, from: string, to: string) {
  assertRange(from, to);
  const calendar = await getWorkingCalendar(db);
  return {
    days: calendar
      .days(from, to)
      .map(({ date, working, kind, name }) => ({ date, working, kind, ...(name ? { name } : {}) })),
  };
}

/** A year's days off and make-up working days, and the documents they come from. */
export async function listHolidayYear(db: Db, year: number) {
  const calendar = await getWorkingCalendar(db);
  const official = OFFICIAL_SCHEDULES.find((s) => s.year === year);
  return {
    year,
    daysOff: calendar.holidays(year),
    swappedWorkdays: calendar
      .swappedWorkdays(year)
      .map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? 'Làm bù' })),
    source: official
      ? official.sources
          .map((s) => `${s.number} ngày ${s.issuedOn.split('-').reverse().join('/')} của ${s.issuer}`)
          .join('; ')
      : 'Bộ luật Lao động 2019, Điều 112 (tính theo quy định, chưa có thông báo chính thức)',
  };
}

export async function listOverrides(db: Db) {
  return { items: await findOverrides(db) };
}

export async function addOverride(
  db: Db,
  actor: Actor,
  body: { date: string; kind: CalendarOverride['kind']; name: string; source?: string | null },
) {
  parseIsoDate(body.date);
  const id = uuidv7();
  await db
    .transaction(async (tx) => {
      await insertOverride(tx, { id, ...body, source: body.source ?? null, createdBy: actor.userId });
      await bumpCalendarRevision(tx);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'calendar.overrideAdded',
        entityType: 'calendar',
        entityId: body.date,
        data: body,
      });
    })
    .catch((err) => {
      if (isUniqueViolation(err)) throw new AppError('calendar.overrideExists');
      throw err;
    });
  return (await listOverrides(db)).items.find((o) => o.id === id)!;
}

export async function removeOverride(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const deleted = await deleteOverride(tx, id);
    if (!deleted) throw new AppError('calendar.overrideNotFound');
    await bumpCalendarRevision(tx);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'calendar.overrideRemoved',
      entityType: 'calendar',
      entityId: deleted.date,
      data: deleted,
    });
  });
}
