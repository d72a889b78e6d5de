import { auditLog } from './audit.schema.ts';
import type { DbOrTx } from './client.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: unknown;
}

/** Records a change; call it inside the transaction that makes the change. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry) {
  await tx.insert(auditLog).values({ ...entry, data: entry.data ?? null });
}
