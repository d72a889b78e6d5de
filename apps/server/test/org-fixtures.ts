import type { CommitteeRole } from '@steerco/contract/memberships';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { createUser, login, type Session, signedInUser, unitByName } from './factories.ts';

export interface Seat {
  userId: string;
  membershipId: string;
  session: Session;
}

/** Calls the API as `session` and asserts the status; returns the parsed body. */
export async function call(
  app: FastifyInstance,
  session: Session,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  status?: number,
) {
  const res = await app.inject({ method, url, headers: session.headers, payload: payload as object });
  if (status !== undefined) expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res;
}

/**
 * A committee on a fresh district-level unit (under Hà Nội), created through the API by a system
 * administrator, with one signed-in person per role.
 */
export async function committeeWithRoles(app: FastifyInstance, db: Db, label: string) {
  const admin = await signedInUser(app, db, { systemRole: 'systemAdmin' });
  const haNoi = await unitByName(db, 'Thành phố Hà Nội');
  const unit = (
    await call(
      app,
      admin.session,
      'POST',
      '/api/v1/units',
      { level: 'district', name: `Quận thử ${label}`, parentId: haNoi.id, isSample: true },
      201,
    )
  ).json();
  const committee = (
    await call(
      app,
      admin.session,
      'POST',
      '/api/v1/committees',
      { name: `Ban Chỉ đạo thử ${label}`, unitId: unit.id },
      201,
    )
  ).json();
  const seats = {} as Record<CommitteeRole, Seat>;
  for (const role of [
    'head',
    'deputyHead',
    'secretary',
    'member',
    'residentialGroupHead',
    'guest',
  ] as CommitteeRole[]) {
    const user = await createUser(db, { unitId: unit.id, fullName: `${role} ${label}` });
    const m = (
      await call(
        app,
        admin.session,
        'POST',
        `/api/v1/committees/${committee.id}/members`,
        { userId: user.id, role, startDate: '2024-01-01' },
        201,
      )
    ).json();
    seats[role] = { userId: user.id, membershipId: m.id, session: await login(app, user.username) };
  }
  const outsider = await signedInUser(app, db, { unitId: haNoi.id });
  return { admin, unit, committee, seats, outsider, url: `/api/v1/committees/${committee.id}` };
}
