import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import type { AddressObject, ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../test/smtp.ts';
import { notifications } from '../notifications/notifications.schema.ts';
import { users } from '../users/users.schema.ts';

let ctx: TestContext;
let smtp: TestSmtpServer;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
const dataDir = mkdtempSync(path.join(tmpdir(), 'steerco-docs-data-'));
beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestContext({ seed: true, jobs: true, smtpUrl: smtp.url, env: { DATA_DIR: dataDir } });
  org = await committeeWithRoles(ctx.app, ctx.db, 'phat-hanh');
  for (const role of ['head', 'member', 'deputyHead'] as const) {
    await ctx.db
      .update(users)
      .set({ email: `${role}.phat-hanh@phucla.gov.vn` })
      .where(eq(users.id, org.seats[role].userId));
  }
});
afterAll(async () => {
  await ctx?.close();
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function issuedReport(title: string) {
  const doc = (
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/committees/${org.committee.id}/documents/from-template`,
      { template: 'report', title, sections: [{ heading: 'I. KẾT QUẢ', text: 'Đạt 85%.' }] },
      201,
    )
  ).json();
  await call(
    ctx.app,
    org.seats.secretary.session,
    'POST',
    `/api/v1/documents/${doc.id}/submit`,
    undefined,
    200,
  );
  await call(ctx.app, org.seats.head.session, 'POST', `/api/v1/documents/${doc.id}/approve`, undefined, 200);
  return (
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/documents/${doc.id}/issue`,
      { signerMembershipId: org.seats.head.membershipId },
      200,
    )
  ).json();
}

const addressOf = (m: ParsedMail) => (m.to as AddressObject).value[0]!.address!.toLowerCase();

async function waitForPdf(id: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const doc = (
      await call(ctx.app, org.seats.member.session, 'GET', `/api/v1/documents/${id}`, undefined, 200)
    ).json();
    if (doc.pdfAvailable) return doc;
    if (Date.now() > deadline) throw new Error('no PDF within the time limit');
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('PDF after issue (LibreOffice, after commit)', () => {
  it('answers 404 until the PDF exists, then serves the PDF made from the issued DOCX', async () => {
    const draft = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `/api/v1/committees/${org.committee.id}/documents`,
        { type: 'report', title: 'Dự thảo chưa ban hành' },
        201,
      )
    ).json();
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'GET', `/api/v1/documents/${draft.id}/pdf`),
      404,
      'document.pdfUnavailable',
    );
    const issued = await issuedReport('Báo cáo kết quả quý IV năm 2026');
    // The issue answered before any PDF existed: the conversion runs after the commit.
    expect(issued.status).toBe('issued');
    await waitForPdf(issued.id);
    const pdf = await call(
      ctx.app,
      org.seats.member.session,
      'GET',
      `/api/v1/documents/${issued.id}/pdf`,
      undefined,
      200,
    );
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.rawPayload as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toContain(encodeURIComponent('01-BC-BCĐ.pdf'));
    expect(pdf.headers['content-disposition']).toMatch(/^attachment;/);
    const inline = await call(
      ctx.app,
      org.seats.member.session,
      'GET',
      `/api/v1/documents/${issued.id}/pdf?inline=1`,
      undefined,
      200,
    );
    expect(inline.headers['content-disposition']).toMatch(/^inline;/);
  });
});

