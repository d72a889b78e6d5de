import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../src/clock.ts';
import { createTestContext, type TestContext } from './context.ts';
import { multipartFile, type Session, signedInUser } from './factories.ts';

// Issue #17 acceptance: every operation of the OpenAPI document, fed schema-derived bad input (missing and
// extra fields, wrong types, NUL and unpaired surrogates, huge strings, bad UUIDs and dates, wrong content
// types), answers 4xx — never a 5xx. The requests come from a system administrator, so they pass the
// permission checks and reach validation and the services.

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  minimum?: number;
  minItems?: number;
  default?: unknown;
};
interface Parameter {
  in: 'query' | 'path' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** One concrete branch of a schema: the first non-null alternative. */
function branch(s: Schema): Schema {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return branch(alternatives.find((a) => a.type !== 'null') ?? alternatives[0]!);
  if (s.allOf) return Object.assign({}, ...s.allOf.map(branch)) as Schema;
  return s;
}
const typeOf = (s: Schema) => {
  const t = branch(s).type;
  return Array.isArray(t) ? (t.find((x) => x !== 'null') ?? t[0]) : t;
};

/** A value the schema accepts, or nearly (patterns are not honoured): the base each mutation starts from. */
function sample(schema: Schema, depth = 0): unknown {
  const s = branch(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined && depth > 0) return s.default;
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) if (depth < 4) out[k] = sample(v, depth + 1);
      return out;
    }
    case 'array':
      return s.items && depth < 4
        ? Array.from({ length: s.minItems ?? 1 }, () => sample(s.items!, depth + 1))
        : [];
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date') return today();
      if (s.format === 'date-time') return new Date().toISOString();
      if (s.format === 'email') return 'fuzz@example.vn';
      if (s.format === 'time') return '08:00';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    default:
      return null;
  }
}

const HUGE = 'x'.repeat(100_000);

/** Bad values for one field of the given schema (every field gets the type-independent ones). */
function badValues(schema: Schema): unknown[] {
  const s = branch(schema);
  const values: unknown[] = [null, 'a\u0000b', 'x\uDC00y', HUGE, 12345, [], { k: '\uD800' }];
  if (s.format === 'uuid') values.push('not-a-uuid', '00000000-0000-0000-0000-00000000000g');
  if (s.format === 'date' || s.format === 'date-time')
    values.push('2026-02-30', '0000-01-01', '99999-12-31', '2026-13-01T25:61:00Z');
  const t = typeOf(s);
  if (t === 'number' || t === 'integer') values.push(-1, 1e308, -1e308, 1.5, 2 ** 53 + 1);
  if (t === 'array')
    values.push(
      Array.from({ length: 2000 }, () => 'x'),
      [null],
    );
  return values;
}

// Query and path values, as raw URL text: NUL, a lone surrogate's UTF-8-ish bytes, invalid escapes, huge.
const BAD_URL_VALUES = ['a%00b', '%ED%A0%80', '%FF', '%', 'x'.repeat(5_000), 'not-a-uuid', '2026-02-30'];
// One level down (items of a list, members of an object), fewer: the top level already tried the rest.
const NESTED_BAD_VALUES: unknown[] = [null, 'a\u0000b', '\uD800', 12345];

interface Failure {
  method: string;
  url: string;
  case: string;
  status: number;
  body: string;
}

