import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { clockAt, meetingAt, workingDay } from '../../../test/meeting-times.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';
import { localFileStore } from '../files/file-store.service.ts';
import { files } from '../files/files.schema.ts';
import { convertDocxToPdf, storeDocumentPdf } from './documents.pdf.ts';
import { documents } from './documents.schema.ts';
import { vietnameseDateLine } from './render/official-document.ts';
import { docxOf } from './rendering.service.ts';

const run = promisify(execFile);
let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
const work = mkdtempSync(path.join(tmpdir(), 'steerco-drafts-'));
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await committeeWithRoles(ctx.app, ctx.db, 'du-thao');
});
afterAll(async () => {
  await ctx.close();
  rmSync(work, { recursive: true, force: true });
});
afterEach(() => clock.setClock(TEST_NOW));

/** The meeting's day (ten working days on): its minutes and notice are issued that day. */
const MEETING_DAY = workingDay(10);
/** "ngày 05 tháng 7 năm 2026" as the documents write the meeting day. */
const MEETING_DAY_TEXT = vietnameseDateLine('X', MEETING_DAY).slice(3);

async function docx(id: string) {
  const res = await call(
    ctx.app,
    org.seats.secretary.session,
    'GET',
    `/api/v1/documents/${id}/docx`,
    undefined,
    200,
  );
  const buffer = res.rawPayload as Buffer;
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  return { buffer, xml };
}

/** The PDF text of a DOCX, through LibreOffice and pdftotext (both required: CI installs them). */
async function pdfText(buffer: Buffer, name: string): Promise<string> {
  const pdf = await convertDocxToPdf(buffer);
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, pdf);
  const { stdout } = await run('pdftotext', ['-layout', file, '-'], { timeout: 60_000 });
  return stdout.normalize('NFC').replace(/\s+/g, ' ');
}

/**
 * A meeting noticed ten working days ahead (answers open, R10); the deputy absent with an approved absence and a
 * written opinion (R12); then on the day the member and the head checked in and the secretary marked as the
 * minute-taker, minutes notes and two conclusions. The clock is left half an hour after the start.
 */
async function heldMeeting() {
  const created = (
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      '/api/v1/meetings',
      {
        committeeId: org.committee.id,
        kind: 'quarterly',
        title: 'Cuộc họp quý IV năm 2026',
        place: 'Hội trường tầng 3',
        ...meetingAt(MEETING_DAY, '14:00'),
      },
      201,
    )
  ).json();
  const url = `/api/v1/meetings/${created.id}`;
  for (const [title, takesOpinions] of [
    ['Kết quả cải cách hành chính quý IV', false],
    ['Dự thảo kế hoạch năm 2027', true],
  ] as const) {
    await call(ctx.app, org.seats.secretary.session, 'POST', `${url}/agenda`, { title, takesOpinions }, 200);
  }
  const m = (
    await call(ctx.app, org.seats.head.session, 'POST', `${url}/notice`, { lateReason: 'Họp gấp' }, 200)
  ).json();
  const seat = (userId: string) => m.attendees.find((a: { userId: string }) => a.userId === userId);
  await call(
    ctx.app,
    org.seats.deputyHead.session,
    'POST',
    `${url}/response`,
    { response: 'absent', reason: 'Đi công tác' },
    200,
  );
  await call(
    ctx.app,
    org.seats.head.session,
    'POST',
    `${url}/attendees/${seat(org.seats.deputyHead.userId).id}/decision`,
    { decision: 'approve' },
    200,
  );
  const major = m.agenda.find((a: { takesOpinions: boolean }) => a.takesOpinions);
  await call(
    ctx.app,
    org.seats.deputyHead.session,
    'POST',
    `${url}/opinions`,
    { agendaItemId: major.id, text: 'Nhất trí, đề nghị bổ sung chỉ tiêu VNeID.' },
    200,
  );
  // The day comes: check-in opens an hour before the start; the secretary takes the minutes.
  clockAt(m, -30);
  for (const role of ['head', 'member'] as const) {
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `${url}/attendees/${seat(org.seats[role].userId).id}/check-in`,
      undefined,
      200,
    );
  }
  await call(
    ctx.app,
    org.seats.secretary.session,
    'PUT',
    `${url}/minute-taker`,
    { attendeeId: seat(org.seats.secretary.userId).id },
    200,
  );
  clockAt(m, 30);
  await call(
    ctx.app,
    org.seats.secretary.session,
    'PUT',
    `${url}/minutes`,
    {
      summary: 'Cuộc họp đánh giá kết quả quý IV và cho ý kiến dự thảo kế hoạch năm 2027.',
      notes: [{ agendaItemId: m.agenda[0].id, text: 'Văn phòng báo cáo tỷ lệ hồ sơ trực tuyến đạt 85%.' }],
    },
    200,
  );
  await call(
    ctx.app,
    org.seats.secretary.session,
    'PUT',
    `${url}/conclusions`,
    {
      items: [
        { text: 'Thống nhất thông qua dự thảo kế hoạch năm 2027.', tasks: [] },
        {
          text: 'Đẩy mạnh thanh toán trực tuyến.',
          tasks: [{ title: 'Hướng dẫn người dân', leadUnitId: org.unit.id }],
        },
      ],
    },
    200,
  );
  return m;
}

