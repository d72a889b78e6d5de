import type { DbOrTx } from '../db/client.ts';

/**
 * The domain events, by name → payload. This layer knows none of them: each module declares the events it
 * emits in its `<m>.events.ts` by declaration merging (as Fastify's FastifyContextConfig is extended), e.g.
 *
 *   declare module '../../events/bus.ts' {
 *     interface DomainEvents { 'conclusions.approved': ConclusionsApproved }
 *   }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules (declaration merging)
export interface DomainEvents {}

/** What each reaction to an event returns, when the emitter uses it (default: nothing). Declared like DomainEvents. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules (declaration merging)
export interface DomainEventResults {}

export type EventName = keyof DomainEvents;
export type ReactionResult<E extends EventName> = E extends keyof DomainEventResults
  ? DomainEventResults[E]
  : unknown;

/** A reaction runs inside the emitter's transaction: it commits with the change, or fails it. */
export type Reaction<E extends EventName> = (
  tx: DbOrTx,
  event: DomainEvents[E],
) => Promise<ReactionResult<E>>;

interface Registered {
  name: string;
  run: (tx: DbOrTx, event: never) => Promise<unknown>;
}

/**
 * Typed domain events between modules (STYLE §11). A service emits inside its transaction; the reactions were
 * registered once at start-up by `src/wiring.ts`, the one list of what reacts to what. Emitting before the
 * wiring ran is a programming error and throws, so a reaction can never be silently missing.
 */
export class EventBus {
  readonly #reactions = new Map<EventName, Registered[]>();
  #sealed = false;

  /** Registers `run` as the reaction called `name` (e.g. 'tasks') to `event`. Only before `seal()`. */
  on<E extends EventName>(event: E, name: string, run: Reaction<E>): this {
    if (this.#sealed) throw new Error(`reaction ${name} to ${String(event)} registered after the wiring`);
    const list = this.#reactions.get(event) ?? [];
    if (list.some((r) => r.name === name)) throw new Error(`reaction ${name} to ${String(event)} twice`);
    list.push({ name, run: run as Registered['run'] });
    this.#reactions.set(event, list);
    return this;
  }

  /** Ends the wiring: from now on events may be emitted, and no reaction may be added. */
  seal(): void {
    this.#sealed = true;
  }

  get sealed(): boolean {
    return this.#sealed;
  }

  /** The names of the reactions to `event`, in the order they run. */
  reactionsTo(event: EventName): string[] {
    return (this.#reactions.get(event) ?? []).map((r) => r.name);
  }

  /**
   * Runs every reaction to `event`, one after the other, in the caller's transaction. Returns each reaction's
   * result by its name (e.g. how many open items each module moved).
   */
  async emit<E extends EventName>(
    tx: DbOrTx,
    event: E,
    payload: DomainEvents[E],
  ): Promise<Record<string, ReactionResult<E>>> {
    if (!this.#sealed) {
      throw new Error(
        `domain event ${String(event)} emitted before the reactions were wired (src/wiring.ts)`,
      );
    }
    const results: Record<string, ReactionResult<E>> = {};
    for (const r of this.#reactions.get(event) ?? []) {
      results[r.name] = (await r.run(tx, payload as never)) as ReactionResult<E>;
    }
    return results;
  }
}

/** The process's bus: services emit on it; `src/wiring.ts` registers its reactions at start-up. */
export const events = new EventBus();

/** Emits a domain event inside the caller's transaction (see EventBus.emit). */
export const emit = <E extends EventName>(tx: DbOrTx, event: E, payload: DomainEvents[E]) =>
  events.emit(tx, event, payload);
