import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, type TestContext } from '../../../test/context.ts';
import { committeeWithRoles } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';
import { createFileStore, type FileStore } from './file-store.service.ts';
import { storeFile } from './files.service.ts';
import { ORPHAN_AFTER_MS, sweepOrphanFiles } from './orphans.service.ts';

/*
 * Issue #17, defect 3: an upload whose database row does not commit must not leave its bytes in the file store.
 * The store notes each key before writing it; the transaction recording the file removes the note; the sweeper
 * removes the bytes of notes older than an hour.
 */
const dataDir = `/tmp/steerco-orphans-test-${process.pid}`;
let ctx: TestContext;
let store: FileStore;
let committeeId = '';
let userId = '';
beforeAll(async () => {
  ctx = await createTestContext({ seed: true, env: { DATA_DIR: dataDir } });
  store = createFileStore(ctx.config, ctx.db);
  committeeId = (await committeeWithRoles(ctx.app, ctx.db, 'mo-coi')).committee.id;
  const users = await ctx.db.execute<{ id: string }>(sql`select id from users limit 1`);
  userId = users.rows[0]!.id;
});
afterEach(() => clock.setClock(TEST_NOW));
afterAll(async () => {
  await ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const bytesOf = (key: string) => path.join(dataDir, 'files', key);
const pending = async () =>
  (await ctx.db.execute<{ key: string }>(sql`select storage_key as key from file_puts_pending`)).rows.map(
    (r) => r.key,
  );
const stored = async (key: string) =>
  Number(
    (await ctx.db.execute<{ n: string }>(sql`select count(*) as n from files where storage_key = ${key}`))
      .rows[0]!.n,
  );
const later = () => clock.setClock(new Date(clock.now().getTime() + ORPHAN_AFTER_MS + 60_000));

describe('bytes and rows succeed or fail together', () => {
  it('removes the bytes at once when the file row cannot be written', async () => {
    const before = await pending();
    const unknownCommittee = '00000000-0000-7000-8000-000000000000';
    await expect(
      ctx.db.transaction((tx) =>
        storeFile(tx, store, userId, unknownCommittee, { filename: 'bao-cao.pdf', data: PDF }),
      ),
    ).rejects.toThrow();
    const noted = (await pending()).filter((k) => !before.includes(k));
    expect(noted).toHaveLength(1);
    expect(existsSync(bytesOf(noted[0]!))).toBe(false);
    later();
    await sweepOrphanFiles(ctx.db, store);
    expect(await pending()).not.toContain(noted[0]);
  });

  it('leaves a committed upload alone and clears its note in the same transaction', async () => {
    const row = await ctx.db.transaction((tx) =>
      storeFile(tx, store, userId, committeeId, { filename: 'giu-lai.pdf', data: PDF }),
    );
    expect(await pending()).not.toContain(row.storageKey);
    later();
    expect(await sweepOrphanFiles(ctx.db, store)).toBe(0);
    expect(existsSync(bytesOf(row.storageKey))).toBe(true);
    expect(await stored(row.storageKey)).toBe(1);
  });

  it('sweeps the bytes of a transaction rolled back after the upload, once, an hour later, with two sweepers', async () => {
    const keys: string[] = [];
    for (const name of ['mot.pdf', 'hai.pdf', 'ba.pdf']) {
      await expect(
        ctx.db.transaction(async (tx) => {
          const row = await storeFile(tx, store, userId, committeeId, { filename: name, data: PDF });
          keys.push(row.storageKey);
          throw new Error('a later step of the same request fails');
        }),
      ).rejects.toThrow('a later step');
    }
    for (const key of keys) {
      expect(existsSync(bytesOf(key))).toBe(true);
      expect(await stored(key)).toBe(0);
    }
    expect(await pending()).toEqual(expect.arrayContaining(keys));
    // Within the hour the transaction might still be running: nothing is removed.
    expect(await sweepOrphanFiles(ctx.db, store)).toBe(0);
    expect(existsSync(bytesOf(keys[0]!))).toBe(true);

    later();
    const removed = await Promise.all([sweepOrphanFiles(ctx.db, store), sweepOrphanFiles(ctx.db, store)]);
    expect(removed[0] + removed[1]).toBe(3);
    for (const key of keys) expect(existsSync(bytesOf(key))).toBe(false);
    expect(await pending()).toEqual([]);
  });
});
