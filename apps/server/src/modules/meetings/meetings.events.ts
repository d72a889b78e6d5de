import type { Conclusion as ConclusionSchema } from '@steerco/contract/meetings';
import type { z } from 'zod';
import type { Actor } from '../../http/permissions.ts';

type Conclusion = z.infer<typeof ConclusionSchema>;

/** R13: the chair approved the minutes; the conclusions are locked and published (follow-up: their tasks). */
export interface ConclusionsApproved {
  actor: Actor;
  meeting: { id: string; committeeId: string; title: string; startsAt: Date };
  /** In their order, each with its task proposals. */
  conclusions: Conclusion[];
}

declare module '../../events/bus.ts' {
  interface DomainEvents {
    'conclusions.approved': ConclusionsApproved;
  }
}