describe('distribution of an issued document', () => {
  it('sends to the members chosen in the app and by e-mail with DOCX and PDF, and lists who got it', async () => {
    const issued = await issuedReport('Báo cáo sơ kết 6 tháng');
    await waitForPdf(issued.id);
    smtp.messages.length = 0;
    const sent = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `/api/v1/documents/${issued.id}/distribute`,
        { membershipIds: [org.seats.head.membershipId, org.seats.member.membershipId] },
        200,
      )
    ).json();
    expect(sent.distributions.map((d: { fullName: string }) => d.fullName).sort()).toEqual([
      'head phat-hanh',
      'member phat-hanh',
    ]);
    expect(sent.distributions.every((d: { sentAt: string }) => !Number.isNaN(Date.parse(d.sentAt)))).toBe(
      true,
    );

    const mails = await smtp.waitFor(2, 20_000);
    expect(mails.map(addressOf).sort()).toEqual([
      'head.phat-hanh@phucla.gov.vn',
      'member.phat-hanh@phucla.gov.vn',
    ]);
    for (const mail of mails) {
      expect(mail.subject).toBe(`Báo cáo số ${issued.numberText}: Báo cáo sơ kết 6 tháng`);
      const names = mail.attachments.map((a) => a.filename).sort();
      expect(names).toEqual(['02-BC-BCĐ.docx', '02-BC-BCĐ.pdf']);
      const docx = mail.attachments.find((a) => a.filename?.endsWith('.docx'))!;
      expect(docx.content.subarray(0, 2).toString()).toBe('PK');
      const pdf = mail.attachments.find((a) => a.filename?.endsWith('.pdf'))!;
      expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const inApp = await ctx.db
      .select()
      .from(notifications)
      .where(inArray(notifications.userId, [org.seats.head.userId, org.seats.member.userId]));
    expect(
      inApp.filter((n) => n.kind === 'document.distributed' && n.link === `/van-ban/${issued.id}`),
    ).toHaveLength(2);

    // Sending to all members reaches only those not sent yet.
    smtp.messages.length = 0;
    const all = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `/api/v1/documents/${issued.id}/distribute`,
        { allMembers: true },
        200,
      )
    ).json();
    expect(all.distributions).toHaveLength(6);
    const more = await smtp.waitFor(1, 20_000);
    await new Promise((r) => setTimeout(r, 1000));
    // Only the deputy has an e-mail address among the new recipients.
    expect(more.map(addressOf)).toEqual(['deputyhead.phat-hanh@phucla.gov.vn']);

    // Contact details (#17): the standing agency sees the list's addresses; a plain member only their own,
    // in the document and in the register.
    type Sent = { userId: string; email: string | null };
    const emailsSeenBy = async (session: typeof org.seats.member.session) => {
      const one = (
        await call(ctx.app, session, 'GET', `/api/v1/documents/${issued.id}`, undefined, 200)
      ).json();
      const list = (
        await call(
          ctx.app,
          session,
          'GET',
          `/api/v1/documents?committeeId=${org.committee.id}`,
          undefined,
          200,
        )
      ).json();
      const inList = list.items.find((d: { id: string }) => d.id === issued.id);
      expect(inList.distributions).toEqual(one.distributions);
      return (one.distributions as Sent[]).filter((d) => d.email).map((d) => d.userId);
    };
    expect((await emailsSeenBy(org.seats.secretary.session)).sort()).toEqual(
      [org.seats.head.userId, org.seats.member.userId, org.seats.deputyHead.userId].sort(),
    );
    expect(await emailsSeenBy(org.seats.member.session)).toEqual([org.seats.member.userId]);
  });

  it('refuses drafts, plain members, no recipients and seats of another committee', async () => {
    const draft = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `/api/v1/committees/${org.committee.id}/documents`,
        { type: 'report', title: 'Chưa ban hành' },
        201,
      )
    ).json();
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `/api/v1/documents/${draft.id}/distribute`, {
        allMembers: true,
      }),
      409,
      'document.wrongState',
    );
    const issued = await issuedReport('Báo cáo chuyên đề');
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', `/api/v1/documents/${issued.id}/distribute`, {
        allMembers: true,
      }),
      403,
      'permission.denied',
    );
    expectProblem(
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `/api/v1/documents/${issued.id}/distribute`,
        {},
      ),
      400,
      'request.validation',
    );
    const other = await committeeWithRoles(ctx.app, ctx.db, 'phat-hanh-khac');
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `/api/v1/documents/${issued.id}/distribute`, {
        membershipIds: [other.seats.head.membershipId],
      }),
      422,
      'document.unknownRecipient',
    );
    const doc = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'GET',
        `/api/v1/documents/${issued.id}`,
        undefined,
        200,
      )
    ).json();
    expect(doc.distributions).toEqual([]);
  });
});
