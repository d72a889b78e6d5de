import { timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER, SESSION_COOKIE } from '@steerco/contract/auth';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { type Actor, can, type RoutePermission } from './permissions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every /api/v1 route: who may call it. */
    permission?: RoutePermission;
    /** Reachable while the user must still change the initial password (me, change password, logout). */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every API route and the permission it declared ("GET /api/v1/users" → "users.read"). */
    routePermissions: Map<string, RoutePermission>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Who a session cookie belongs to, or null when the session is unknown, ended or expired (the auth module). */
export type ActorLookup = (sessionToken: string) => Promise<Actor | null>;

/** The signed-in actor of a request on a route that requires one. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('auth.required');
  return request.actor;
}

/**
 * Authentication and coarse authorisation for every API route, before the body is parsed:
 * session cookie → actor, CSRF token on writes, initial-password gate, then the route's declared permission.
 */
export function registerAuthHook(app: FastifyInstance, loadActor: ActorLookup) {
  app.decorateRequest('actor', null);
  app.decorate('routePermissions', new Map<string, RoutePermission>());

  // A route under /api/v1 without a permission declaration is a programming error: refuse to start.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`Route ${route.method} ${route.url} does not declare config.permission`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') app.routePermissions.set(`${method} ${route.url}`, permission);
  });

  app.addHook('onRequest', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.actor = await loadActor(token);
    if (permission === 'public') return;
    const actor = request.actor;
    if (!actor) throw new AppError('auth.required');

    if (!SAFE_METHODS.has(request.method) && !csrfMatches(request.headers[CSRF_HEADER], actor.csrfToken)) {
      throw new AppError('auth.csrf', {
        detail: `Gửi lại yêu cầu kèm tiêu đề ${CSRF_HEADER} lấy từ /api/v1/me.`,
      });
    }
    if (actor.mustChangePassword && !request.routeOptions.config.allowPendingPasswordChange) {
      throw new AppError('auth.passwordChangeRequired');
    }
    if (permission !== 'authenticated' && !can(actor, permission)) throw new AppError('permission.denied');
  });
}

function csrfMatches(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== 'string' || header.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(header), Buffer.from(expected));
}
