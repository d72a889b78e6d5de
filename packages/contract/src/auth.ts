import { z } from 'zod';
import { User } from './users.ts';

export const PASSWORD_MIN_LENGTH = 10;

export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự`)
  .max(200)
  .refine((p) => /[A-Za-zÀ-ỹ]/.test(p) && /[0-9]/.test(p), 'Mật khẩu phải có cả chữ và số');

export const LoginBody = z
  .object({
    username: z.string().trim().toLowerCase().min(1).max(254).describe('Username or email'),
    password: z.string().min(1).max(200),
  })
  .strict();
export type LoginBody = z.infer<typeof LoginBody>;

/** The signed-in user, with the CSRF token the client must echo in `X-CSRF-Token` on writes. */
export const SessionInfo = z.object({
  user: User,
  csrfToken: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** Whether this browser is signed in: the web app asks it on every first page (a 401 would be an error there). */
export const SessionState = z.object({ session: SessionInfo.nullable() });
export type SessionState = z.infer<typeof SessionState>;

export const ChangePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: NewPassword })
  .strict()
  .refine((b) => b.currentPassword !== b.newPassword, {
    message: 'Mật khẩu mới phải khác mật khẩu hiện tại',
    path: ['newPassword'],
  });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'steerco_session';
