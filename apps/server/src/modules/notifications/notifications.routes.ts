import { NotificationPreferences } from '@steerco/contract/notifications';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import {
  getNotificationPreferences,
  updateNotificationPreferences,
} from './notification-preferences.service.ts';
import { listNotifications, markNotificationsRead } from './notifications.service.ts';

const Notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
const tags = ['Thông báo'];

export const notificationRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/notifications', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Thông báo của tôi (mới nhất trước, lọc theo đã đọc/chưa đọc và loại) và số chưa đọc',
      querystring: z
        .object({
          unread: z
            .enum(['true', 'false'])
            .optional()
            .describe('true: chỉ thông báo chưa đọc (như state=unread)'),
          state: z.enum(['all', 'unread', 'read']).optional(),
          area: z
            .enum(['meeting', 'task', 'document', 'report', 'personnel', 'other'])
            .optional()
            .describe('Loại: phần đầu của kind (meeting.notice thuộc meeting)'),
          before: z.uuid().optional().describe('nextCursor của trang trước'),
          limit: z.coerce.number().int().min(1).max(100).default(100),
        })
        .strict(),
      response: {
        200: z.object({
          unread: z.number().int(),
          items: z.array(Notification),
          nextCursor: z.uuid().nullable(),
        }),
      },
    },
    handler: (request) => {
      const { unread, state, area, before, limit } = request.query;
      return listNotifications(db, requireActor(request), {
        state: state ?? (unread === 'true' ? 'unread' : 'all'),
        area,
        before,
        limit,
      });
    },
  });

  app.post('/notifications/read', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Đánh dấu đã đọc (một số, hoặc tất cả)',
      body: z.object({ ids: z.union([z.array(z.uuid()).max(200), z.literal('all')]) }).strict(),
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await markNotificationsRead(db, requireActor(request), request.body.ids);
      return reply.status(204).send(null);
    },
  });

  app.get('/me/notification-preferences', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Cài đặt nhận thư: nhắc hạn, báo cáo quá hạn, thư tổng hợp hằng ngày',
      response: { 200: NotificationPreferences },
    },
    handler: (request) => getNotificationPreferences(db, requireActor(request)),
  });

  app.put('/me/notification-preferences', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Bật/tắt từng loại thư (thông báo trong hệ thống vẫn giữ nguyên)',
      body: NotificationPreferences,
      response: { 200: NotificationPreferences },
    },
    handler: (request) => updateNotificationPreferences(db, requireActor(request), request.body),
  });
};
