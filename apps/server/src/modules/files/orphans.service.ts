import type { Logger } from 'pino';
import * as clock from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { FileStore } from './file-store.service.ts';
import { claimStalePendingPuts, deletePendingPuts } from './files.repo.ts';

/** A write older than this whose row never committed is an orphan (no transaction of ours lasts this long). */
export const ORPHAN_AFTER_MS = 60 * 60 * 1000;
const BATCH = 200;

/**
 * Removes the bytes of uploads whose database row never committed (issue #17): each pending note older than
 * an hour is claimed (locked, so two instances never sweep the same key), its bytes removed unless a file row
 * refers to them after all, and the note deleted. Returns how many byte objects were removed.
 */
export async function sweepOrphanFiles(db: Db, store: FileStore, logger?: Logger): Promise<number> {
  const before = new Date(clock.now().getTime() - ORPHAN_AFTER_MS);
  let removed = 0;
  for (;;) {
    const { claimed, orphans } = await db.transaction(async (tx) => {
      const rows = await claimStalePendingPuts(tx, before, BATCH);
      const unreferenced = rows.filter((r) => !r.recorded).map((r) => r.storageKey);
      for (const key of unreferenced) await store.remove(key);
      await deletePendingPuts(
        tx,
        rows.map((r) => r.storageKey),
      );
      return { claimed: rows.length, orphans: unreferenced.length };
    });
    removed += orphans;
    if (claimed < BATCH) break;
  }
  if (removed) logger?.info({ removed }, 'orphan file bytes removed');
  return removed;
}
