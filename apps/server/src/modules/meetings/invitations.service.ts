import { formatDate, formatDateTime } from '@steerco/contract/datetime';
import type { Logger } from 'pino';
import * as clock from '../../clock.ts';
import { type Config, publicUrlOf } from '../../config.ts';
import type { Db, DbOrTx, Tx } from '../../db/client.ts';
import { createLinkToken } from '../../http/signed-links.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { getWorkingCalendar } from '../calendar/calendar.service.ts';
import { committeeWithUnit, getSettings } from '../committees/committees.service.ts';
import {
  buildMeetingIcs,
  dispatchEmails,
  enqueueEmails,
  icsAttachment,
  type OutgoingEmail,
  renderEmail,
} from '../mail/mail.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { findAgendaItems } from './agenda.repo.ts';
import { findInvitees, markNonRespondersReminded } from './attendees.repo.ts';
import { confirmationDeadline } from './meeting-time.ts';
import { claimAutoReminder, findReminderCandidates, type MeetingRow } from './meetings.repo.ts';

// The invitations (R9, R10): the e-mails with the calendar file and each attendee's personal link, the reminders
// to those who have not answered, and the automatic reminder before the confirmation deadline.
export type InvitationKind = 'meeting.notice' | 'meeting.amended' | 'meeting.cancelled' | 'meeting.reminder';

/**
 * Collects the invitation e-mails a request queues in its transaction, to dispatch them after the commit.
 * One per request: `invitationMailer(config)`, pass it to the service, then `await mailer.dispatch(jobs)`.
 */
export interface InvitationMailer {
  publicUrl: string;
  organizer: { name: string; email: string };
  queued: (string | null)[];
  dispatch(jobs: JobQueue | null): Promise<void>;
}

/** The address in SMTP_FROM ("steerco <no-reply@x>") is the ICS organizer, as calendars expect. */
function parseFrom(from: string) {
  const m = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1] || 'steerco', email: m[2]! } : { name: 'steerco', email: from.trim() };
}

export function invitationMailer(config: Config): InvitationMailer {
  const mailer: InvitationMailer = {
    publicUrl: publicUrlOf(config),
    organizer: parseFrom(config.SMTP_FROM),
    queued: [],
    dispatch: (jobs) => dispatchEmails(jobs, mailer.queued),
  };
  return mailer;
}

const SUBJECT: Record<InvitationKind, string> = {
  'meeting.notice': 'Giấy mời họp',
  'meeting.amended': 'Thông báo thay đổi cuộc họp',
  'meeting.cancelled': 'Thông báo hủy cuộc họp',
  'meeting.reminder': 'Nhắc xác nhận tham dự họp',
};

/**
 * Queues one e-mail per attendee with an address (R9/R10): HTML + plain text in Vietnamese, the calendar file
 * (REQUEST with the meeting's SEQUENCE, or CANCEL) and the personal one-click confirmation link. The dedupe key
 * names the attendee, the kind and the notice version, so a retried request never mails anyone twice.
 */
export async function enqueueInvitationEmails(
  tx: Tx,
  mailer: InvitationMailer,
  m: MeetingRow,
  kind: InvitationKind,
  opts: { userIds?: string[]; changes?: string | null; rsvpLink: (attendeeId: string) => Promise<string> },
) {
  const committee = await committeeWithUnit(tx, m.committeeId);
  const people = await findInvitees(tx, m.id);
  const recipients = people.filter(
    (p): p is typeof p & { email: string } => !!p.email && (!opts.userIds || opts.userIds.includes(p.userId)),
  );
  if (!recipients.length) return;
  const agenda = await findAgendaItems(tx, m.id);
  const settings = await getSettings(tx, m.committeeId);
  const deadline = confirmationDeadline(
    m.startsAt,
    settings.confirmationLeadDays,
    await getWorkingCalendar(tx),
  );
  const cancel = kind === 'meeting.cancelled';
  const where = [m.place, m.onlineLink].filter(Boolean).join(' — ') || 'Sẽ thông báo sau';
  const ics = buildMeetingIcs({
    uid: `meeting-${m.id}@steerco`,
    sequence: m.sequence,
    method: cancel ? 'CANCEL' : 'REQUEST',
    start: m.startsAt,
    end: m.endsAt,
    summary: m.title,
    description: agenda
      .map((a, i) => `${i + 1}. ${a.title}${a.presenter ? ` (${a.presenter})` : ''}`)
      .join('\n'),
    location: where,
    url: `${mailer.publicUrl}/cuoc-hop/${m.id}`,
    organizer: mailer.organizer,
    attendees: people.filter((p) => p.email).map((p) => ({ name: p.fullName, email: p.email! })),
  });
  const attachment = icsAttachment(ics, cancel ? 'CANCEL' : 'REQUEST');
  const title = `${SUBJECT[kind]}: ${m.title}`;
  const emails: OutgoingEmail[] = [];
  for (const p of recipients) {
    const paragraphs = [
      `Kính gửi ông/bà ${p.fullName},`,
      cancel
        ? `${committee?.name ?? 'Ban Chỉ đạo'} thông báo hủy cuộc họp "${m.title}" dự kiến lúc ${formatDateTime(m.startsAt)}.`
        : `${committee?.name ?? 'Ban Chỉ đạo'} trân trọng kính mời ông/bà dự cuộc họp "${m.title}".`,
      ...(cancel
        ? []
        : [`Thời gian: ${formatDateTime(m.startsAt)} – ${formatDateTime(m.endsAt)}.`, `Địa điểm: ${where}.`]),
      ...(opts.changes ? [`${cancel ? 'Lý do' : 'Nội dung thay đổi'}:\n${opts.changes}`] : []),
      ...(!cancel && agenda.length
        ? [
            `Chương trình họp:\n${agenda.map((a, i) => `${i + 1}. ${a.title}${a.presenter ? ` — ${a.presenter}` : ''}`).join('\n')}`,
          ]
        : []),
      ...(!cancel
        ? [
            `Đề nghị ông/bà xác nhận tham dự trước ${formatDateTime(deadline)} (ngày ${formatDate(deadline)}); nếu vắng mặt, đề nghị nêu lý do hoặc cử người dự thay đã được quán triệt nội dung.`,
          ]
        : []),
    ];
    const link = cancel ? null : await opts.rsvpLink(p.attendeeId);
    const { html, text } = renderEmail({
      title,
      paragraphs,
      ...(link ? { action: { label: 'Xác nhận tham dự', url: link } } : {}),
      footer: `Thư tự động từ hệ thống điều hành ${committee?.name ?? 'Ban Chỉ đạo'}. Lịch họp đính kèm (tệp .ics) cập nhật vào lịch của ông/bà.`,
    });
    emails.push({
      toAddress: p.email,
      toName: p.fullName,
      subject: title,
      text,
      html,
      attachments: [attachment],
      dedupeKey:
        kind === 'meeting.reminder'
          ? `meeting:${m.id}:${p.attendeeId}:reminder:${clock.now().getTime()}`
          : `meeting:${m.id}:${p.attendeeId}:${kind}:v${m.noticeVersion}:seq${m.sequence}`,
    });
  }
  mailer.queued.push(...(await enqueueEmails(tx, emails)));
}

