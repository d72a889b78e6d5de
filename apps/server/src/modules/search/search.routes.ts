import { SearchQuery, SearchResults } from '@steerco/contract/search';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { search } from './search.service.ts';

export const searchRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/search', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['Tổng quan'],
      summary:
        'Tìm kiếm cuộc họp, nhiệm vụ, văn bản, Ban Chỉ đạo và người (không phân biệt dấu), theo nhóm, chỉ những gì tôi được xem',
      querystring: SearchQuery,
      response: { 200: SearchResults },
    },
    handler: (request) => search(db, requireActor(request), request.query),
  });
};
