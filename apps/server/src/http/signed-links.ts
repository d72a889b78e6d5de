import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import * as clock from '../clock.ts';
import type { DbOrTx } from '../db/client.ts';
import { systemSecrets } from '../db/secrets.schema.ts';

const SECRET_NAME = 'link-signing-key';
const keys = new WeakMap<object, Promise<Buffer>>();

/**
 * The key that signs personal links in e-mails. Every instance must use the same one, so it lives in the
 * database: the first instance creates it, the others read it.
 */
export function linkSigningKey(db: DbOrTx): Promise<Buffer> {
  let key = keys.get(db);
  if (!key) {
    key = (async () => {
      await db
        .insert(systemSecrets)
        .values({ name: SECRET_NAME, value: randomBytes(32).toString('base64') })
        .onConflictDoNothing();
      const [row] = await db
        .select({ value: systemSecrets.value })
        .from(systemSecrets)
        .where(eq(systemSecrets.name, SECRET_NAME));
      return Buffer.from(row!.value, 'base64');
    })();
    keys.set(db, key);
  }
  return key;
}

const sign = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

/** A link token for `purpose` and `subject` (e.g. an attendee id), valid until `expiresAt`. */
export async function createLinkToken(db: DbOrTx, purpose: string, subject: string, expiresAt: Date) {
  const payload = `${purpose}.${subject}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${Buffer.from(payload).toString('base64url')}.${sign(await linkSigningKey(db), payload)}`;
}

/** The subject of a valid, unexpired token for `purpose`, or null. */
export async function verifyLinkToken(db: DbOrTx, purpose: string, token: string): Promise<string | null> {
  const [encoded, signature] = token.split('.');
  if (!encoded || !signature) return null;
  const payload = Buffer.from(encoded, 'base64url').toString();
  const expected = Buffer.from(sign(await linkSigningKey(db), payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [p, subject, exp] = payload.split('.');
  if (p !== purpose || !subject || !exp || Number(exp) * 1000 < clock.now().getTime()) return null;
  return subject;
}
