/**
 * R14: a personnel change was approved — the outgoing member's seat ended and the replacement's began. Every
 * module with open items of the old seat moves them to the new one, and answers how many it moved.
 */
export interface SeatReplaced {
  committeeId: string;
  fromMembershipId: string;
  toMembershipId: string;
  fromUserId: string;
  toUserId: string;
  effectiveDate: string;
}

declare module '../../events/bus.ts' {
  interface DomainEvents {
    'seat.replaced': SeatReplaced;
  }
  interface DomainEventResults {
    /** How many open items the reaction moved (shown on the personnel change as `movedItems`). */
    'seat.replaced': number;
  }
}
