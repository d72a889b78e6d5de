import { z } from 'zod';
import { Email, Id, IsoDateTime, PageQuery, Phone, paged, requiredText, text } from './common.ts';

/** System-wide roles. Committee roles live on memberships (Organization module). */
export const SystemRole = z.enum(['systemAdmin', 'unitAdmin']);
export type SystemRole = z.infer<typeof SystemRole>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(60)
  .regex(/^[a-z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ -');

export const User = z.object({
  id: Id,
  username: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  unitId: Id.nullable(),
  unitName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  systemRole: SystemRole.nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  isSample: z.boolean(),
  lastLoginAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type User = z.infer<typeof User>;

export const ListUsersQuery = PageQuery.extend({
  q: text(100).optional().describe('Search in name, username, email, position (accents ignored)'),
  unitId: Id.optional(),
  active: z.enum(['true', 'false']).optional(),
}).strict();
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

export const UserPage = paged(User);

export const CreateUserBody = z
  .object({
    username: Username,
    fullName: requiredText(120),
    position: text(200).nullable().optional(),
    unitId: Id.nullable(),
    email: Email.nullable().optional(),
    phone: Phone.nullable().optional(),
    systemRole: SystemRole.nullable().optional(),
  })
  .strict();
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = CreateUserBody.omit({ username: true }).partial().strict();
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

/** Returned once, when an admin creates an account or resets its password. */
export const UserWithInitialPassword = z.object({ user: User, initialPassword: z.string() });
