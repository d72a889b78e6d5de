import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { createUser, multipartFile, type Session } from '../../../test/factories.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import { docxWith } from '../../../test/zip.ts';
import { assertSafeArchive } from './archive-limits.ts';
import { sniffFileType } from './file-store.service.ts';

const dataDir = `/tmp/steerco-files-test-${process.pid}`;
let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true, env: { FILE_MAX_MB: '0.05', DATA_DIR: dataDir } });
  org = await committeeWithRoles(ctx.app, ctx.db, 'tep');
});
afterAll(async () => {
  await ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const upload = (session: Session, content: Buffer, name = 'bao-cao.pdf') => {
  const { payload, contentType } = multipartFile('file', name, content);
  return ctx.app.inject({
    method: 'POST',
    url: `${org.url}/files`,
    headers: { ...session.headers, 'content-type': contentType },
    payload,
  });
};

describe('file uploads', () => {
  it('stores a PDF checked by content, and serves it back to those who may see the committee', async () => {
    const res = await upload(org.seats.member.session, PDF, 'Báo cáo thay đổi nhân sự.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({
      name: 'Báo cáo thay đổi nhân sự.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
    });
    const back = await call(
      ctx.app,
      org.seats.head.session,
      'GET',
      `/api/v1/files/${file.id}`,
      undefined,
      200,
    );
    expect(back.rawPayload.equals(PDF)).toBe(true);
    expect(back.headers['content-disposition']).toContain(encodeURIComponent('Báo cáo'));
    expectProblem(
      await call(ctx.app, org.outsider.session, 'GET', `/api/v1/files/${file.id}`),
      404,
      'file.notFound',
    );
  });

  it('refuses a forbidden type whatever its name, an oversized file, and writes nothing', async () => {
    const before = (await ctx.db.execute(sql`select count(*)::int as n from files`)).rows[0]!.n;
    expectProblem(
      await upload(org.seats.member.session, Buffer.from('MZ\x90\x00 executable'), 'tai-lieu.pdf'),
      415,
      'file.typeNotAllowed',
    );
    expectProblem(
      await upload(org.seats.member.session, Buffer.concat([PDF, Buffer.alloc(60 * 1024)])),
      413,
      'file.tooLarge',
    );
    expect((await ctx.db.execute(sql`select count(*)::int as n from files`)).rows[0]!.n).toBe(before);
  });

  it('refuses a zip bomb and an archive of too many parts, before storing anything (#17)', async () => {
    const before = (await ctx.db.execute(sql`select count(*)::int as n from files`)).rows[0]!.n;
    // 20 MiB of zeros deflate to about 20 KiB: a ratio near 1,000.
    const bomb = docxWith([{ name: 'word/media/zeros.bin', data: Buffer.alloc(20 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(50 * 1024);
    const refused = expectProblem(
      await upload(org.seats.member.session, bomb, 'bom.docx'),
      422,
      'file.unsafeArchive',
    );
    expect(refused.detail).toMatch(/giải nén quá lớn/);
    const many = docxWith(
      Array.from({ length: 2_100 }, (_, i) => ({ name: `p${i}`, data: Buffer.from('x') })),
    );
    await expect(assertSafeArchive(many)).rejects.toMatchObject({ code: 'file.unsafeArchive' });
    expect((await ctx.db.execute(sql`select count(*)::int as n from files`)).rows[0]!.n).toBe(before);
    // An ordinary document passes.
    const fine = docxWith([{ name: 'word/styles.xml', data: Buffer.from('<w:styles/>'.repeat(200)) }]);
    expect((await upload(org.seats.member.session, fine, 'thuong.docx')).statusCode).toBe(201);
  });

  it('recognises Office files by their main part', () => {
    const zip = (entry: string) =>
      Buffer.concat([Buffer.from('PK\x03\x04', 'binary'), Buffer.from(`[Content_Types].xml ${entry}`)]);
    expect(sniffFileType(zip('word/document.xml'))?.extension).toBe('docx');
    expect(sniffFileType(zip('xl/workbook.xml'))?.extension).toBe('xlsx');
    expect(sniffFileType(zip('ppt/presentation.xml'))).toBeNull();
  });

  it('attaches the unit report to a personnel change (R14); a file of another committee is refused', async () => {
    const file = (await upload(org.seats.member.session, PDF)).json();
    const successor = await createUser(ctx.db, { unitId: org.unit.id });
    const proposal = await call(
      ctx.app,
      org.seats.member.session,
      'POST',
      `${org.url}/personnel-changes`,
      {
        membershipId: org.seats.member.membershipId,
        replacementUserId: successor.id,
        reportNumber: '21/BC-VP',
        reportDate: '2025-05-02',
        reportFileId: file.id,
        reason: 'Chuyển công tác',
        effectiveDate: '2025-05-10',
      },
      201,
    );
    expect(proposal.json().reportFile).toMatchObject({ id: file.id, mimeType: 'application/pdf' });

    const other = await committeeWithRoles(ctx.app, ctx.db, 'tep-khac');
    const res = await call(ctx.app, other.seats.secretary.session, 'POST', `${other.url}/personnel-changes`, {
      membershipId: other.seats.member.membershipId,
      replacementUserId: (await createUser(ctx.db)).id,
      reportDate: '2025-05-02',
      reportFileId: file.id,
      reason: 'Thử',
      effectiveDate: '2025-05-10',
    });
    expectProblem(res, 404, 'file.notFound');
  });
});
