import type { Conclusion as ConclusionSchema } from '@steerco/contract/meetings';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { conclusions } from './meetings.schema.ts';

type Conclusion = z.infer<typeof ConclusionSchema>;

/** The conclusions of a meeting in their order, as the contract shows them. */
export async function findConclusions(db: DbOrTx, meetingId: string): Promise<Conclusion[]> {
  const rows = await db
    .select()
    .from(conclusions)
    .where(eq(conclusions.meetingId, meetingId))
    .orderBy(asc(conclusions.position));
  return rows.map((c) => ({
    id: c.id,
    position: c.position,
    text: c.text,
    domain: c.domain,
    tasks: c.tasks,
  }));
}
