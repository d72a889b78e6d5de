import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

// NUL, which PostgreSQL refuses in text, and a UTF-16 surrogate without its pair, which it refuses in jsonb
// (and which no valid UTF-8 can carry): a high surrogate not followed by a low one, or a low one alone.
// (No `u` flag: with it a regular expression sees code points and cannot match half a pair.)
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `s` holds a NUL character or an unpaired surrogate. */
export const hasBadText = (s: string) => s.includes('\0') || LONE_SURROGATE.test(s);

/** The path (e.g. `body.items.2.title`) of the first string, or object key, in `value` that has bad text. */
export function findBadText(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return hasBadText(value) ? path : undefined;
  if (!value || typeof value !== 'object' || depth > 64) return undefined;
  if (Buffer.isBuffer(value)) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, v] of Object.entries(value)) {
    if (hasBadText(key)) return path;
    const found = findBadText(v, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function invalidText(path: string) {
  return new AppError('request.invalidText', {
    detail: `Trường ${path} có ký tự NUL hoặc ký tự Unicode không hoàn chỉnh (nửa cặp surrogate).`,
    errors: [{ path, message: 'Có ký tự không hợp lệ (NUL hoặc nửa cặp surrogate)', code: 'invalid_text' }],
  });
}

/** Throws the 400 problem of the input rule when `value` (a file name, a header used as data…) has bad text. */
export function assertCleanText(value: unknown, path: string) {
  const found = findBadText(value, path);
  if (found) throw invalidText(found);
}

/**
 * One input rule for the whole API (issue #17): no string of a request — body, query string, path parameters —
 * may hold NUL or an unpaired surrogate. It answers 400 naming the field, before validation, instead of the 500
 * PostgreSQL's refusal used to give. File names are checked where uploads are read (files' storeFile), and
 * headers used as data (Idempotency-Key) where they are read.
 */
export function registerInputTextRule(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    assertCleanText(request.params, 'params');
    assertCleanText(request.query, 'query');
    assertCleanText(request.body, 'body');
  });
}
