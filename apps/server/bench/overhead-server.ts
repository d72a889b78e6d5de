// Child process of `npm run bench overhead` (issue 18): the real app as production runs it (request logging on
// at the default level, written to /dev/null instead of a terminal), which records the SQL statements a request
// sends when the parent asks, so the parent can replay them alone on one connection.
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { connectDatabase } from '../src/db/client.ts';

export interface CapturedStatement {
  text: string;
  values: unknown[];
  name?: string;
  rowMode?: string;
}

let captured: CapturedStatement[] | null = null;
type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const query = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args: unknown[]) {
  const [config, values] = args;
  if (captured) {
    const c = (typeof config === 'string' ? { text: config } : config) as Partial<CapturedStatement>;
    captured.push({
      text: c.text!,
      values: (Array.isArray(values) ? values : c.values) ?? [],
      ...(c.name ? { name: c.name } : {}),
      ...(c.rowMode ? { rowMode: c.rowMode } : {}),
    });
  }
  return query.apply(this, args);
};

const url = process.env.BENCH_DB_URL!;
const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'info', NODE_ENV: 'production' });
const logger = pino({ level: config.LOG_LEVEL }, pino.destination({ dest: '/dev/null', sync: true }));
const database = connectDatabase(url, config.DATABASE_POOL_SIZE, logger);
const app = await buildApp({ db: database.db, config, logger });
await app.listen({ host: '127.0.0.1', port: 0 });

process.on('message', async (m: { capture?: boolean; stop?: boolean; rss?: boolean }) => {
  if (m.stop) {
    await app.close();
    await database.close();
    process.exit(0);
  }
  if (m.rss) {
    const before = process.memoryUsage();
    (globalThis as { gc?: () => void }).gc?.();
    const after = process.memoryUsage();
    return process.send?.({
      rss: before.rss,
      heapUsed: before.heapUsed,
      heapAfterGc: after.heapUsed,
      rssAfterGc: after.rss,
    });
  }
  if (m.capture) {
    captured = [];
    return process.send?.({ ok: true });
  }
  const statements = captured ?? [];
  captured = null;
  process.send?.({ statements });
});
process.send?.({ port: (app.server.address() as { port: number }).port });
