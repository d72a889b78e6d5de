import { Inbox, InboxItemKind } from '@steerco/contract/inbox';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { myInbox } from './inbox.service.ts';

export const inboxRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/inbox', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['Tổng quan'],
      summary: 'Việc chờ tôi xử lý: mọi việc chờ quyết định hoặc trả lời của tôi, mới nhất trước',
      querystring: z.object({ kind: InboxItemKind.optional() }).strict(),
      response: { 200: Inbox },
    },
    handler: (request) => myInbox(db, requireActor(request), request.query.kind),
  });
};
