// The one place drizzle (and drizzle-kit) learns about every table.

export * from '../modules/calendar/calendar.schema.ts';
export * from '../modules/committees/committees.schema.ts';
export * from '../modules/documents/documents.schema.ts';
export * from '../modules/files/files.schema.ts';
export * from '../modules/mail/mail.schema.ts';
export * from '../modules/meetings/meetings.schema.ts';
export * from '../modules/notifications/notifications.schema.ts';
export * from '../modules/plans/plans.schema.ts';
export * from '../modules/tasks/carry-over.schema.ts';
export * from '../modules/tasks/reminders.schema.ts';
export * from '../modules/tasks/tasks.schema.ts';
export * from '../modules/units/units.schema.ts';
export * from '../modules/users/users.schema.ts';
export * from './audit.schema.ts';
export * from './secrets.schema.ts';
