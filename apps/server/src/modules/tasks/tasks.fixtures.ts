// Test helpers for the follow-up module (imported by tasks*.test.ts only).
import { WorkingCalendar } from '@steerco/calendar';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { createUser, login, type Session } from '../../../test/factories.ts';
import { call, committeeWithRoles, type Seat } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';
import type { Db } from '../../db/client.ts';

export type Org = Awaited<ReturnType<typeof committeeWithRoles>>;

/** The default national calendar (tests add no overrides): what the server counts working days with. */
export const calendar = new WorkingCalendar();
export const today = () => clock.today();
export const plusDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * A committee with one seat per role plus a member from a separate unit ("Công an thử"), so that a task led by
 * that unit has exactly one member answering for it.
 */
export async function taskOrg(app: FastifyInstance, db: Db, label: string) {
  const org = await committeeWithRoles(app, db, label);
  const police = (
    await call(
      app,
      org.admin.session,
      'POST',
      '/api/v1/units',
      { level: 'agency', name: `Công an thử ${label}`, parentId: org.unit.id, isSample: true },
      201,
    )
  ).json() as { id: string; name: string };
  const officer = await addSeat(app, db, org, 'member', `Trưởng Công an ${label}`, police.id);
  return { ...org, police, officer };
}
export type TaskOrg = Awaited<ReturnType<typeof taskOrg>>;

export async function addSeat(
  app: FastifyInstance,
  db: Db,
  org: Org,
  role: string,
  fullName: string,
  unitId?: string,
): Promise<Seat> {
  const user = await createUser(db, { unitId: unitId ?? org.unit.id, fullName });
  const m = (
    await call(
      app,
      org.admin.session,
      'POST',
      `${org.url}/members`,
      { userId: user.id, role, startDate: '2024-01-01', ...(unitId ? { unitId } : {}) },
      201,
    )
  ).json();
  return { userId: user.id, membershipId: m.id, session: await login(app, user.username) };
}

export interface TaskDto {
  id: string;
  status: string;
  derivedStatus: string;
  deadline: string;
  originalDeadline: string;
  sourceDate: string;
  allowedActions: string[];
  events: {
    kind: string;
    fromStatus: string | null;
    toStatus: string | null;
    reason: string | null;
    oldDeadline: string | null;
    newDeadline: string | null;
    actorName: string | null;
  }[];
  progressReports: { percent: number; unitName: string | null; files: { id: string; name: string }[] }[];
  [key: string]: unknown;
}

/** Creates an ad-hoc task led by `lead` (a seat) unless the body says otherwise; the secretary assigns it. */
export async function newTask(
  app: FastifyInstance,
  org: Org,
  body: Record<string, unknown> = {},
  session: Session = org.seats.secretary.session,
): Promise<TaskDto> {
  const res = await call(app, session, 'POST', `${org.url}/tasks`, {
    title: 'Rà soát thủ tục hành chính',
    ...(body.deadlineWorkingDays ? {} : { deadline: plusDays(today(), 30) }),
    ...(body.leadUnitId ? {} : { leadMembershipId: org.seats.member.membershipId }),
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function act(
  app: FastifyInstance,
  session: Session,
  taskId: string,
  path: string,
  payload?: unknown,
  status = 200,
): Promise<TaskDto> {
  return (await call(app, session, 'POST', `/api/v1/tasks/${taskId}/${path}`, payload, status)).json();
}
