import { z } from 'zod';

/**
 * A person's e-mail opt-outs for the follow-up of tasks. They silence e-mail only: reminders and escalations
 * still appear in the notification centre.
 */
export const NotificationPreferences = z
  .object({
    emailReminders: z.boolean().describe('Nhắc hạn nhiệm vụ của tôi (trước hạn, đến hạn, quá hạn)'),
    emailEscalations: z
      .boolean()
      .describe('Báo cáo nhiệm vụ quá hạn của người khác (cơ quan thường trực, lãnh đạo Ban)'),
    emailDigest: z.boolean().describe('Thư tổng hợp nhiệm vụ mỗi sáng ngày làm việc'),
  })
  .strict();
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
