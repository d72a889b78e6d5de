import { Id } from '@steerco/contract/common';
import {
  CommentBody,
  CreateTaskBody,
  DecideExtensionBody,
  ExportTasksQuery,
  ListTasksQuery,
  MyTasksQuery,
  NoteBody,
  ProgressBody,
  ReasonBody,
  RequestExtensionBody,
  TaskDetail,
  TaskList,
  TaskStats,
  UpdateTaskBody,
} from '@steerco/contract/tasks';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { createTask } from './creation.service.ts';
import { getTask } from './detail.service.ts';
import { updateTask } from './editing.service.ts';
import { listTasks, myTasks, taskStats } from './lists.service.ts';
import { addComment, reportProgress } from './progress.service.ts';
import { exportTasksXlsx } from './tasks-xlsx.ts';
import { transitionTask } from './transitions.service.ts';

const P = z.object({ id: Id }).strict();
const tags = ['Nhiệm vụ'];
// Who may act on a task depends on the committee and the task: decided in the services (tasks.policy.ts).
const config = { permission: 'authenticated' as const };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const StatsQuery = ExportTasksQuery.pick({ domain: true, source: true, dueFrom: true, dueTo: true });

export const taskRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.post('/committees/:id/tasks', {
    config: { ...config, idempotent: true },
    schema: {
      tags,
      summary:
        'Giao nhiệm vụ đột xuất hoặc theo chỉ đạo của cấp trên (Trưởng Ban, Phó Trưởng Ban, cơ quan thường trực)',
      params: P,
      body: CreateTaskBody,
      response: { 201: TaskDetail },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createTask(db, requireActor(req), req.params.id, req.body)),
  });
  app.get('/committees/:id/tasks', {
    config,
    schema: {
      tags,
      summary: 'Danh sách nhiệm vụ của Ban Chỉ đạo, có bộ lọc, theo hạn, phân trang bằng con trỏ',
      params: P,
      querystring: ListTasksQuery,
      response: { 200: TaskList },
    },
    handler: (req) => listTasks(db, requireActor(req), req.params.id, req.query),
  });
  app.get('/committees/:id/tasks/export.xlsx', {
    config,
    schema: {
      tags,
      summary: 'Xuất danh sách nhiệm vụ (theo bộ lọc) ra Excel',
      params: P,
      querystring: ExportTasksQuery,
    },
    handler: async (req, reply) => {
      const file = await exportTasksXlsx(db, requireActor(req), req.params.id, req.query);
      const name = 'danh-sach-nhiem-vu.xlsx';
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(file);
    },
  });
  app.get('/committees/:id/tasks/stats', {
    config,
    schema: {
      tags,
      summary:
        'Thống kê nhiệm vụ theo đơn vị và theo thành viên (được giao, hoàn thành đúng hạn/quá hạn, quá hạn)',
      params: P,
      querystring: StatsQuery,
      response: { 200: TaskStats },
    },
    handler: (req) => taskStats(db, requireActor(req), req.params.id, req.query),
  });
  app.get('/tasks/mine', {
    config,
    schema: {
      tags,
      summary: 'Nhiệm vụ của tôi: chủ trì, phối hợp, chờ tôi xem xét',
      querystring: MyTasksQuery,
      response: { 200: TaskList },
    },
    handler: (req) => myTasks(db, requireActor(req), req.query),
  });
  app.get('/tasks/:id', {
    config,
    schema: {
      tags,
      summary: 'Chi tiết nhiệm vụ với lịch sử, tiến độ và trao đổi',
      params: P,
      response: { 200: TaskDetail },
    },
    handler: (req) => getTask(db, requireActor(req), req.params.id),
  });

  app.patch('/tasks/:id', {
    config,
    schema: {
      tags,
      summary: 'Sửa nội dung, giao lại nhiệm vụ đang thực hiện (nêu lý do; hạn chỉ đổi qua gia hạn)',
      params: P,
      body: UpdateTaskBody,
      response: { 200: TaskDetail },
    },
    handler: (req) => updateTask(db, requireActor(req), req.params.id, req.body),
  });

  const transition = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B | null,
    toBody: (b: z.infer<B>) => Parameters<typeof transitionTask>[3],
  ) =>
    app.post(`/tasks/:id/${path}`, {
      config,
      schema: { tags, summary, params: P, ...(body ? { body } : {}), response: { 200: TaskDetail } },
      handler: (req) => transitionTask(db, requireActor(req), req.params.id, toBody(req.body as z.infer<B>)),
    });
  // A POST without a body arrives as null: the note is optional, and so is the body carrying it.
  const OptionalNote = NoteBody.nullish();
  transition('start', 'Nhận và bắt đầu thực hiện nhiệm vụ', null, () => ({ action: 'start' }));
  transition('submit-done', 'Báo cáo hoàn thành (đơn vị, thành viên chủ trì)', OptionalNote, (b) => ({
    action: 'submitDone',
    note: b?.note,
  }));
  transition('approve-done', 'Xác nhận hoàn thành', OptionalNote, (b) => ({
    action: 'approveDone',
    note: b?.note,
  }));
  transition('return', 'Trả lại báo cáo hoàn thành, yêu cầu tiếp tục thực hiện', ReasonBody, (b) => ({
    action: 'return',
    reason: b.reason,
  }));
  transition('extension-request', 'Đề nghị gia hạn (lý do, hạn đề nghị)', RequestExtensionBody, (b) => ({
    action: 'requestExtension',
    ...b,
  }));
  transition(
    'extension-decision',
    'Quyết định gia hạn (người giao hoặc Trưởng Ban, người được ủy quyền)',
    DecideExtensionBody,
    (b) => ({ action: 'decideExtension', ...b }),
  );
  transition('cancel', 'Hủy nhiệm vụ (nêu lý do)', ReasonBody, (b) => ({
    action: 'cancel',
    reason: b.reason,
  }));

  app.post('/tasks/:id/progress', {
    config: { ...config, idempotent: true },
    schema: {
      tags,
      summary: 'Báo cáo tiến độ kèm tài liệu minh chứng (tải lên trước qua /committees/{id}/files)',
      params: P,
      body: ProgressBody,
      response: { 200: TaskDetail },
    },
    handler: (req) => reportProgress(db, requireActor(req), req.params.id, req.body),
  });
  app.post('/tasks/:id/comments', {
    config: { ...config, idempotent: true },
    schema: {
      tags,
      summary: 'Trao đổi về nhiệm vụ; người được nhắc đến (@) nhận thông báo',
      params: P,
      body: CommentBody,
      response: { 200: TaskDetail },
    },
    handler: (req) => addComment(db, requireActor(req), req.params.id, req.body),
  });
};
