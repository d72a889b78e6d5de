import { Id } from '@steerco/contract/common';
import {
  AgendaItemBody,
  CancelMeetingBody,
  CreateMeetingBody,
  DecideAttendanceBody,
  GenerateCalendarBody,
  ListMeetingsQuery,
  MeetingDetail,
  MeetingList,
  RespondBody,
  SendNoticeBody,
  UpdateMeetingBody,
} from '@steerco/contract/meetings';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import {
  addAgendaItem,
  cancelMeeting,
  createMeeting,
  decideAttendance,
  generateYearCalendar,
  getMeeting,
  listMeetings,
  removeAgendaItem,
  respond,
  sendNotice,
  updateMeeting,
} from './meetings.service.ts';

const M = z.object({ id: Id }).strict();
const MA = z.object({ id: Id, attendeeId: Id }).strict();
const tags = ['Cuộc họp'];
// What each person may do on a meeting depends on the committee and the meeting: decided in the service.
const config = { permission: 'authenticated' as const };

export const meetingRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/meetings', {
    config,
    schema: {
      tags,
      summary: 'Cuộc họp của một Ban Chỉ đạo, hoặc cuộc họp tôi được mời',
      querystring: ListMeetingsQuery,
      response: { 200: MeetingList },
    },
    handler: (req) => listMeetings(db, requireActor(req), req.query),
  });
  app.post('/meetings', {
    config,
    schema: {
      tags,
      summary: 'Lên lịch cuộc họp (bản nháp)',
      body: CreateMeetingBody,
      response: { 201: MeetingDetail },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createMeeting(db, requireActor(req), req.body)),
  });
  app.post('/committees/:id/meetings/generate', {
    config,
    schema: {
      tags,
      summary: 'Lập lịch họp định kỳ cả năm theo Quy chế (R8), dạng nháp',
      params: M,
      body: GenerateCalendarBody,
      response: { 200: z.object({ created: z.array(Id) }) },
    },
    handler: (req) => generateYearCalendar(db, requireActor(req), req.params.id, req.body.year),
  });
  app.get('/meetings/:id', {
    config,
    schema: {
      tags,
      summary: 'Cuộc họp: chương trình, thành phần, xác nhận tham dự',
      params: M,
      response: { 200: MeetingDetail },
    },
    handler: (req) => getMeeting(db, requireActor(req), req.params.id),
  });
  app.patch('/meetings/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa cuộc họp (sau khi đã gửi giấy mời: gửi thông báo thay đổi)',
      params: M,
      body: UpdateMeetingBody,
      response: { 200: MeetingDetail },
    },
    handler: (req) => updateMeeting(db, requireActor(req), req.params.id, req.body),
  });
  app.post('/meetings/:id/notice', {
    config,
    schema: {
      tags,
      summary: 'Gửi giấy mời (R9: gửi muộn cần lý do của người chủ trì)',
      params: M,
      body: SendNoticeBody,
      response: { 200: MeetingDetail },
    },
    handler: (req) => sendNotice(db, requireActor(req), req.params.id, req.body),
  });
  app.post('/meetings/:id/cancel', {
    config,
    schema: {
      tags,
      summary: 'Hủy cuộc họp',
      params: M,
      body: CancelMeetingBody,
      response: { 200: MeetingDetail },
    },
    handler: (req) => cancelMeeting(db, requireActor(req), req.params.id, req.body.reason),
  });
  app.post('/meetings/:id/agenda', {
    config,
    schema: {
      tags,
      summary: 'Thêm nội dung vào chương trình họp',
      params: M,
      body: AgendaItemBody,
      response: { 200: MeetingDetail },
    },
    handler: (req) => addAgendaItem(db, requireActor(req), req.params.id, req.body),
  });
  app.delete('/meetings/:id/agenda/:itemId', {
    config,
    schema: {
      tags,
      summary: 'Bỏ nội dung khỏi chương trình họp',
      params: z.object({ id: Id, itemId: Id }).strict(),
      response: { 200: MeetingDetail },
    },
    handler: (req) => removeAgendaItem(db, requireActor(req), req.params.id, req.params.itemId),
  });
  app.post('/meetings/:id/response', {
    config,
    schema: {
      tags,
      summary: 'Xác nhận tham dự, báo vắng hoặc cử người dự thay (R10, R11)',
      params: M,
      body: RespondBody,
      response: { 200: MeetingDetail },
    },
    handler: (req) => respond(db, requireActor(req), req.params.id, null, req.body),
  });
  app.post('/meetings/:id/attendees/:attendeeId/response', {
    config,
    schema: {
      tags,
      summary: 'Cơ quan thường trực ghi nhận xác nhận thay thành viên (kể cả sau hạn, có đánh dấu)',
      params: MA,
      body: RespondBody,
      response: { 200: MeetingDetail },
    },
    handler: (req) => respond(db, requireActor(req), req.params.id, req.params.attendeeId, req.body),
  });
  app.post('/meetings/:id/attendees/:attendeeId/decision', {
    config,
    schema: {
      tags,
      summary: 'Người chủ trì duyệt vắng mặt hoặc người dự thay (R11)',
      params: MA,
      body: DecideAttendanceBody,
      response: { 200: MeetingDetail },
    },
    handler: (req) => decideAttendance(db, requireActor(req), req.params.id, req.params.attendeeId, req.body),
  });
};
