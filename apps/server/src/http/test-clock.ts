import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { now, setClock } from '../clock.ts';

const ClockBody = z.object({
  /** The instant to move to; null returns to the real time. */
  at: z.iso.datetime({ offset: true }).nullable(),
  /** Stop the clock at that instant instead of letting it run on from there. */
  frozen: z.boolean().optional(),
});

/**
 * Tests only: lets the browser journeys move the server's clock (a meeting day, a deadline passing). Mounted by
 * the app only when the configuration allows it, which it refuses outside NODE_ENV=test.
 */
export function registerTestClock(app: FastifyInstance) {
  const hidden = { hide: true } as const;
  app.get('/api/test/clock', { schema: hidden }, async () => ({ now: now().toISOString() }));
  app.put('/api/test/clock', { schema: { ...hidden, body: ClockBody } }, async (request) => {
    const body = request.body as z.infer<typeof ClockBody>;
    setClock(body.at, { frozen: body.frozen });
    return { now: now().toISOString() };
  });
}
