import { IdParams } from '@steerco/contract/common';
import {
  CreateUserBody,
  ListUsersQuery,
  UpdateUserBody,
  User,
  UserPage,
  UserWithInitialPassword,
} from '@steerco/contract/users';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import {
  createUser,
  getUser,
  listUsers,
  resetUserPassword,
  setUserActive,
  updateUser,
} from './users.service.ts';

const tags = ['Quản trị người dùng'];

export const userRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get('/users', {
    config: { permission: 'users.read' },
    schema: {
      tags,
      summary: 'Danh sách tài khoản',
      querystring: ListUsersQuery,
      response: { 200: UserPage },
    },
    handler: (request) => listUsers(db, requireActor(request), request.query),
  });

  app.post('/users', {
    config: { permission: 'users.manage' },
    schema: {
      tags,
      summary: 'Tạo tài khoản với mật khẩu khởi tạo dùng một lần',
      body: CreateUserBody,
      response: { 201: UserWithInitialPassword },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createUser(db, requireActor(request), request.body)),
  });

  app.get('/users/:id', {
    config: { permission: 'users.read' },
    schema: { tags, summary: 'Chi tiết tài khoản', params: IdParams, response: { 200: User } },
    handler: (request) => getUser(db, requireActor(request), request.params.id),
  });

  app.patch('/users/:id', {
    config: { permission: 'users.manage' },
    schema: {
      tags,
      summary: 'Cập nhật tài khoản',
      params: IdParams,
      body: UpdateUserBody,
      response: { 200: User },
    },
    handler: (request) => updateUser(db, requireActor(request), request.params.id, request.body),
  });

  app.post('/users/:id/deactivate', {
    config: { permission: 'users.manage' },
    schema: { tags, summary: 'Vô hiệu hóa tài khoản', params: IdParams, response: { 200: User } },
    handler: (request) => setUserActive(db, requireActor(request), request.params.id, false),
  });

  app.post('/users/:id/activate', {
    config: { permission: 'users.manage' },
    schema: { tags, summary: 'Kích hoạt lại tài khoản', params: IdParams, response: { 200: User } },
    handler: (request) => setUserActive(db, requireActor(request), request.params.id, true),
  });

  app.post('/users/:id/reset-password', {
    config: { permission: 'users.manage' },
    schema: {
      tags,
      summary: 'Cấp lại mật khẩu khởi tạo dùng một lần',
      params: IdParams,
      response: { 200: UserWithInitialPassword },
    },
    handler: (request) => resetUserPassword(db, requireActor(request), request.params.id),
  });
};