/**
 * Chases everyone who has not answered (R10): in-app and by e-mail with their personal link. People chased in
 * the last `quietMinutes` are skipped, so a double click or a reminder right after the automatic one sends nothing.
 * The chair is never chased for her own meeting.
 */
export async function remindNonResponders(
  tx: Tx,
  mailer: InvitationMailer,
  m: MeetingRow,
  rsvpLink: (attendeeId: string) => Promise<string>,
  quietMinutes = 10,
) {
  const userIds = await markNonRespondersReminded(tx, m, clock.now(), quietMinutes);
  if (!userIds.length) return 0;
  await notify(
    tx,
    userIds.map((userId) => ({
      userId,
      kind: 'meeting.reminder',
      title: `Nhắc xác nhận tham dự: ${m.title} — ${formatDateTime(m.startsAt)}`,
      body: null,
      link: `/cuoc-hop/${m.id}`,
    })),
  );
  await enqueueInvitationEmails(tx, mailer, m, 'meeting.reminder', { userIds, rsvpLink });
  return userIds.length;
}

/**
 * The automatic reminder (R10): `hoursBefore` the committee's confirmation deadline, everyone who has not
 * answered is chased once. Claiming the meeting (`auto_reminder_sent_at`) in the same transaction as the e-mails
 * makes it exactly once however many instances run the job. `now` is a parameter so tests control the clock.
 */
export async function runAutomaticReminders(
  db: Db,
  mailer: InvitationMailer,
  rsvpLink: (tx: DbOrTx, attendeeId: string, m: MeetingRow) => Promise<string>,
  opts: { now: Date; hoursBefore: number; logger?: Logger },
) {
  // Confirmation lead times are working days; a 60-day look-ahead covers any committee's setting.
  const candidates = await findReminderCandidates(db, opts.now);
  let meetingsReminded = 0;
  let people = 0;
  const calendar = await getWorkingCalendar(db);
  for (const m of candidates) {
    const { confirmationLeadDays } = await getSettings(db, m.committeeId);
    const deadline = confirmationDeadline(m.startsAt, confirmationLeadDays, calendar).getTime();
    const remindAt = deadline - opts.hoursBefore * 3_600_000;
    if (opts.now.getTime() < remindAt || opts.now.getTime() > deadline) continue;
    const count = await db.transaction(async (tx) => {
      const claimed = await claimAutoReminder(tx, m.id, opts.now);
      if (!claimed) return null;
      return remindNonResponders(tx, mailer, claimed, (attendeeId) => rsvpLink(tx, attendeeId, claimed), 0);
    });
    if (count === null) continue;
    meetingsReminded += 1;
    people += count;
  }
  opts.logger?.info({ meetings: meetingsReminded, people }, 'automatic meeting reminders');
  return { meetings: meetingsReminded, people };
}

// ——— The personal link in the invitation (one click to confirm) ———

export const RSVP_LINK = 'rsvp';

/** The invitation's personal link: signed, for one attendee, valid until the meeting ends. */
export async function rsvpLink(db: DbOrTx, publicUrl: string, attendeeId: string, meeting: MeetingRow) {
  const token = await createLinkToken(db, RSVP_LINK, attendeeId, meeting.endsAt);
  return `${publicUrl.replace(/\/$/, '')}/xac-nhan?token=${encodeURIComponent(token)}`;
}
