import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from '../src/http/serializer.ts';

// Issue #18: production writes DTOs without validating them; tests check every response matches its schema
// exactly, so nothing production sends has escaped the check.
async function appWith(checked: boolean, body: unknown) {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler(checked));
  app.get('/x', {
    schema: { response: { 200: z.object({ id: z.string(), tags: z.array(z.string()).optional() }) } },
    handler: async () => body as never,
  });
  await app.ready();
  return app;
}

describe('response serialisation', () => {
  it('in tests, fails a response carrying a field its schema does not declare (a leak production would send)', async () => {
    const app = await appWith(true, { id: 'a', passwordHash: 'secret' });
    const res = await app.inject({ method: 'GET', url: '/x' });
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('differs from its schema');
  });

  it('in tests, fails a response that does not fit its schema', async () => {
    const app = await appWith(true, { id: 42 });
    expect((await app.inject({ method: 'GET', url: '/x' })).statusCode).toBe(500);
  });

  it('sends a matching response unchanged, checked or not', async () => {
    for (const checked of [true, false]) {
      const app = await appWith(checked, { id: 'a', tags: ['x'] });
      const res = await app.inject({ method: 'GET', url: '/x' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ id: 'a', tags: ['x'] });
    }
  });
});
