import { date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { agendaItems } from '../meetings/meetings.schema.ts';
import { tasks } from './tasks.schema.ts';

/**
 * R8: the unfinished tasks put before a periodic meeting, in the agenda's "Nhiệm vụ chưa hoàn thành" section,
 * with their status and deadline as they stood when the secretary prepared the meeting (the notice and the
 * minutes quote that state; the task page shows today's).
 */
export const agendaCarriedTasks = pgTable(
  'agenda_carried_tasks',
  {
    agendaItemId: uuid()
      .notNull()
      .references(() => agendaItems.id, { onDelete: 'cascade' }),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id),
    position: integer().notNull(),
    status: text().notNull(),
    derivedStatus: text().notNull(),
    deadline: date().notNull(),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.taskId] })],
);