describe('minutes from the meeting records (Mẫu 1.9, R5, R11, R12, R13)', () => {
  it('drafts minutes with attendance, the written opinion, notes and conclusions; THƯ KÝ and CHỦ TỌA sign', async () => {
    const m = await heldMeeting();
    const doc = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `/api/v1/meetings/${m.id}/documents`,
        { template: 'minutes' },
        201,
      )
    ).json();
    expect(doc).toMatchObject({ type: 'minutes', status: 'draft', title: 'Cuộc họp quý IV năm 2026' });
    expect(doc.secretaryName).toBe(`secretary du-thao`);
    const text = JSON.stringify(doc.body);
    expect(text).toContain('Tham dự: 3 thành viên.');
    expect(text).toContain('Thành viên Ban Chỉ đạo có mặt: 3/5');
    expect(text).toContain('Vắng có lý do (được người chủ trì đồng ý): đồng chí deputyHead du-thao');
    expect(text).toContain('Ý kiến bằng văn bản của đồng chí deputyHead du-thao (vắng mặt):');
    expect(text).not.toMatch(/\bR\d{1,2}\b/);
    expect(text).toContain('Thư ký (người ghi biên bản)');
    expect(text).toContain('Nhất trí, đề nghị bổ sung chỉ tiêu VNeID.');
    expect(text).toContain('Văn phòng báo cáo tỷ lệ hồ sơ trực tuyến đạt 85%.');
    expect(text).toContain('Thống nhất thông qua dự thảo kế hoạch năm 2027.');
    expect(text).toMatch(/Cuộc họp kết thúc vào \d{2} giờ \d{2}, ngày \d{2} tháng \d{1,2} năm \d{4}\.\/\./);

    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/documents/${doc.id}/submit`,
      undefined,
      200,
    );
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `/api/v1/documents/${doc.id}/approve`,
      undefined,
      200,
    );
    const issued = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `/api/v1/documents/${doc.id}/issue`,
        { signerMembershipId: org.seats.head.membershipId, issuedOn: MEETING_DAY },
        200,
      )
    ).json();
    expect(issued).toMatchObject({ numberText: '01/BB-BCĐ', signingCapacity: ['CHỦ TỌA'] });

    const { buffer, xml } = await docx(doc.id);
    expect(xml).toContain('Số: 01/BB-BCĐ');
    expect(xml).toContain('THƯ KÝ');
    expect(xml).toContain('CHỦ TỌA');
    // Mẫu 1.9 has no place/date line (the closing line dates the end: "… giờ 30, ngày …").
    expect(xml).not.toMatch(/[A-Za-zÀ-ỹ], ngày \d{2} tháng/);
    const pdf = await pdfText(buffer, 'minutes');
    for (const phrase of [
      'BIÊN BẢN',
      'Số: 01/BB-BCĐ',
      'Thành phần tham dự',
      'Ý kiến bằng văn bản của đồng chí deputyHead du-thao',
      'THƯ KÝ',
      'CHỦ TỌA',
      'secretary du-thao',
      'head du-thao',
      'Nơi nhận',
    ]) {
      expect(pdf).toContain(phrase);
    }
  });
});

describe('a conclusion notice generated from the meeting records (R13)', () => {
  it('issues it, converts it through LibreOffice and renders it to PNG for review against Decree 30', async () => {
    const m = await heldMeeting();
    const doc = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `/api/v1/meetings/${m.id}/documents`,
        { template: 'conclusionNotice' },
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
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `/api/v1/documents/${doc.id}/approve`,
      undefined,
      200,
    );
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/documents/${doc.id}/issue`,
      { signerMembershipId: org.seats.head.membershipId, issuedOn: MEETING_DAY },
      200,
    );
    const { buffer } = await docx(doc.id);
    const text = await pdfText(buffer, 'generated-conclusion-notice');
    expect(text).not.toContain('Ban Ban');
    for (const phrase of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 01/TB-BCĐ',
      MEETING_DAY_TEXT,
      'THÔNG BÁO',
      'Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp quý IV năm 2026',
      'Thống nhất thông qua dự thảo kế hoạch năm 2027.',
      // The roll was taken: the two members checked in and the minute-taker.
      'Tham dự: 3 thành viên.',
      'TM. BAN CHỈ ĐẠO',
      'TRƯỞNG BAN',
      'head du-thao',
      'Nơi nhận:',
      '- Lưu: VT, VP.',
    ]) {
      expect(text).toContain(phrase);
    }
    const out = path.resolve(import.meta.dirname, '../../../../../test-results/documents');
    mkdirSync(out, { recursive: true });
    await run(
      'pdftoppm',
      [
        '-png',
        '-r',
        '80',
        path.join(work, 'generated-conclusion-notice.pdf'),
        path.join(out, 'generated-conclusion-notice'),
      ],
      { timeout: 60_000 },
    );
    expect(readdirSync(out).filter((f) => f.startsWith('generated-conclusion-notice-'))).not.toEqual([]);
  });
});

