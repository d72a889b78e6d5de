import { Id } from '@steerco/contract/common';
import { StoredFile } from '@steerco/contract/files';
import {
  AgendaItemBody,
  Attendance,
  CancelMeetingBody,
  ConclusionsBody,
  CreateMeetingBody,
  DecideAttendanceBody,
  DecideLateNoticeBody,
  DecideLateNoticeLinkBody,
  GenerateCalendarBody,
  LateNoticeLink,
  LateNoticeLinkQuery,
  LateNoticeRequestBody,
  ListMeetingsQuery,
  MeetingDetail,
  MeetingList,
  Minutes,
  MinutesBody,
  MinuteTakerBody,
  MissingOpinion,
  RemindResult,
  RespondBody,
  ReturnMinutesBody,
  Rsvp,
  RsvpBody,
  RsvpQuery,
  SendNoticeBody,
  UpdateMeetingBody,
  WrittenOpinion,
  WrittenOpinionBody,
} from '@steerco/contract/meetings';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import { AppError } from '../../http/errors.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { createFileStore } from '../files/file-store.service.ts';
import { addAgendaDocument, removeAgendaDocument } from './agenda-documents.service.ts';
import { answerRsvp, decideAttendance, getRsvp, respond } from './answers.service.ts';
import { decideMinutes } from './approval.service.ts';
import { checkIn, getAttendance, markMinuteTaker } from './attendance.service.ts';
import { type InvitationMailer, invitationMailer } from './invitations.service.ts';
import {
  decideLateNotice,
  decideLateNoticeLink,
  getLateNoticeLink,
  requestLateNotice,
} from './late-notice.service.ts';
import {
  addAgendaItem,
  cancelMeeting,
  createMeeting,
  removeAgendaItem,
  updateMeeting,
} from './lifecycle.service.ts';
import { getMinutes, saveConclusions, saveMinutes } from './minutes.service.ts';
import { remindMeeting, sendNotice } from './notices.service.ts';
import { listOpinions, submitOpinion } from './opinions.service.ts';
import { getMeeting, listMeetings } from './reads.service.ts';
import { generateYearCalendar } from './year-calendar.service.ts';

const M = z.object({ id: Id }).strict();
const MA = z.object({ id: Id, attendeeId: Id }).strict();
const tags = ['Cuộc họp'];
// What each person may do on a meeting depends on the committee and the meeting: decided in the service.
const config = { permission: 'authenticated' as const };

