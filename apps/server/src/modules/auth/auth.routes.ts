import {
  ChangePasswordBody,
  LoginBody,
  SESSION_COOKIE,
  SessionInfo,
  SessionState,
} from '@steerco/contract/auth';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import type { ModuleOptions } from '../../http/module.ts';
import { changePassword, getSessionInfo, login, logout } from './auth.service.ts';

export const authRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, config, jobs }) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
  };

  app.post('/auth/login', {
    config: {
      permission: 'public',
      rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['Xác thực'],
      summary: 'Đăng nhập bằng tên đăng nhập (hoặc email) và mật khẩu',
      body: LoginBody,
      response: { 200: SessionInfo },
    },
    handler: async (request, reply) => {
      const { token, session } = await login(
        db,
        config,
        request.body,
        {
          ip: request.ip,
          userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
        },
        jobs,
      );
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: new Date(session.expiresAt) });
      return session;
    },
  });

  app.post('/auth/logout', {
    config: { permission: 'authenticated', allowPendingPasswordChange: true },
    schema: { tags: ['Xác thực'], summary: 'Đăng xuất', response: { 204: z.null() } },
    handler: async (request, reply) => {
      await logout(db, requireActor(request));
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send(null);
    },
  });

  app.get('/auth/session', {
    config: { permission: 'public' },
    schema: {
      tags: ['Xác thực'],
      summary: 'Phiên đăng nhập của trình duyệt này, hoặc null khi chưa đăng nhập (không trả 401)',
      response: { 200: SessionState },
    },
    handler: async (request) => ({ session: request.actor ? getSessionInfo(request.actor) : null }),
  });

  app.get('/me', {
    config: { permission: 'authenticated', allowPendingPasswordChange: true },
    schema: {
      tags: ['Xác thực'],
      summary: 'Người dùng đang đăng nhập và mã CSRF của phiên',
      response: { 200: SessionInfo },
    },
    handler: async (request) => getSessionInfo(requireActor(request)),
  });

  app.post('/me/password', {
    config: { permission: 'authenticated', allowPendingPasswordChange: true },
    schema: {
      tags: ['Xác thực'],
      summary: 'Đổi mật khẩu của chính mình (bắt buộc ở lần đăng nhập đầu tiên)',
      body: ChangePasswordBody,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await changePassword(db, requireActor(request), request.body);
      return reply.status(204).send(null);
    },
  });
};
