import type { DbOrTx } from '../../db/client.ts';
import type { SeatReplaced } from '../committees/committees.events.ts';
import { moveOpenTaskSeats } from './hand-over.repo.ts';
import { insertTaskEvents } from './history.repo.ts';

/**
 * R14, the reaction to a replaced seat (src/wiring.ts): the outgoing member's open tasks (as lead, responsible
 * or co-operating member) move to the replacement; done and cancelled tasks keep the old seat, so history
 * stays. Each moved task records a hand-over event. Returns how many tasks moved.
 */
export async function moveOpenTasks(tx: DbOrTx, h: SeatReplaced) {
  const moved = await moveOpenTaskSeats(tx, h.committeeId, h.fromMembershipId, h.toMembershipId);
  await insertTaskEvents(
    tx,
    moved.map((taskId) => ({
      taskId,
      kind: 'handedOver' as const,
      reason: `Chuyển giao theo thay đổi nhân sự từ ngày ${h.effectiveDate.split('-').reverse().join('/')}`,
      data: { fromMembershipId: h.fromMembershipId, toMembershipId: h.toMembershipId },
    })),
  );
  return moved.length;
}
