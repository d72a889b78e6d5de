import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { createMeetingFeed, getMeetingFeed, meetingFeedIcs, revokeMeetingFeed } from './feed.service.ts';

const tags = ['Cuộc họp'];
const Feed = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  /** Shown once, when made: the token is kept only as a hash. */
  url: z.string().optional(),
});

/** The personal calendar of meetings (issue 19): made, revoked, and read by calendar applications. */
export const meetingFeedRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, config }) => {
  const baseOf = (req: { protocol: string; host: string }) =>
    (config.PUBLIC_URL ?? `${req.protocol}://${req.host}`).replace(/\/$/, '');

  app.get('/me/calendar-feed', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Lịch họp đăng ký của tôi (ICS): đã tạo chưa', response: { 200: Feed } },
    handler: (req) => getMeetingFeed(db, requireActor(req)),
  });
  app.post('/me/calendar-feed', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary:
        'Tạo (hoặc tạo lại) địa chỉ lịch họp cá nhân để đăng ký trong ứng dụng lịch; địa chỉ cũ hết hiệu lực',
      response: { 201: Feed },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createMeetingFeed(db, requireActor(req), baseOf(req))),
  });
  app.delete('/me/calendar-feed', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Thu hồi địa chỉ lịch họp cá nhân', response: { 204: z.null() } },
    handler: async (req, reply) => {
      await revokeMeetingFeed(db, requireActor(req));
      return reply.status(204).send(null);
    },
  });
  // The calendar application's address: the secret token is the credential.
  app.get('/calendar-feeds/:token', {
    config: { permission: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Lịch họp cá nhân (iCalendar) theo địa chỉ bí mật; đã thu hồi: 404',
      params: z.object({ token: z.string().min(1).max(200) }).strict(),
    },
    handler: async (req, reply) => {
      const ics = await meetingFeedIcs(db, req.params.token, baseOf(req));
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-cache')
        .send(ics);
    },
  });
};
