import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
// algorithm 2 = Argon2id (a const enum in the package's typings, which isolated modules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against for unknown usernames, so a miss costs as much time as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function burnVerifyTime(password: string) {
  dummyHash ??= hashPassword('steerco-timing-equaliser-0');
  await verifyPassword(await dummyHash, password);
}

// No 0/O, 1/l/I: the initial password is read out over the phone or copied from paper.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const DIGITS = '23456789';

/** A one-time initial password (12 characters, letters and digits) the user must change at first login. */
export function generateInitialPassword(length = 12): string {
  const chars = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  chars[randomInt(length)] = DIGITS[randomInt(DIGITS.length)]!;
  if (!chars.some((c) => /[A-Za-z]/.test(c))) chars[0] = 'k';
  return chars.join('');
}