describe('the PDF of an issued document', () => {
  it('is made once even when two conversions race, and never for a draft', async () => {
    const doc = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `/api/v1/committees/${org.committee.id}/documents/from-template`,
        {
          template: 'report',
          title: 'Báo cáo thử chuyển PDF',
          sections: [{ heading: 'I. KẾT QUẢ', text: 'Đạt.' }],
        },
        201,
      )
    ).json();
    const store = localFileStore(path.join(work, 'files'));
    const render = async (row: typeof documents.$inferSelect) => docxOf(ctx.db, row);
    expect(await storeDocumentPdf(ctx.db, store, doc.id, render)).toBe('skipped');
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/documents/${doc.id}/submit`,
      undefined,
      200,
    );
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `/api/v1/documents/${doc.id}/approve`,
      undefined,
      200,
    );
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/documents/${doc.id}/issue`,
      { signerMembershipId: org.seats.head.membershipId },
      200,
    );
    // Without a job queue the issue asked for nothing: no PDF yet.
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'GET', `/api/v1/documents/${doc.id}/pdf`),
      404,
      'document.pdfUnavailable',
    );
    const results = await Promise.all([
      storeDocumentPdf(ctx.db, store, doc.id, render),
      storeDocumentPdf(ctx.db, store, doc.id, render),
    ]);
    expect(results.filter((r) => r === 'stored')).toHaveLength(1);
    const [row] = await ctx.db.select().from(documents).where(eq(documents.id, doc.id));
    const pdfs = await ctx.db.select().from(files).where(eq(files.originalName, '01-BC-BCĐ.pdf'));
    expect(pdfs.map((f) => f.id)).toEqual([row!.pdfFileId]);
    expect(pdfs[0]!.mimeType).toBe('application/pdf');
    expect(await storeDocumentPdf(ctx.db, store, doc.id, render)).toBe('skipped');
  });
});

