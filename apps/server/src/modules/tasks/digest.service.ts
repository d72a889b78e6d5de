import { formatDate, todayInVietnam } from '@steerco/contract/datetime';
import { DEFAULT_RULE_SETTINGS } from '@steerco/contract/regulation';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { enqueueEmails, type OutgoingEmail, renderEmail } from '../mail/mail.service.ts';
import { findDigestRows, findDueSoonVariants } from './digest.repo.ts';

export type DigestSection = 'overdue' | 'dueSoon' | 'review';

export type DigestItem = {
  taskId: string;
  title: string;
  committeeName: string;
  deadline: string;
  status: string;
};

export interface Digest {
  userId: string;
  fullName: string;
  email: string;
  sections: Record<DigestSection, DigestItem[]>;
}

/** A section lists at most this many tasks; the rest are counted ("… và 12 nhiệm vụ khác"). */
const SECTION_LIMIT = 25;
const BATCH = 200;

/**
 * Everyone's digest for `today` (a working day in Viet Nam), in three set-based queries' worth of SQL:
 * - overdue: their open tasks (as the responsible or lead member, or a member of the lead unit) past the deadline;
 * - dueSoon: their open tasks due within the committee's "due soon" working days (display status, default 3);
 * - review: completion reports waiting for review (secretary, head, deputy head of the committee) and extension
 *   requests waiting for a decision (the head, or whoever assigned the task).
 * A task whose completion report waits for review is not the assignee's to chase any more. People with no
 * address, who opted out of the digest, or with nothing to report get nothing.
 */
export async function buildDigests(db: Db, today: string): Promise<Digest[]> {
  const calendar = await getWorkingCalendar(db);
  const variants = await findDueSoonVariants(db);
  const defaultDays = DEFAULT_RULE_SETTINGS.taskDueSoonWorkingDays ?? 3;
  const maxDays = Math.max(defaultDays, ...variants.map((v) => v.days ?? defaultDays));
  // "Due soon" means before the (N+1)-th working day after today (tasks.repo deadlineWindow).
  const horizon = calendar.addWorkingDays(today, maxDays + 1);
  const dueBefore = new Map<number, string>();
  const dueSoonBefore = (days: number) => {
    let d = dueBefore.get(days);
    if (!d) {
      d = calendar.addWorkingDays(today, days + 1);
      dueBefore.set(days, d);
    }
    return d;
  };

  const rows = await findDigestRows(db, today, horizon);

  const byUser = new Map<string, Digest>();
  for (const r of rows) {
    let section: DigestSection | null = 'review';
    if (r.relation === 'assignee') {
      if (r.deadline < today) section = 'overdue';
      else if (r.deadline < dueSoonBefore(r.dueSoonDays ?? defaultDays)) section = 'dueSoon';
      else section = null;
    }
    if (!section) continue;
    let d = byUser.get(r.userId);
    if (!d) {
      d = {
        userId: r.userId,
        fullName: r.fullName,
        email: r.email,
        sections: { overdue: [], dueSoon: [], review: [] },
      };
      byUser.set(r.userId, d);
    }
    // A task may reach a person twice (e.g. as lead member and as a member of the lead unit).
    if (d.sections[section].some((x) => x.taskId === r.taskId)) continue;
    d.sections[section].push({
      taskId: r.taskId,
      title: r.title,
      committeeName: r.committeeName,
      deadline: r.deadline,
      status: r.status,
    });
  }
  return [...byUser.values()];
}

const HEADINGS: Record<DigestSection, string> = {
  overdue: 'Nhiệm vụ quá hạn',
  dueSoon: 'Nhiệm vụ sắp đến hạn',
  review: 'Chờ ông/bà xem xét, quyết định',
};

/** The digest e-mail: one section per group, each task with its committee, deadline and link. */
export function renderDigest(d: Digest, today: string, publicUrl: string) {
  const title = `Tổng hợp nhiệm vụ ngày ${formatDate(today)}`;
  const paragraphs = [`Kính gửi ông/bà ${d.fullName},`];
  const counts: string[] = [];
  for (const section of ['overdue', 'dueSoon', 'review'] as const) {
    const items = d.sections[section];
    if (!items.length) continue;
    counts.push(`${items.length} ${HEADINGS[section].toLowerCase()}`);
    const lines = items.slice(0, SECTION_LIMIT).map((x) => {
      const what =
        section === 'review'
          ? x.status === 'extensionRequested'
            ? 'đề nghị gia hạn'
            : 'báo cáo hoàn thành'
          : `hạn ${formatDate(x.deadline)}`;
      return `• ${x.title} — ${x.committeeName}, ${what}\n  ${publicUrl}/nhiem-vu/${x.taskId}`;
    });
    if (items.length > SECTION_LIMIT) lines.push(`… và ${items.length - SECTION_LIMIT} nhiệm vụ khác`);
    paragraphs.push(`${HEADINGS[section]} (${items.length}):\n${lines.join('\n')}`);
  }
  paragraphs.splice(1, 0, `Hôm nay ông/bà có ${counts.join(', ')}.`);
  return {
    subject: title,
    ...renderEmail({
      title,
      paragraphs,
      action: { label: 'Nhiệm vụ của tôi', url: `${publicUrl}/nhiem-vu` },
      footer:
        'Thư tổng hợp tự động gửi mỗi sáng ngày làm việc. Ông/bà có thể tắt thư tổng hợp trong phần Cài đặt thông báo.',
    }),
  };
}

/**
 * The daily digest run as of `now` (tests pass the clock): nothing on days off. Each person's e-mail carries
 * the dedupe key `task-digest:<user>:<day>`, so a second instance or a re-run the same day queues nothing more.
 */
export async function runTaskDigest(db: Db, opts: { now: Date; publicUrl: string; logger?: Logger }) {
  const calendar = await getWorkingCalendar(db);
  const today = todayInVietnam(opts.now);
  if (!calendar.isWorkingDay(today)) return { digests: 0, emailIds: [] as string[] };
  const digests = await buildDigests(db, today);
  const emailIds: string[] = [];
  for (let i = 0; i < digests.length; i += BATCH) {
    const emails: OutgoingEmail[] = digests.slice(i, i + BATCH).map((d) => {
      const { subject, html, text } = renderDigest(d, today, opts.publicUrl);
      return {
        toAddress: d.email,
        toName: d.fullName,
        subject,
        html,
        text,
        dedupeKey: `task-digest:${d.userId}:${today}`,
      };
    });
    emailIds.push(...(await enqueueEmails(db, emails)));
  }
  opts.logger?.info({ day: today, digests: digests.length, queued: emailIds.length }, 'task digest');
  return { digests: digests.length, emailIds };
}
