import { z } from 'zod';
import { Id, requiredText, text } from './common.ts';

/** Levels of the Vietnamese administrative hierarchy, plus agencies (ministries, departments). */
export const UnitLevel = z.enum(['national', 'province', 'district', 'commune', 'agency']);
export type UnitLevel = z.infer<typeof UnitLevel>;

export const Unit = z.object({
  id: Id,
  level: UnitLevel,
  code: z.string().nullable().describe('Official code (GSO list) when known'),
  name: z.string(),
  shortName: z.string().nullable(),
  parentId: Id.nullable(),
  isSample: z.boolean().describe('True when the code or name is sample data, not an official record'),
  active: z.boolean(),
  childCount: z.number().int(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitWithAncestors = Unit.extend({
  ancestors: z.array(Unit.pick({ id: true, name: true, level: true })),
});

export const ListUnitsQuery = z
  .object({
    parentId: Id.optional().describe('Children of this unit; omit for the top level'),
    q: text(100).optional().describe('Search by name or code, across all levels'),
  })
  .strict();

export const CreateUnitBody = z
  .object({
    level: UnitLevel,
    code: text(20).nullable().optional(),
    name: requiredText(200),
    shortName: text(60).nullable().optional(),
    parentId: Id.nullable(),
    isSample: z.boolean().default(false),
  })
  .strict();
export type CreateUnitBody = z.infer<typeof CreateUnitBody>;

export const UpdateUnitBody = CreateUnitBody.omit({ level: true, parentId: true })
  .partial()
  .extend({ active: z.boolean().optional() })
  .strict();
export type UpdateUnitBody = z.infer<typeof UpdateUnitBody>;

export const UnitList = z.object({ items: z.array(Unit) });