describe('fuzzing every API operation with bad input', () => {
  let ctx: TestContext;
  let session: Session;
  let realIds: Record<string, string | undefined>;
  beforeAll(async () => {
    ctx = await createTestContext({ seed: true });
    session = (await signedInUser(ctx.app, ctx.db, { systemRole: 'systemAdmin' })).session;
    const first = async (table: string) => {
      const { rows } = await ctx.db.execute<{ id: string }>(
        sql.raw(`select id::text as id from ${table} limit 1`),
      );
      return rows[0]?.id;
    };
    realIds = {
      committees: await first('committees'),
      meetings: await first('meetings'),
      tasks: await first('tasks'),
      documents: await first('documents'),
      units: await first('administrative_units'),
      plans: await first('work_plans'),
      files: await first('files'),
      users: await first(`users where username = 'tuan.dm'`),
    };
  }, 180_000);
  afterAll(() => ctx.close());

  it('answers every request below 500', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const failures: Failure[] = [];
    let requests = 0;
    let operations = 0;

    const send = async (
      label: string,
      opts: {
        url: string;
        method: string;
        payload?: InjectOptions['payload'];
        headers?: Record<string, string>;
      },
    ) => {
      requests += 1;
      const res = await ctx.app.inject({
        method: opts.method as 'GET',
        url: opts.url,
        payload: opts.payload,
        headers: { ...session.headers, ...opts.headers },
      });
      if (res.statusCode >= 500)
        failures.push({
          method: opts.method,
          url: opts.url.slice(0, 200),
          case: label,
          status: res.statusCode,
          body: res.body.slice(0, 300),
        });
    };

    for (const [template, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        // Logging out would end the session the rest of the run uses; its input is a bare POST.
        if (template === '/api/v1/auth/logout') continue;
        operations += 1;
        const M = method.toUpperCase();
        const params = op.parameters ?? [];
        const pathParams = params.filter((p) => p.in === 'path');
        const queryParams = params.filter((p) => p.in === 'query');
        const resource = template.split('/')[3] ?? '';
        const goodPath = (overrides: Record<string, string> = {}) =>
          template.replace(
            /\{(\w+)\}/g,
            (_m, name: string) =>
              overrides[name] ?? (name === 'id' ? (realIds[resource] ?? randomUUID()) : randomUUID()),
          );
        const goodQuery = () => {
          const q = new URLSearchParams();
          for (const p of queryParams) if (p.required) q.set(p.name, String(sample(p.schema ?? {})));
          return q;
        };
        const url = (path: string, q: URLSearchParams | string) => {
          const qs = typeof q === 'string' ? q : q.toString();
          return qs ? `${path}?${qs}` : path;
        };
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const goodBody = bodySchema ? sample(bodySchema) : undefined;

        // Path parameters.
        for (const p of pathParams)
          for (const bad of BAD_URL_VALUES)
            await send(`path ${p.name}=${bad.slice(0, 20)}`, {
              method: M,
              url: url(goodPath({ [p.name]: bad }), goodQuery()),
              ...(goodBody !== undefined ? { payload: goodBody as object } : {}),
            });

        // Query parameters, one at a time; and an unknown one.
        for (const p of [...queryParams, { name: 'unknownParam', in: 'query' } as Parameter]) {
          for (const bad of BAD_URL_VALUES) {
            const q = goodQuery().toString();
            await send(`query ${p.name}=${bad.slice(0, 20)}`, {
              method: M,
              url: url(goodPath(), `${q ? `${q}&` : ''}${p.name}=${bad}`),
              ...(goodBody !== undefined ? { payload: goodBody as object } : {}),
            });
          }
        }

        if (M === 'GET' || M === 'DELETE') continue;
        const target = url(goodPath(), goodQuery());

        // Whole bodies: none, empty, extra field, wrong shapes, wrong content types, broken JSON.
        const wholeBodies: [
          string,
          { payload?: InjectOptions['payload']; headers?: Record<string, string> },
        ][] = [
          ['no body', {}],
          ['empty object', { payload: {} }],
          ['extra field', { payload: { ...(goodBody as object), unexpectedField: 'x' } }],
          ['array body', { payload: [goodBody] as unknown as object }],
          ['null body', { payload: 'null', headers: { 'content-type': 'application/json' } }],
          ['string body', { payload: '"\\u0000"', headers: { 'content-type': 'application/json' } }],
          ['broken JSON', { payload: '{"a":', headers: { 'content-type': 'application/json' } }],
          ['text/plain', { payload: 'hello', headers: { 'content-type': 'text/plain' } }],
          ['form', { payload: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
          ['xml', { payload: '<a/>', headers: { 'content-type': 'application/xml' } }],
          ['bad key', { payload: { ...(goodBody as object), 'k\u0000': 1 } }],
          [
            'multipart, NUL file name',
            (() => {
              const m = multipartFile(
                'file',
                'a\u0000b\uD800.pdf',
                Buffer.from('%PDF-1.4\n%%EOF\n'),
                'application/pdf',
              );
              return { payload: m.payload, headers: { 'content-type': m.contentType } };
            })(),
          ],
        ];
        for (const [label, opts] of wholeBodies) await send(label, { method: M, url: target, ...opts });

        // Field by field: each property (one level down too) gets each bad value, the rest stays good.
        if (!bodySchema || typeof goodBody !== 'object' || goodBody === null) continue;
        const props = branch(bodySchema).properties ?? {};
        for (const [name, propSchema] of Object.entries(props)) {
          const { [name]: _dropped, ...without } = goodBody as Record<string, unknown>;
          await send(`missing ${name}`, { method: M, url: target, payload: without });
          for (const bad of badValues(propSchema))
            await send(`${name}=${JSON.stringify(bad).slice(0, 30)}`, {
              method: M,
              url: target,
              payload: { ...(goodBody as object), [name]: bad },
            });
          const inner = branch(propSchema);
          const nested = typeOf(inner) === 'array' ? branch(inner.items ?? {}) : inner;
          if (typeOf(nested) !== 'object') continue;
          for (const [child, childSchema] of Object.entries(nested.properties ?? {})) {
            const good = sample(nested, 1) as Record<string, unknown>;
            for (const bad of [...NESTED_BAD_VALUES, ...badValues(childSchema).slice(7)]) {
              const value = { ...good, [child]: bad };
              await send(`${name}.${child}=${JSON.stringify(bad).slice(0, 30)}`, {
                method: M,
                url: target,
                payload: { ...(goodBody as object), [name]: typeOf(inner) === 'array' ? [value] : value },
              });
            }
          }
        }
      }
    }

    // The session survived the run (no operation logged it out or broke it).
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: session.headers });
    expect(me.statusCode).toBe(200);
    console.info(`fuzz: ${operations} operations, ${requests} requests, ${failures.length} answered 5xx`);
    expect(operations).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 900_000);
});
