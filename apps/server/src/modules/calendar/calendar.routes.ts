import {
  AddWorkingDaysQuery,
  CalendarDays,
  CalendarOverride,
  CreateCalendarOverrideBody,
  DateRangeQuery,
  HolidayYear,
} from '@steerco/contract/calendar';
import { IdParams, IsoDate } from '@steerco/contract/common';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import {
  addOverride,
  getWorkingCalendar,
  listDays,
  listHolidayYear,
  listOverrides,
  removeOverride,
} from './calendar.service.ts';

const tags = ['Lịch làm việc'];

export const calendarRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/calendar/days', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary:
        'Các ngày trong khoảng (tối đa 400 ngày): ngày làm việc, nghỉ cuối tuần, nghỉ lễ, nghỉ bù, làm bù',
      querystring: DateRangeQuery,
      response: { 200: CalendarDays },
    },
    handler: (req) => listDays(db, req.query.from, req.query.to),
  });

  app.get('/calendar/add-working-days', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Ngày làm việc thứ N sau (N âm: trước) một ngày',
      querystring: AddWorkingDaysQuery,
      response: { 200: z.object({ date: IsoDate }) },
    },
    handler: async (req) => ({
      date: (await getWorkingCalendar(db)).addWorkingDays(req.query.date, req.query.days),
    }),
  });

  app.get('/calendar/working-days-between', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Số ngày làm việc sau ngày "from" đến hết ngày "to"',
      querystring: DateRangeQuery,
      response: { 200: z.object({ count: z.number().int() }) },
    },
    handler: async (req) => ({
      count: (await getWorkingCalendar(db)).workingDaysBetween(req.query.from, req.query.to),
    }),
  });

  app.get('/calendar/holidays', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Ngày nghỉ lễ, nghỉ bù và ngày làm bù của một năm, kèm văn bản nguồn',
      querystring: z.object({ year: z.coerce.number().int().min(1900).max(2199) }).strict(),
      response: { 200: HolidayYear },
    },
    handler: (req) => listHolidayYear(db, req.query.year),
  });

  app.get('/calendar/overrides', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Ngày nghỉ, ngày làm việc bổ sung của địa phương',
      response: { 200: z.object({ items: z.array(CalendarOverride) }) },
    },
    handler: () => listOverrides(db),
  });

  app.post('/calendar/overrides', {
    config: { permission: 'calendar.manage' },
    schema: {
      tags,
      summary: 'Thêm ngày nghỉ hoặc ngày làm việc bổ sung',
      body: CreateCalendarOverrideBody,
      response: { 201: CalendarOverride },
    },
    handler: async (req, reply) => reply.status(201).send(await addOverride(db, requireActor(req), req.body)),
  });

  app.delete('/calendar/overrides/:id', {
    config: { permission: 'calendar.manage' },
    schema: { tags, summary: 'Xóa ngày bổ sung', params: IdParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await removeOverride(db, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
};
