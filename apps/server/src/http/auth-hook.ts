import { createHash, timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER, SESSION_COOKIE } from '@steerco/contract/auth';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { findSessionWithUser, touchSession } from '../modules/auth/sessions.repo.ts';
import { toUserDto } from '../modules/users/users.repo.ts';
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

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Refresh last_seen_at at most this often, so reads do not turn into a write per request.
const TOUCH_INTERVAL_MS = 5 * 60_000;

/** The signed-in actor of a request on a route that requires one. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('auth.required');
  return request.actor;
}

/**
 * Authentication and coarse authorisation for every API route, before the body is parsed:
 * session cookie → actor, CSRF token on writes, initial-password gate, then the route's declared permission.
 */
export function registerAuthHook(app: FastifyInstance, db: Db, config: Config) {
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
    if (token) request.actor = await loadActor(db, config, token);
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

async function loadActor(db: Db, config: Config, token: string): Promise<Actor | null> {
  const sessionId = hashToken(token);
  const row = await findSessionWithUser(db, sessionId);
  if (!row?.active) return null;
  const now = Date.now();
  const idleLimit = row.lastSeenAt.getTime() + config.SESSION_IDLE_MINUTES * 60_000;
  if (row.expiresAt.getTime() <= now || idleLimit <= now) return null;
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await touchSession(db, sessionId);
  return {
    userId: row.id,
    username: row.username,
    fullName: row.fullName,
    systemRole: row.systemRole,
    unitId: row.unitId,
    unitPath: row.unitPath,
    mustChangePassword: row.mustChangePassword,
    sessionId,
    csrfToken: row.csrfToken,
    sessionExpiresAt: row.expiresAt,
    profile: toUserDto(row),
  };
}
