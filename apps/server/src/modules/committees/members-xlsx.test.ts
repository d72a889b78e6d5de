import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { createUser, multipartFile } from '../../../test/factories.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';

let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true, env: { FILE_MAX_MB: '0.05' } });
  org = await committeeWithRoles(ctx.app, ctx.db, 'excel');
});
afterAll(() => ctx.close());

async function workbook(rows: (string | number)[][]) {
  const res = await call(
    ctx.app,
    org.seats.secretary.session,
    'GET',
    '/api/v1/committees/members-template.xlsx',
    undefined,
    200,
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  sheet.spliceRows(2, 1); // drop the example row
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const upload = (file: Buffer, name = 'thanh-vien.xlsx') => {
  const { payload, contentType } = multipartFile('file', name, file);
  return ctx.app.inject({
    method: 'POST',
    url: `${org.url}/members/import`,
    headers: { ...org.seats.secretary.session.headers, 'content-type': contentType },
    payload,
  });
};
const memberCount = async () =>
  (
    await ctx.db.execute(
      sql`select count(*)::int as n from memberships where committee_id = ${org.committee.id}`,
    )
  ).rows[0]!.n;

describe('member list in Excel', () => {
  it('exports the current members with Vietnamese headers, dd/mm/yyyy dates and duties', async () => {
    const res = await call(
      ctx.app,
      org.seats.member.session,
      'GET',
      `${org.url}/members/export.xlsx`,
      undefined,
      200,
    );
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(org.committee.name);
    expect(sheet.getRow(2).getCell(2).value).toBe('Họ và tên');
    expect(sheet.getRow(3).getCell(4).value).toBe('Trưởng Ban');
    expect(sheet.getRow(3).getCell(6).value).toBe('01/01/2024');
  });

  it('imports valid rows with their duties', async () => {
    const a = await createUser(ctx.db, { username: 'nhap.mot' });
    const b = await createUser(ctx.db, { username: 'nhap.hai' });
    const file = await workbook([
      [
        1,
        'Người một',
        a.username,
        'Thành viên',
        'Công chức Tư pháp',
        '01/07/2025',
        '20/QĐ-BCĐ',
        '25/06/2025',
        '[CCHC] Rà soát thủ tục hành chính\nTham dự họp đầy đủ',
      ],
      [2, 'Người hai', b.username, 'Tổ trưởng tổ dân phố', '', '01/07/2025', '', '', ''],
    ]);
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });
    const members = (await call(ctx.app, org.seats.secretary.session, 'GET', `${org.url}/members`)).json()
      .items;
    const one = members.find((m: { userId: string }) => m.userId === a.id);
    expect(one).toMatchObject({
      role: 'member',
      startDate: '2025-07-01',
      appointingDecision: { number: '20/QĐ-BCĐ', date: '2025-06-25' },
    });
    const duties = (
      await call(ctx.app, org.seats.secretary.session, 'GET', `${org.url}/members/${one.id}/duties`)
    ).json();
    expect(duties.items).toEqual([
      expect.objectContaining({ domain: 'CCHC', text: 'Rà soát thủ tục hành chính' }),
      expect.objectContaining({ domain: null, text: 'Tham dự họp đầy đủ' }),
    ]);
  });

  it('reports every bad row with its number and writes nothing', async () => {
    const c = await createUser(ctx.db, { username: 'nhap.ba' });
    const before = await memberCount();
    const file = await workbook([
      [1, 'Người ba', c.username, 'Thành viên', 'Chuyên viên', '01/07/2025', '', '', ''],
      [2, 'Không có', 'khong.co.ai', 'Thành viên', '', '01/07/2025', '', '', ''],
      [3, 'Sai vai trò', c.username, 'Chủ tịch', '', '31/02/2025', '', '', '[XYZ] Việc lạ'],
    ]);
    const res = await upload(file);
    const problem = expectProblem(res, 422, 'import.invalidRows');
    const rowErrors = problem.rowErrors!;
    expect([...new Set(rowErrors.map((e) => e.row))]).toEqual([3, 4]); // row 2 is fine: rows count from the header (row 1)
    expect(rowErrors.find((e) => e.row === 3)?.message).toContain('khong.co.ai');
    expect(rowErrors.filter((e) => e.row === 4).map((e) => e.field)).toEqual(
      expect.arrayContaining(['Vai trò', 'Ngày bắt đầu', 'Nhiệm vụ', 'Tên đăng nhập hoặc email']),
    );
    expect(await memberCount()).toBe(before);
  });

  it('reports a second head found only when writing (database rule), and still writes nothing', async () => {
    const before = await memberCount();
    const file = await workbook([
      [
        1,
        'Trưởng Ban thứ hai',
        (await createUser(ctx.db)).username,
        'Trưởng Ban',
        '',
        '01/07/2025',
        '',
        '',
        '',
      ],
    ]);
    const problem = expectProblem(await upload(file), 422, 'import.invalidRows');
    expect(problem.rowErrors).toEqual([
      { row: 2, field: 'Vai trò', message: 'Ban Chỉ đạo đã có Trưởng Ban' },
    ]);
    expect(await memberCount()).toBe(before);
  });

  it('refuses a file that is not a spreadsheet, and one over the size limit', async () => {
    expectProblem(
      await upload(Buffer.from('%PDF-1.7 not a spreadsheet'), 'x.xlsx'),
      415,
      'file.typeNotAllowed',
    );
    expectProblem(await upload(Buffer.alloc(80 * 1024, 1)), 413, 'file.tooLarge');
  });

  it('is refused to members who cannot manage members', async () => {
    const { payload, contentType } = multipartFile('file', 'x.xlsx', await workbook([]));
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${org.url}/members/import`,
      headers: { ...org.seats.member.session.headers, 'content-type': contentType },
      payload,
    });
    expectProblem(res, 403, 'permission.denied');
  });
});
