import { randomBytes } from 'node:crypto';
import { CSRF_HEADER } from '@steerco/contract/auth';
import type { SystemRole } from '@steerco/contract/users';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { uuidv7 } from '../src/db/ids.ts';
import { administrativeUnits } from '../src/modules/units/units.schema.ts';
import { hashPassword } from '../src/modules/users/passwords.service.ts';
import { users } from '../src/modules/users/users.schema.ts';

export const TEST_PASSWORD = 'Mat-khau-thu-nghiem-1';
let testPasswordHash: Promise<string> | undefined;

let counter = 0;

/** A user who can sign in with TEST_PASSWORD right away (no initial-password gate unless asked). */
export async function createUser(
  db: Db,
  overrides: Partial<{
    username: string;
    fullName: string;
    systemRole: SystemRole | null;
    unitId: string | null;
    mustChangePassword: boolean;
    active: boolean;
  }> = {},
) {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  counter += 1;
  const id = uuidv7();
  const username = overrides.username ?? `user${counter}.${id.slice(-6)}`;
  await db.insert(users).values({
    id,
    username,
    fullName: overrides.fullName ?? `Người dùng thử ${counter}`,
    systemRole: overrides.systemRole ?? null,
    unitId: overrides.unitId ?? null,
    passwordHash: await testPasswordHash,
    mustChangePassword: overrides.mustChangePassword ?? false,
    active: overrides.active ?? true,
  });
  return { id, username };
}

export async function unitByName(db: Db, name: string) {
  const [row] = await db.select().from(administrativeUnits).where(eq(administrativeUnits.name, name));
  if (!row) throw new Error(`no unit ${name}`);
  return row;
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a write request: the session cookie and the CSRF token. */
  headers: { cookie: string; [CSRF_HEADER]: string };
}

export async function login(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  const raw = res.cookies.find((c) => c.name === 'steerco_session');
  if (!raw) throw new Error('no session cookie');
  const cookie = `steerco_session=${raw.value}`;
  const csrf = res.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, [CSRF_HEADER]: csrf } };
}

/** A new user with the given role, signed in. */
export async function signedInUser(
  app: FastifyInstance,
  db: Db,
  overrides: Parameters<typeof createUser>[1] = {},
) {
  const user = await createUser(db, overrides);
  return { ...user, session: await login(app, user.username) };
}

/** A multipart/form-data body with one file field, for app.inject. */
export function multipartFile(
  field: string,
  filename: string,
  content: Buffer,
  contentType = 'application/octet-stream',
) {
  // A fixed-length boundary: the same file sent twice has the same length (the idempotency fingerprint of an upload).
  const boundary = `----steerco${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