export const meetingRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, config: cfg, jobs }) => {
  const store = createFileStore(cfg, db);
  /** Runs a change that may send invitation e-mails, then dispatches them once the change has committed. */
  const withMail = async <T>(change: (mailer: InvitationMailer) => Promise<T>): Promise<T> => {
    const mailer = invitationMailer(cfg);
    const result = await change(mailer);
    await mailer.dispatch(jobs);
    return result;
  };

  // The invitation e-mail's personal link: the signed token is the credential, so these two are public.
  const rsvpConfig = { permission: 'public' as const, rateLimit: { max: 30, timeWindow: '1 minute' } };
  app.get('/rsvp', {
    config: rsvpConfig,
    schema: {
      tags,
      summary: 'Thông tin cuộc họp từ đường dẫn cá nhân trong giấy mời',
      querystring: RsvpQuery,
      response: { 200: Rsvp },
    },
    handler: (req) => getRsvp(db, req.query.token),
  });
  app.post('/rsvp', {
    config: rsvpConfig,
    schema: {
      tags,
      summary: 'Xác nhận tham dự (hoặc báo vắng) bằng một lần bấm từ giấy mời (R10)',
      body: RsvpBody,
      response: { 200: Rsvp },
    },
    handler: (req) => answerRsvp(db, req.body.token, req.body),
  });
  // The chair's personal link in the late-notice request e-mail (R9): the signed token is the credential.
  app.get('/late-notice', {
    config: rsvpConfig,
    schema: {
      tags,
      summary: 'Đề nghị gửi giấy mời muộn, từ đường dẫn cá nhân của người chủ trì',
      querystring: LateNoticeLinkQuery,
      response: { 200: LateNoticeLink },
    },
    handler: (req) => getLateNoticeLink(db, req.query.token),
  });
  app.post('/late-notice', {
    config: rsvpConfig,
    schema: {
      tags,
      summary: 'Người chủ trì đồng ý (giấy mời gửi ngay) hoặc không đồng ý gửi giấy mời muộn, từ thư',
      body: DecideLateNoticeLinkBody,
      response: { 200: LateNoticeLink },
    },
    handler: (req) => withMail((mail) => decideLateNoticeLink(db, req.body.token, req.body, mail)),
  });

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
    config: { ...config, idempotent: true },
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
    handler: (req) => withMail((mail) => updateMeeting(db, requireActor(req), req.params.id, req.body, mail)),
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
    handler: (req) => withMail((mail) => sendNotice(db, requireActor(req), req.params.id, req.body, mail)),
  });
  app.post('/meetings/:id/late-notice-request', {
    config,
    schema: {
      tags,
      summary: 'Đề nghị người chủ trì gửi giấy mời muộn, kèm lý do (thông báo và thư có đường dẫn duyệt)',
      params: M,
      body: LateNoticeRequestBody,
      response: { 200: MeetingDetail },
    },
    handler: (req) =>
      withMail((mail) => requestLateNotice(db, requireActor(req), req.params.id, req.body.reason, mail)),
  });
  app.post('/meetings/:id/late-notice-request/decision', {
    config,
    schema: {
      tags,
      summary: 'Người chủ trì đồng ý (gửi giấy mời ngay) hoặc không đồng ý đề nghị gửi giấy mời muộn',
      params: M,
      body: DecideLateNoticeBody,
      response: { 200: MeetingDetail },
    },
    handler: (req) =>
      withMail((mail) => decideLateNotice(db, requireActor(req), req.params.id, req.body, mail)),
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
    handler: (req) =>
      withMail((mail) => cancelMeeting(db, requireActor(req), req.params.id, req.body.reason, mail)),
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
    handler: (req) => withMail((mail) => addAgendaItem(db, requireActor(req), req.params.id, req.body, mail)),
  });
  app.delete('/meetings/:id/agenda/:itemId', {
    config,
    schema: {
      tags,
      summary: 'Bỏ nội dung khỏi chương trình họp',
      params: z.object({ id: Id, itemId: Id }).strict(),
      response: { 200: MeetingDetail },
    },
    handler: (req) =>
      withMail((mail) => removeAgendaItem(db, requireActor(req), req.params.id, req.params.itemId, mail)),
  });
  app.post('/meetings/:id/agenda/:itemId/documents', {
    config: { ...config, idempotent: true },
    schema: {
      tags,
      summary:
        'Đính kèm tài liệu họp cho một nội dung (PDF, DOCX, XLSX; kiểm tra theo nội dung; giới hạn dung lượng); multipart, trường "file"',
      params: z.object({ id: Id, itemId: Id }).strict(),
      response: { 201: StoredFile },
    },
    handler: async (req, reply) => {
      const part = await req.file();
      if (!part) throw new AppError('file.required');
      const data = await part.toBuffer();
      if (!data.length) throw new AppError('file.required');
      const file = await addAgendaDocument(db, store, requireActor(req), req.params.id, req.params.itemId, {
        filename: part.filename,
        data,
      });
      return reply.status(201).send(file);
    },
  });
  app.delete('/meetings/:id/agenda/:itemId/documents/:fileId', {
    config,
    schema: {
      tags,
      summary: 'Bỏ tài liệu khỏi nội dung họp',
      params: z.object({ id: Id, itemId: Id, fileId: Id }).strict(),
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await removeAgendaDocument(db, requireActor(req), req.params.id, req.params.itemId, req.params.fileId);
      return reply.status(204).send(null);
    },
  });
  app.post('/meetings/:id/remind', {
    config,
    schema: {
      tags,
      summary: 'Nhắc những người chưa xác nhận tham dự (R10): thông báo và e-mail kèm đường dẫn xác nhận',
      params: M,
      response: { 200: RemindResult },
    },
    handler: (req) => withMail((mail) => remindMeeting(db, requireActor(req), req.params.id, mail)),
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

  const Opinions = z.object({ items: z.array(WrittenOpinion), missing: z.array(MissingOpinion) });
  app.get('/meetings/:id/opinions', {
    config,
    schema: {
      tags,
      summary: 'Ý kiến bằng văn bản và danh sách còn thiếu (R12)',
      params: M,
      response: { 200: Opinions },
    },
    handler: (req) => listOpinions(db, requireActor(req), req.params.id),
  });
  app.post('/meetings/:id/opinions', {
    config,
    schema: {
      tags,
      summary: 'Gửi ý kiến bằng văn bản về một nội dung lấy ý kiến (R12)',
      params: M,
      body: WrittenOpinionBody,
      response: { 200: Opinions },
    },
    handler: (req) => submitOpinion(db, requireActor(req), req.params.id, req.body),
  });
  app.get('/meetings/:id/attendance', {
    config,
    schema: { tags, summary: 'Điểm danh và số lượng cần thiết', params: M, response: { 200: Attendance } },
    handler: (req) => getAttendance(db, requireActor(req), req.params.id),
  });
  app.post('/meetings/:id/check-in', {
    config,
    schema: {
      tags,
      summary: 'Tự điểm danh (trong ngày họp, từ trước giờ họp theo thông số của Ban đến khi kết thúc)',
      params: M,
      response: { 200: Attendance },
    },
    handler: (req) => checkIn(db, requireActor(req), req.params.id, null),
  });
  app.post('/meetings/:id/attendees/:attendeeId/check-in', {
    config,
    schema: { tags, summary: 'Thư ký điểm danh', params: MA, response: { 200: Attendance } },
    handler: (req) => checkIn(db, requireActor(req), req.params.id, req.params.attendeeId),
  });
  app.put('/meetings/:id/minute-taker', {
    config,
    schema: {
      tags,
      summary: 'Ghi nhận thư ký cuộc họp (người ghi biên bản), có mặt',
      params: M,
      body: MinuteTakerBody,
      response: { 200: Attendance },
    },
    handler: (req) => markMinuteTaker(db, requireActor(req), req.params.id, req.body.attendeeId),
  });
  app.get('/meetings/:id/minutes', {
    config,
    schema: {
      tags,
      summary: 'Biên bản và kết luận (kèm điểm danh, ý kiến bằng văn bản)',
      params: M,
      response: { 200: Minutes },
    },
    handler: (req) => getMinutes(db, requireActor(req), req.params.id),
  });
  app.put('/meetings/:id/minutes', {
    config,
    schema: {
      tags,
      summary: 'Soạn biên bản theo từng nội dung',
      params: M,
      body: MinutesBody,
      response: { 200: Minutes },
    },
    handler: (req) => saveMinutes(db, requireActor(req), req.params.id, req.body),
  });
  app.put('/meetings/:id/conclusions', {
    config,
    schema: {
      tags,
      summary: 'Soạn danh sách kết luận và nhiệm vụ đề xuất (R1: chủ trì là đơn vị hoặc thành viên)',
      params: M,
      body: ConclusionsBody,
      response: { 200: Minutes },
    },
    handler: (req) => saveConclusions(db, requireActor(req), req.params.id, req.body),
  });
  app.post('/meetings/:id/minutes/submit', {
    config,
    schema: { tags, summary: 'Trình người chủ trì duyệt', params: M, response: { 200: Minutes } },
    handler: (req) => decideMinutes(db, requireActor(req), req.params.id, 'submit'),
  });
  app.post('/meetings/:id/minutes/approve', {
    config,
    schema: {
      tags,
      summary: 'Duyệt biên bản và kết luận: khóa và gửi toàn thể thành viên (R13)',
      params: M,
      response: { 200: Minutes },
    },
    handler: (req) => decideMinutes(db, requireActor(req), req.params.id, 'approve'),
  });
  app.post('/meetings/:id/minutes/return', {
    config,
    schema: {
      tags,
      summary: 'Trả lại kèm ý kiến',
      params: M,
      body: ReturnMinutesBody,
      response: { 200: Minutes },
    },
    handler: (req) => decideMinutes(db, requireActor(req), req.params.id, 'return', req.body.comment),
  });
};
