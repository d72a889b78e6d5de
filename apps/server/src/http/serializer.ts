import { isDeepStrictEqual } from 'node:util';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

/**
 * How responses become JSON (issue #18). Validating every response against its Zod schema cost a tenth of a
 * request's time, so production writes the DTO as it is: the repositories build each DTO field by field
 * (`toXDto`), never from a raw row. Tests (NODE_ENV=test) keep the check, stricter than before: a response
 * must match its schema exactly — a field the schema does not declare, a default or a transform Zod would
 * apply fails the request with a 500, so whatever production sends has been checked by every API test.
 */
export function responseSerializerCompiler(checked: boolean): FastifySerializerCompiler<unknown> {
  if (!checked) return () => (data) => JSON.stringify(data);
  return (route) => {
    const zod = zodSerializerCompiler(route as never) as (data: unknown) => string;
    return (data) => {
      const validated = zod(data); // throws (500) when the data does not fit the schema
      const sent = JSON.stringify(data);
      if (!isDeepStrictEqual(JSON.parse(validated), JSON.parse(sent)))
        throw new Error(
          `${route.method} ${route.url}: the response differs from its schema (a field outside it, a default or a transform): ${sent.slice(0, 500)}`,
        );
      return sent;
    };
  };
}
