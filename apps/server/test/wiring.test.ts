import { describe, expect, it } from 'vitest';
import { EventBus, type EventName } from '../src/events/bus.ts';
import { sourceOf } from '../src/modules/reports/figures.service.ts';
import { wireFigureSources, wireReactions } from '../src/wiring.ts';

/**
 * The reactions the product depends on, event by event (STYLE §11). If src/wiring.ts drops one, approving
 * minutes would silently create no tasks, a personnel change would leave tasks on the old seat, or people
 * would not hear of their tasks: this list says so first.
 */
const REQUIRED: Record<EventName, string[]> = {
  'conclusions.approved': ['tasks'],
  'seat.replaced': ['tasks'],
  'task.created': ['notifications'],
  'task.transitioned': ['notifications'],
  'task.edited': ['notifications'],
  'task.commented': ['notifications'],
};

describe('wiring', () => {
  const bus = new EventBus();
  wireReactions(bus);

  it.each(Object.entries(REQUIRED))('%s has its reactions: %s', (event, reactions) => {
    expect(bus.reactionsTo(event as EventName)).toEqual(expect.arrayContaining(reactions));
  });

  it('gives reports the indicators as a figure source (R19 → R16)', () => {
    if (!sourceOf('tasks.overdue')) wireFigureSources();
    expect(sourceOf('indicators.DA06.VNEID')?.name).toBe('indicators');
    expect(sourceOf('tasks.overdue')?.name).toBe('tasks');
  });

  it('is sealed: no reaction can be added later, as a side effect of something else', () => {
    expect(bus.sealed).toBe(true);
    expect(() => bus.on('seat.replaced', 'late', async () => 0)).toThrow(/after the wiring/);
  });

  it('refuses an event emitted before the wiring ran', async () => {
    const unwired = new EventBus();
    await expect(
      unwired.emit({} as never, 'seat.replaced', {
        committeeId: 'c',
        fromMembershipId: 'a',
        toMembershipId: 'b',
        fromUserId: 'u',
        toUserId: 'v',
        effectiveDate: '2026-10-15',
      }),
    ).rejects.toThrow(/before the reactions were wired/);
  });

  it('runs reactions in order and answers their results by name', async () => {
    const order: string[] = [];
    const local = new EventBus()
      .on('seat.replaced', 'first', async () => {
        order.push('first');
        return 2;
      })
      .on('seat.replaced', 'second', async () => {
        order.push('second');
        return 3;
      });
    local.seal();
    const results = await local.emit({} as never, 'seat.replaced', {
      committeeId: 'c',
      fromMembershipId: 'a',
      toMembershipId: 'b',
      fromUserId: 'u',
      toUserId: 'v',
      effectiveDate: '2026-10-15',
    });
    expect(order).toEqual(['first', 'second']);
    expect(results).toEqual({ first: 2, second: 3 });
  });
});
