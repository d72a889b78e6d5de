import type { DbOrTx } from '../../db/client.ts';

// Where a report's pre-filled figures come from: the sources registered in src/wiring.ts through
// `registerFigureSource` — each module's own public figures for a cut-off window (meetings, tasks, documents,
// committees), and the Indicators module's indicator values.

export type FigureValues = Map<string, Record<string, number | null>>;
export interface FigureRecord {
  id: string;
  kind: string;
  title: string;
  date: string | null;
}
export interface FigureWindow {
  from: string;
  to: string;
}

/** A provider of figures for reports: which keys it answers, their values per committee, the records behind one. */
export interface FigureSource {
  name: string;
  /** Counts of records: a key the source owns but did not answer (a domain without tasks) is 0, not unknown. */
  counts?: boolean;
  /** Whether `key` is one of this source's figures (e.g. `indicators.vneidActivation`). */
  owns(key: string): boolean;
  /** The keys a regime's editor may choose from (by-domain variants aside). */
  keys(db: DbOrTx): Promise<string[]> | string[];
  /** Every committee's figures for the window: one query per group, never one per committee. */
  figures(db: DbOrTx, committeeIds: string[], w: FigureWindow): Promise<FigureValues>;
  /** The records one figure counts, for the drill-down; null when the figure has none. */
  records?(
    db: DbOrTx,
    q: { committeeId: string; key: string } & FigureWindow,
  ): Promise<FigureRecord[] | null>;
}

const registered: FigureSource[] = [];

/** Adds a source of figures (wired once at start-up in src/wiring.ts); a second source of the same name is refused. */
export function registerFigureSource(source: FigureSource): void {
  if (registered.some((s) => s.name === source.name))
    throw new Error(`figure source "${source.name}" is already registered`);
  registered.push(source);
}

const sources = () => registered;

export const sourceOf = (key: string) => sources().find((s) => s.owns(key));

/** Every key a regime may draw on, by source. */
export async function figureCatalogue(db: DbOrTx) {
  return Promise.all(sources().map(async (s) => ({ source: s.name, keys: await s.keys(db) })));
}

/**
 * The values of `keys` for each committee over the window, asking each source that owns one of them once.
 * Keys no source owns are left out.
 */
export async function figuresFor(db: DbOrTx, committeeIds: string[], w: FigureWindow, keys: string[]) {
  const needed = sources().filter((s) => keys.some((k) => s.owns(k)));
  const results = await Promise.all(needed.map((s) => s.figures(db, committeeIds, w)));
  const out: FigureValues = new Map(committeeIds.map((id) => [id, {}]));
  for (const values of results) {
    for (const [id, figures] of values) {
      const into = out.get(id);
      if (!into) continue;
      for (const k of keys) if (k in figures) into[k] = figures[k] ?? null;
    }
  }
  // A by-domain key with no record of that domain counts 0; a registered source's missing value stays unknown.
  for (const [, into] of out)
    for (const k of keys) if (!(k in into) && sourceOf(k)) into[k] = sourceOf(k)?.counts ? 0 : null;
  return out;
}

/** The records behind one figure of one committee; null when no source lists them. */
export async function figureRecords(db: DbOrTx, q: { committeeId: string; key: string } & FigureWindow) {
  const source = sourceOf(q.key);
  return source?.records ? source.records(db, q) : null;
}
