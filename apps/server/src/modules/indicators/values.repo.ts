import type { IndicatorValue } from '@steerco/contract/indicators';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { committeesView } from '../committees/seats.service.ts';
import { unitsView } from '../units/units.service.ts';
import { usersView } from '../users/users.service.ts';
import { indicatorFrameworks, indicators, indicatorTargets, indicatorValues } from './indicators.schema.ts';

export type ValueRow = typeof indicatorValues.$inferSelect;

export async function findValueRow(db: DbOrTx, id: string, lock = false) {
  const q = db.select().from(indicatorValues).where(eq(indicatorValues.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The approved value of the committee's indicator for the period, if any. */
export async function findApprovedValue(
  db: DbOrTx,
  committeeId: string,
  indicatorId: string,
  period: number,
) {
  const [row] = await db
    .select()
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.committeeId, committeeId),
        eq(indicatorValues.indicatorId, indicatorId),
        eq(indicatorValues.period, period),
        eq(indicatorValues.status, 'approved'),
      ),
    );
  return row;
}

export async function insertValue(tx: DbOrTx, row: typeof indicatorValues.$inferInsert) {
  await tx.insert(indicatorValues).values(row);
}

export async function insertValues(tx: DbOrTx, rows: (typeof indicatorValues.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 1000)
    await tx.insert(indicatorValues).values(rows.slice(i, i + 1000));
}

export async function updateValue(tx: DbOrTx, id: string, set: Partial<typeof indicatorValues.$inferInsert>) {
  await tx.update(indicatorValues).set(set).where(eq(indicatorValues.id, id));
}

/** Earlier values of the same period in `status` become superseded (a correction, or a newer submission). */
export async function supersede(
  tx: DbOrTx,
  key: { committeeId: string; indicatorId: string; period: number },
  status: 'approved' | 'submitted',
  exceptId?: string,
) {
  await tx
    .update(indicatorValues)
    .set({ status: 'superseded' })
    .where(
      and(
        eq(indicatorValues.committeeId, key.committeeId),
        eq(indicatorValues.indicatorId, key.indicatorId),
        eq(indicatorValues.period, key.period),
        eq(indicatorValues.status, status),
        exceptId ? sql`${indicatorValues.id} <> ${exceptId}` : undefined,
      ),
    );
}

const enteredBy = usersView('value_entered_by');
const decidedBy = usersView('value_decided_by');

/** The committee's values with their history (newest first), as the contract shows them, minus evidence names. */
export async function findValues(
  db: DbOrTx,
  committeeId: string,
  q: { indicatorId?: string; status?: ValueRow['status']; year?: number },
) {
  const where: (SQL | undefined)[] = [
    eq(indicatorValues.committeeId, committeeId),
    q.indicatorId ? eq(indicatorValues.indicatorId, q.indicatorId) : undefined,
    q.status ? eq(indicatorValues.status, q.status) : undefined,
    q.year ? eq(indicatorFrameworks.year, q.year) : undefined,
  ];
  const rows = await db
    .select({
      v: indicatorValues,
      year: indicatorFrameworks.year,
      code: indicators.code,
      name: indicators.name,
      frequency: indicators.frequency,
      enteredByName: enteredBy.fullName,
      decidedByName: decidedBy.fullName,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(indicatorFrameworks, eq(indicatorFrameworks.id, indicators.frameworkId))
    .leftJoin(enteredBy, eq(enteredBy.id, indicatorValues.enteredBy))
    .leftJoin(decidedBy, eq(decidedBy.id, indicatorValues.decidedBy))
    .where(and(...where))
    .orderBy(desc(indicatorValues.enteredAt), desc(indicatorValues.id))
    .limit(500);
  return rows;
}

export function toValueDto(
  r: Awaited<ReturnType<typeof findValues>>[number],
  files: Map<string, { id: string; name: string }>,
): IndicatorValue {
  const v = r.v;
  return {
    id: v.id,
    committeeId: v.committeeId,
    indicatorId: v.indicatorId,
    indicatorCode: r.code,
    indicatorName: r.name,
    frequency: r.frequency,
    year: r.year,
    period: v.period,
    value: v.value,
    note: v.note,
    status: v.status,
    source: v.source,
    evidence: v.evidenceFileIds.flatMap((id) => {
      const f = files.get(id);
      return f ? [{ id, name: f.name }] : [];
    }),
    enteredByName: r.enteredByName,
    enteredAt: v.enteredAt.toISOString(),
    decidedByName: r.decidedByName,
    decidedAt: v.decidedAt?.toISOString() ?? null,
    decisionNote: v.decisionNote,
    correctsId: v.correctsId,
  };
}

export async function upsertTarget(tx: DbOrTx, row: typeof indicatorTargets.$inferInsert) {
  await tx
    .insert(indicatorTargets)
    .values(row)
    .onConflictDoUpdate({
      target: [indicatorTargets.committeeId, indicatorTargets.indicatorId],
      set: {
        value: row.value,
        note: row.note,
        setFrom: row.setFrom,
        planItemId: row.planItemId,
        setBy: row.setBy,
        setAt: sql`now()`,
      },
    });
}

const setBy = usersView('target_set_by');
export async function findTarget(db: DbOrTx, committeeId: string, indicatorId: string) {
  const [row] = await db
    .select({ t: indicatorTargets, setByName: setBy.fullName })
    .from(indicatorTargets)
    .leftJoin(setBy, eq(setBy.id, indicatorTargets.setBy))
    .where(and(eq(indicatorTargets.committeeId, committeeId), eq(indicatorTargets.indicatorId, indicatorId)));
  return row;
}

const subCommittee = committeesView('sub_committee');
const subUnit = unitsView('sub_unit');

/** The committee and every committee below it: what an import may name (by committee, unit or short name). */
export async function findSubtree(db: DbOrTx, committeeId: string) {
  return db
    .select({
      id: subCommittee.id,
      name: subCommittee.name,
      unitName: subUnit.name,
      shortName: subUnit.shortName,
    })
    .from(subCommittee)
    .innerJoin(subUnit, eq(subUnit.id, subCommittee.unitId))
    .where(
      and(
        sql`${subCommittee.path} like (select c.path from committees c where c.id = ${committeeId}) || '%'`,
        eq(subCommittee.status, 'active'),
      ),
    );
}

export async function hasApprovedValues(db: DbOrTx, ids: string[]) {
  if (!ids.length) return false;
  const [row] = await db
    .select({ id: indicatorValues.id })
    .from(indicatorValues)
    .where(inArray(indicatorValues.indicatorId, ids))
    .limit(1);
  return !!row;
}
