import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CapturedMail } from './global-setup.ts';

/** Every e-mail the server under test has sent so far, in order (global-setup's mailbox writes them). */
export function sentMails(mailDir: string): CapturedMail[] {
  return readdirSync(mailDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(mailDir, name), 'utf8')) as CapturedMail);
}

/** Waits for the first e-mail to `to` that `matches`; the outbox delivers asynchronously, with retries. */
export async function waitForMail(
  mailDir: string,
  to: string,
  matches: (mail: CapturedMail) => boolean,
  timeoutMs = 30_000,
): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = sentMails(mailDir).find((m) => m.to.includes(to) && matches(m));
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = sentMails(mailDir).map((m) => `${m.to.join(',')}: ${m.subject}`);
      throw new Error(`No e-mail to ${to} within ${timeoutMs / 1000} s; sent so far:\n${seen.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The personal confirmation link (R10) in an invitation. */
export function rsvpLinkOf(mail: CapturedMail): string {
  const link = /https?:\/\/[^\s"'<>]+\/xac-nhan\?token=[^\s"'<>]+/.exec(mail.text || mail.html)?.[0];
  if (!link) throw new Error(`No confirmation link in “${mail.subject}”`);
  return link.replace(/&amp;/g, '&');
}
