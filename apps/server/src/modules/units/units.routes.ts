import { IdParams } from '@steerco/contract/common';
import {
  CreateUnitBody,
  ListUnitsQuery,
  UnitList,
  UnitWithAncestors,
  UpdateUnitBody,
} from '@steerco/contract/units';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { createUnit, getUnit, listUnits, updateUnit } from './units.service.ts';

const tags = ['Đơn vị hành chính'];

export const unitRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/units', {
    config: { permission: 'units.read' },
    schema: {
      tags,
      summary: 'Đơn vị con của một đơn vị (hoặc cấp cao nhất), hoặc tìm kiếm theo tên/mã',
      querystring: ListUnitsQuery,
      response: { 200: UnitList },
    },
    handler: (request) => listUnits(db, requireActor(request), request.query),
  });

  app.get('/units/:id', {
    config: { permission: 'units.read' },
    schema: {
      tags,
      summary: 'Chi tiết đơn vị và các cấp trên',
      params: IdParams,
      response: { 200: UnitWithAncestors },
    },
    handler: (request) => getUnit(db, requireActor(request), request.params.id),
  });

  app.post('/units', {
    config: { permission: 'units.manage' },
    schema: { tags, summary: 'Thêm đơn vị', body: CreateUnitBody, response: { 201: UnitWithAncestors } },
    handler: async (request, reply) =>
      reply.status(201).send(await createUnit(db, requireActor(request), request.body)),
  });

  app.patch('/units/:id', {
    config: { permission: 'units.manage' },
    schema: {
      tags,
      summary: 'Sửa đơn vị',
      params: IdParams,
      body: UpdateUnitBody,
      response: { 200: UnitWithAncestors },
    },
    handler: (request) => updateUnit(db, requireActor(request), request.params.id, request.body),
  });
};