describe('plan, report and decision drafts', () => {
  const url = () => `/api/v1/committees/${org.committee.id}/documents/from-template`;

  it('drafts a plan with sections and a table of items by domain and quarter', async () => {
    const doc = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        url(),
        {
          template: 'plan',
          title: 'Kế hoạch cải cách hành chính, chuyển đổi số và Đề án 06 năm 2027',
          sections: [
            {
              heading: 'I. MỤC ĐÍCH, YÊU CẦU',
              text: 'Nâng cao chất lượng phục vụ người dân.\nGắn trách nhiệm người đứng đầu.',
            },
          ],
          items: [
            {
              domain: 'Cải cách hành chính',
              quarter: 1,
              title: 'Rà soát thủ tục hành chính',
              lead: 'Văn phòng UBND phường',
              cooperating: 'Bộ phận Một cửa',
              product: 'Báo cáo rà soát',
              deadline: '2027-03-31',
            },
            { domain: 'Đề án 06', quarter: 2, title: 'Làm sạch dữ liệu dân cư', lead: 'Công an phường' },
          ],
        },
        201,
      )
    ).json();
    expect(doc).toMatchObject({ type: 'plan', status: 'draft' });
    const table = doc.body.find((b: { type: string }) => b.type === 'table');
    expect(table.columns).toEqual(['TT', 'Nội dung nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Sản phẩm', 'Thời hạn']);
    expect(table.rows).toEqual([
      ['I', 'CẢI CÁCH HÀNH CHÍNH', '', '', '', ''],
      [
        '1',
        'Rà soát thủ tục hành chính',
        'Văn phòng UBND phường',
        'Bộ phận Một cửa',
        'Báo cáo rà soát',
        'Quý I, 31/03/2027',
      ],
      ['II', 'ĐỀ ÁN 06', '', '', '', ''],
      ['1', 'Làm sạch dữ liệu dân cư', 'Công an phường', '', '', 'Quý II'],
    ]);
    const { buffer, xml } = await docx(doc.id);
    // A ruled table with a repeated header row, 12 pt, fixed widths over the 165 mm text width.
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:tblBorders>|<w:tcBorders>/);
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    // Header (2 columns), the plan's table (6), the foot (2).
    expect(grid.slice(-8, -2).reduce((a, b) => a + b, 0)).toBe(9355);
    expect(xml).toContain('<w:sz w:val="24"/>');
    const pdf = await pdfText(buffer, 'plan');
    for (const phrase of [
      'KẾ HOẠCH',
      'Số: /KH-BCĐ',
      'MỤC ĐÍCH, YÊU CẦU',
      'Rà soát thủ tục',
      'Làm sạch dữ liệu',
      'CẢI CÁCH HÀNH CHÍNH',
      'Chủ trì',
      'Phối hợp',
      'Nơi nhận',
    ]) {
      expect(pdf).toContain(phrase);
    }
  });

  it('drafts a report with sections and an optional table', async () => {
    const doc = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        url(),
        {
          template: 'report',
          title: 'Kết quả thực hiện nhiệm vụ quý IV năm 2026',
          sections: [{ heading: 'I. KẾT QUẢ ĐẠT ĐƯỢC', text: 'Tỷ lệ hồ sơ trực tuyến đạt 85%.' }],
          table: { columns: ['STT', 'Chỉ tiêu', 'Kết quả'], rows: [['1', 'Hồ sơ trực tuyến', '85%']] },
        },
        201,
      )
    ).json();
    expect(doc.type).toBe('report');
    const { buffer } = await docx(doc.id);
    const pdf = await pdfText(buffer, 'report');
    for (const phrase of [
      'BÁO CÁO',
      'Kết quả thực hiện nhiệm vụ quý IV năm 2026',
      'KẾT QUẢ ĐẠT ĐƯỢC',
      'Hồ sơ trực tuyến 85%',
    ]) {
      expect(pdf).toContain(phrase);
    }
  });

  it('drafts a decision as in seed 000: authority, căn cứ, "QUYẾT ĐỊNH:", Điều 1..n ending "./."', async () => {
    const doc = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        url(),
        {
          template: 'decision',
          title: 'Ban hành Quy chế hoạt động của Ban Chỉ đạo',
          bases: [
            'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015',
            'Căn cứ Quyết định số 51/QĐ-UBND ngày 06/3/2024 của UBND phường',
          ],
          proposal: 'Văn phòng UBND phường',
          articles: [
            { text: 'Ban hành kèm theo Quyết định này Quy chế hoạt động của Ban Chỉ đạo.' },
            { text: 'Quyết định này có hiệu lực kể từ ngày ký.' },
            { text: 'Các thành viên Ban Chỉ đạo chịu trách nhiệm thi hành Quyết định này.' },
          ],
        },
        201,
      )
    ).json();
    expect(doc.body.slice(0, 3)).toEqual([
      {
        type: 'heading',
        text: `BAN CHỈ ĐẠO ${org.committee.name.toUpperCase()}`.replace(
          /^BAN CHỈ ĐẠO BAN CHỈ ĐẠO/,
          'BAN CHỈ ĐẠO',
        ),
      },
      {
        type: 'basis',
        lines: [
          'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015',
          'Căn cứ Quyết định số 51/QĐ-UBND ngày 06/3/2024 của UBND phường',
          'Theo đề nghị của Văn phòng UBND phường',
        ],
      },
      { type: 'heading', text: 'QUYẾT ĐỊNH:' },
    ]);
    expect(doc.body.at(-1)).toEqual({
      type: 'article',
      number: 3,
      text: 'Các thành viên Ban Chỉ đạo chịu trách nhiệm thi hành Quyết định này./.',
    });
    expect(doc.recipients).toEqual(['Như Điều 3', 'Lưu: VT, VP']);
    const { buffer, xml } = await docx(doc.id);
    // Căn cứ italic, ";" between and "." last; "Điều 1." bold.
    expect(xml).toMatch(/<w:i\/>[\s\S]{0,200}Căn cứ Luật Tổ chức chính quyền địa phương ngày 19\/6\/2015;/);
    expect(xml).toContain('Theo đề nghị của Văn phòng UBND phường.');
    expect(xml).toMatch(/<w:b\/>[\s\S]{0,200}Điều 1\./);
    const pdf = await pdfText(buffer, 'decision');
    for (const phrase of [
      'QUYẾT ĐỊNH',
      'Số: /QĐ-BCĐ',
      'QUYẾT ĐỊNH:',
      'Điều 1. Ban hành kèm theo',
      'Điều 3.',
      '- Như Điều 3;',
      'Nơi nhận',
    ]) {
      expect(pdf).toContain(phrase);
    }
  });

  it('refuses a decision without căn cứ or articles, a plan item without a lead, and plain members', async () => {
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', url(), {
        template: 'decision',
        title: 'Quyết định',
        bases: [],
        articles: [],
      }),
      400,
      'request.validation',
    );
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', url(), {
        template: 'plan',
        title: 'Kế hoạch',
        items: [{ domain: 'CCHC', title: 'Việc' }],
      }),
      400,
      'request.validation',
    );
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', url(), {
        template: 'report',
        title: 'Báo cáo',
      }),
      403,
      'permission.denied',
    );
    const list = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'GET',
        `/api/v1/documents?committeeId=${org.committee.id}&q=${encodeURIComponent('Kế hoạch')}&type=plan`,
        undefined,
        200,
      )
    ).json();
    expect(list.items).toHaveLength(1);
  });

  it('previews a draft as escaped HTML from the same model', async () => {
    const doc = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        url(),
        {
          template: 'report',
          title: 'Báo cáo <script>alert(1)</script>',
          sections: [{ heading: 'I. KẾT QUẢ', text: 'Đạt <b>85%</b>' }],
        },
        201,
      )
    ).json();
    const { html } = (
      await call(
        ctx.app,
        org.seats.member.session,
        'GET',
        `/api/v1/documents/${doc.id}/preview`,
        undefined,
        200,
      )
    ).json();
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html).toContain('BÁO CÁO');
    expect(html).toContain('Số: ');
    expect(html).toContain('DỰ THẢO');
    // A draft keeps the blanks of its number and date, as the DOCX does (kept by white-space: pre-wrap).
    expect(html).toContain('Số:      /BC-BCĐ');
    expect(html).toMatch(/ngày {5}tháng {5}năm \d{4}/);
    expect(html).toContain('Báo cáo &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Đạt &lt;b&gt;85%&lt;/b&gt;');
    expect(html).not.toContain('<script');
    expect(html).toContain('Nơi nhận:');
  });
});
