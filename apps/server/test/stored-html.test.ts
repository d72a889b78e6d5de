import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/modules/users/users.schema.ts';
import { createTestContext, type TestContext } from './context.ts';
import { createUser } from './factories.ts';
import { call, committeeWithRoles } from './org-fixtures.ts';

/*
 * Issue #17: text people type may hold HTML or script; it is stored as typed and shown as text everywhere — in
 * the official documents (DOCX) and in e-mails here; apps/web/e2e/stored-text.e2e.ts checks the browser.
 */
const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> Rà soát & báo cáo';
let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true, env: { LOGIN_LOCKOUT_THRESHOLD: '3' } });
  org = await committeeWithRoles(ctx.app, ctx.db, 'html');
});
afterAll(() => ctx.close());

describe('stored HTML is shown as text', () => {
  it('in a DOCX: the title is text in the document, not markup', async () => {
    const doc = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `/api/v1/committees/${org.committee.id}/documents`,
        { type: 'report', title: HOSTILE },
        201,
      )
    ).json();
    expect(doc.title).toBe(HOSTILE);
    const file = await call(
      ctx.app,
      org.seats.secretary.session,
      'GET',
      `/api/v1/documents/${doc.id}/docx`,
      undefined,
      200,
    );
    const xml = await (await JSZip.loadAsync(file.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('&lt;script&gt;alert(');
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('<img');
  });

  it('in an e-mail: a name holding markup is escaped in the HTML part and kept as typed in the text part', async () => {
    const { username, id } = await createUser(ctx.db, { fullName: HOSTILE });
    await ctx.db
      .update(users)
      .set({ email: `${username}@example.vn` })
      .where(sql`id = ${id}`);
    const attempt = (password: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    for (const wrong of ['sai-1', 'sai-2', 'sai-3']) await attempt(wrong);
    const { rows } = await ctx.db.execute<{ html: string; text: string }>(
      sql`select html, text from email_outbox where to_address = ${`${username}@example.vn`}`,
    );
    expect(rows).toHaveLength(1);
    const { html, text } = rows[0]!;
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(text).toContain(HOSTILE);
  });
});
