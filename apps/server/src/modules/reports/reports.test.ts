import { addDays } from '@steerco/calendar';
import { DEFAULT_REPORT_FIELDS, DEFAULT_REPORT_OUTLINE } from '@steerco/contract/reports';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { login, type Session } from '../../../test/factories.ts';
import { call } from '../../../test/org-fixtures.ts';
import { today } from '../../clock.ts';
import { DEMO_PASSWORD } from '../../seed/demo.ts';

// R16: regimes issued down the hierarchy, reports drafted from the records, submitted, returned, accepted, rolled up.

let ctx: TestContext;
const s = {} as Record<'haDong' | 'haNoi' | 'vanQuan' | 'moLao' | 'phucLa' | 'binhDinh' | 'member', Session>;
const committee = {} as Record<'haDong' | 'haNoi' | 'vanQuan' | 'phucLa', string>;

beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  await ctx.db.execute(sql`update users set must_change_password = false`);
  const as = (u: string) => login(ctx.app, u, DEMO_PASSWORD);
  const users = {
    haDong: 'quan.hd',
    haNoi: 'tp.hn',
    vanQuan: 'vq.hd',
    moLao: 'ml.hd',
    phucLa: 'huan.vt',
    binhDinh: 'bd.01',
    member: 'anh.tp',
  } as const;
  for (const [key, username] of Object.entries(users)) s[key as keyof typeof users] = await as(username);
  const ids = await ctx.db.execute<{ short_name: string; id: string }>(
    sql`select short_name, id from committees where status = 'active'`,
  );
  const id = (n: string) => ids.rows.find((r) => r.short_name === n)!.id;
  committee.haDong = id('BCĐ quận Hà Đông');
  committee.haNoi = id('BCĐ thành phố Hà Nội');
  committee.vanQuan = id('BCĐ phường Văn Quán');
  committee.phucLa = id('BCĐ phường Phúc La');
});
afterAll(() => ctx.close());

const count = async (table: string) =>
  (await ctx.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`))).rows[0]!.n;

const regimeBody = (over: Record<string, unknown> = {}) => ({
  name: 'Báo cáo quý về CCHC, CĐS và Đề án 06',
  frequency: 'quarterly',
  outline: DEFAULT_REPORT_OUTLINE,
  fields: DEFAULT_REPORT_FIELDS,
  cutoffDay: 15,
  deadline: { kind: 'dayOfMonth', day: 20 },
  fromYear: Number(today().slice(0, 4)),
  ...over,
});

/** The window every figure below is checked on: the 60 days before today (an ad hoc request, open at once). */
const win = () => ({ from: addDays(today(), -60), to: addDays(today(), -1) });

/** Independent counts of the same window, written here without the modules' queries. */
async function independentCounts(committeeId: string, from: string, to: string) {
  const one = async (q: ReturnType<typeof sql>) => (await ctx.db.execute<{ n: number }>(q)).rows[0]!.n;
  const held = sql`committee_id = ${committeeId} and status in ('held','closed')
    and (starts_at at time zone 'Asia/Ho_Chi_Minh')::date between ${from}::date and ${to}::date`;
  return {
    meetingsHeld: await one(sql`select count(*)::int as n from meetings where ${held}`),
    meetingsNoticed: await one(
      sql`select count(*)::int as n from meetings where ${held} and notice_sent_at is not null and not recorded_afterwards`,
    ),
    noticesOnTime: await one(
      sql`select count(*)::int as n from meetings where ${held} and notice_sent_at is not null and not recorded_afterwards and late_notice_reason is null`,
    ),
    conclusionsIssued: await one(
      sql`select count(*)::int as n from conclusions c join meetings m on m.id = c.meeting_id where m.committee_id = ${committeeId} and m.status in ('held','closed') and (m.starts_at at time zone 'Asia/Ho_Chi_Minh')::date between ${from}::date and ${to}::date`,
    ),
    tasksAssigned: await one(
      sql`select count(*)::int as n from tasks where committee_id = ${committeeId} and source_date between ${from}::date and ${to}::date`,
    ),
    tasksDoneOnTime: await one(
      sql`select count(*)::int as n from tasks where committee_id = ${committeeId} and status = 'done' and completed_on between ${from}::date and ${to}::date and completed_on <= deadline`,
    ),
    tasksDoneLate: await one(
      sql`select count(*)::int as n from tasks where committee_id = ${committeeId} and status = 'done' and completed_on between ${from}::date and ${to}::date and completed_on > deadline`,
    ),
    tasksOverdue: await one(
      sql`select count(*)::int as n from tasks where committee_id = ${committeeId} and source_date <= ${to}::date and status <> 'cancelled' and not (status = 'done' and completed_on <= ${to}::date) and deadline < ${to}::date`,
    ),
    tasksOpen: await one(
      sql`select count(*)::int as n from tasks where committee_id = ${committeeId} and source_date <= ${to}::date and status <> 'cancelled' and not (status = 'done' and completed_on <= ${to}::date) and deadline >= ${to}::date`,
    ),
    documentsIssued: await one(
      sql`select count(*)::int as n from documents where committee_id = ${committeeId} and direction = 'outgoing' and status = 'issued' and issued_on between ${from}::date and ${to}::date`,
    ),
  };
}

interface ReportDto {
  id: string;
  status: string;
  version: number;
  late: boolean;
  documentId: string | null;
  returnComment: string | null;
  figures: {
    key: string;
    value: number | null;
    computed: number | null;
    override: { note: string } | null;
  }[];
  narrative: { heading: string; text: string }[];
  versions: { version: number; outcome: string | null }[];
  myRights: string[];
  period: { id: string; from: string; to: string };
}
const figureOf = (r: ReportDto, key: string) => r.figures.find((f) => f.key === key)!.value;

let regimeId: string;
let adHocPeriodId: string;
let report: ReportDto;

describe('report regimes', () => {
  it('offers the figures of every source wired at start-up (meetings, tasks, documents, committees, indicators)', async () => {
    const res = (
      await call(ctx.app, s.haDong, 'GET', '/api/v1/report-figure-sources', undefined, 200)
    ).json();
    expect(res.items.map((i: { source: string }) => i.source)).toEqual([
      'meetings',
      'tasks',
      'documents',
      'committees',
      'indicators',
    ]);
    expect(res.items[1].keys).toContain('tasks.overdue');
    // R19: this year's indicators, by code.
    expect(res.items[4].keys).toContain('indicators.DA06.VNEID');
  });

  it('lets the level above issue a regime to its wards, with the periods of two years', async () => {
    const regime = (
      await call(
        ctx.app,
        s.haDong,
        'POST',
        `/api/v1/committees/${committee.haDong}/report-regimes`,
        regimeBody(),
        201,
      )
    ).json();
    regimeId = regime.id;
    expect(regime.reporters.map((r: { name: string }) => r.name).sort()).toHaveLength(5);
    expect(regime.reporters.map((r: { committeeId: string }) => r.committeeId)).toContain(committee.phucLa);
    const periods = (
      await call(ctx.app, s.phucLa, 'GET', `/api/v1/report-regimes/${regimeId}/periods`, undefined, 200)
    ).json().items as { label: string; from: string; to: string; deadline: string }[];
    expect(periods).toHaveLength(8);
    const year = Number(today().slice(0, 4));
    expect(periods[3]).toMatchObject({ label: `Quý IV/${year}`, from: `${year}-09-15`, to: `${year}-12-14` });
    // The wards see it among the regimes they report under; the sample ones are there too.
    const mine = (
      await call(
        ctx.app,
        s.phucLa,
        'GET',
        `/api/v1/committees/${committee.phucLa}/report-regimes`,
        undefined,
        200,
      )
    ).json();
    expect(mine.items.length).toBeGreaterThanOrEqual(4);
    expect(mine.items.filter((r: { isSample: boolean }) => r.isSample)).toHaveLength(3);
  });

  it('refuses bad input with a problem and writes nothing', async () => {
    const before = [await count('report_regimes'), await count('report_periods')];
    const url = `/api/v1/committees/${committee.haDong}/report-regimes`;
    const post = (body: unknown, session = s.haDong) =>
      ctx.app.inject({ method: 'POST', url, headers: session.headers, payload: body as object });
    expectProblem(await post(regimeBody({ colour: 'red' })), 400, 'request.validation');
    expectProblem(await post(regimeBody({ cutoffDay: 'fifteen' })), 400, 'request.validation');
    expectProblem(
      await post(
        regimeBody({ fields: [{ key: 'x', label: 'X', type: 'integer', rollup: 'sum', colour: 1 }] }),
      ),
      400,
      'request.validation',
    );
    expectProblem(
      await post(regimeBody({ deadline: { kind: 'dayOfMonth', day: 10 } })),
      422,
      'report.deadlineBeforeCutoff',
    );
    expectProblem(
      await post(
        regimeBody({
          fields: [{ key: 'x', label: 'X', type: 'integer', rollup: 'sum', source: 'nothing.here' }],
        }),
      ),
      422,
      'report.invalidFields',
    );
    expectProblem(
      await post(
        regimeBody({ fields: [{ key: 'r', label: 'R', type: 'percent', rollup: 'ratio', numerator: 'a' }] }),
      ),
      422,
      'report.invalidFields',
    );
    // A ward has no committee below; a member may not issue; another province's head does not see Hà Đông.
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/committees/${committee.vanQuan}/report-regimes`,
        headers: s.vanQuan.headers,
        payload: regimeBody(),
      }),
      422,
      'report.noReporters',
    );
    expectProblem(await post(regimeBody(), s.binhDinh), 404, 'committee.notFound');
    expect([await count('report_regimes'), await count('report_periods')]).toEqual(before);
  });

  it('sends an ad hoc request to every reporter at once; a deadline before the cut-off is refused', async () => {
    const url = `/api/v1/report-regimes/${regimeId}/ad-hoc`;
    const before = await count('report_periods');
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url,
        headers: s.haDong.headers,
        payload: { label: 'Đột xuất', ...win(), deadline: addDays(win().to, -1) },
      }),
      422,
      'report.deadlineBeforeCutoff',
    );
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url,
        headers: s.vanQuan.headers,
        payload: { label: 'Đột xuất', ...win(), deadline: addDays(today(), 5) },
      }),
      404,
      'report.regimeNotFound',
    );
    expect(await count('report_periods')).toBe(before);
    const period = (
      await call(
        ctx.app,
        s.haDong,
        'POST',
        url,
        { label: 'Báo cáo đột xuất 60 ngày', ...win(), deadline: addDays(today(), 5) },
        201,
      )
    ).json();
    adHocPeriodId = period.id;
    for (const [session, id] of [
      [s.vanQuan, committee.vanQuan],
      [s.phucLa, committee.phucLa],
    ] as const) {
      const due = (
        await call(ctx.app, session, 'GET', `/api/v1/committees/${id}/reports/due`, undefined, 200)
      ).json();
      expect(due.items.find((d: { period: { id: string } }) => d.period.id === period.id)).toMatchObject({
        status: 'notStarted',
        late: false,
      });
    }
  });
});

describe('a report drafted from the records', () => {
  it('pre-fills figures equal to independent counts of exactly the window', async () => {
    report = (
      await call(
        ctx.app,
        s.vanQuan,
        'POST',
        `/api/v1/report-periods/${adHocPeriodId}/reports`,
        { reporterCommitteeId: committee.vanQuan },
        200,
      )
    ).json();
    const expected = await independentCounts(committee.vanQuan, win().from, win().to);
    for (const [key, n] of Object.entries(expected)) expect([key, figureOf(report, key)]).toEqual([key, n]);
    // The sample ward has meetings and tasks in the window: the check is not of zeros.
    expect(expected.meetingsHeld).toBeGreaterThan(0);
    expect(expected.tasksAssigned + expected.tasksOverdue).toBeGreaterThan(0);
    expect(figureOf(report, 'noticeOnTimeRate')).toBe(
      expected.meetingsNoticed
        ? Math.round((expected.noticesOnTime / expected.meetingsNoticed) * 1000) / 10
        : null,
    );
    expect(report.narrative[0]!.text).toContain(`đã tổ chức ${expected.meetingsHeld} cuộc họp`);
    expect(report.myRights).toEqual(['edit', 'submit']);
    // Opening it again gives the same report.
    const again = (
      await call(
        ctx.app,
        s.vanQuan,
        'POST',
        `/api/v1/report-periods/${adHocPeriodId}/reports`,
        {
          reporterCommitteeId: committee.vanQuan,
        },
        200,
      )
    ).json();
    expect(again.id).toBe(report.id);
  });

  it('lists the records behind a figure (the drill-down)', async () => {
    for (const key of ['meetingsHeld', 'tasksOverdue', 'conclusionsIssued']) {
      const list = (
        await call(ctx.app, s.vanQuan, 'GET', `/api/v1/reports/${report.id}/figures/${key}`, undefined, 200)
      ).json();
      expect(list.items).toHaveLength(figureOf(report, key)!);
    }
    // The recipient drills down too.
    await call(ctx.app, s.haDong, 'GET', `/api/v1/reports/${report.id}/figures/tasksOpen`, undefined, 200);
  });

  it('takes an override only with a note, and only for a field of the table; nothing written otherwise', async () => {
    const url = `/api/v1/reports/${report.id}`;
    const patch = (payload: unknown) =>
      ctx.app.inject({ method: 'PATCH', url, headers: s.vanQuan.headers, payload: payload as object });
    const before = (
      await ctx.db.execute(sql`select overrides, updated_at from reports where id = ${report.id}`)
    ).rows;
    expectProblem(await patch({ overrides: { tasksAssigned: { value: 9 } } }), 400, 'request.validation');
    expectProblem(
      await patch({ overrides: { tasksAssigned: { value: 9, note: '' } } }),
      400,
      'request.validation',
    );
    expectProblem(
      await patch({ overrides: { tasksAssigned: { value: 'nine', note: 'x' } } }),
      400,
      'request.validation',
    );
    expectProblem(await patch({ overrides: { nope: { value: 1, note: 'x' } } }), 422, 'report.unknownField');
    expectProblem(
      await patch({ overrides: { tasksAssigned: { value: 1.5, note: 'x' } } }),
      422,
      'report.unknownField',
    );
    expectProblem(
      await patch({ narrative: [{ heading: 'Không có', text: 'x' }] }),
      422,
      'report.unknownSection',
    );
    expect(
      (await ctx.db.execute(sql`select overrides, updated_at from reports where id = ${report.id}`)).rows,
    ).toEqual(before);
    report = (
      await call(
        ctx.app,
        s.vanQuan,
        'PATCH',
        url,
        {
          overrides: {
            onlineApplicationsRate: { value: 87.5, note: 'Theo Hệ thống giải quyết TTHC của thành phố' },
          },
          narrative: [{ heading: DEFAULT_REPORT_OUTLINE[1], text: 'Một số nhiệm vụ Đề án 06 chậm tiến độ.' }],
        },
        200,
      )
    ).json();
    expect(report.figures.find((f) => f.key === 'onlineApplicationsRate')).toMatchObject({
      value: 87.5,
      computed: null,
      override: { note: 'Theo Hệ thống giải quyết TTHC của thành phố' },
    });
    expect(report.narrative[1]!.text).toBe('Một số nhiệm vụ Đề án 06 chậm tiến độ.');
    expect(report.narrative[0]!.text).not.toBe('');
  });

  it('hides a ward’s report from another province and from a sibling ward (404), and from writes (404)', async () => {
    for (const session of [s.binhDinh, s.moLao]) {
      expectProblem(
        await ctx.app.inject({
          method: 'GET',
          url: `/api/v1/reports/${report.id}`,
          headers: session.headers,
        }),
        404,
        'report.notFound',
      );
      expectProblem(
        await ctx.app.inject({
          method: 'POST',
          url: `/api/v1/reports/${report.id}/submit`,
          headers: session.headers,
        }),
        404,
        'report.notFound',
      );
      expectProblem(
        await ctx.app.inject({
          method: 'POST',
          url: `/api/v1/report-periods/${adHocPeriodId}/reports`,
          headers: session.headers,
          payload: { reporterCommitteeId: committee.vanQuan },
        }),
        404,
        'report.notFound',
      );
      expectProblem(
        await ctx.app.inject({
          method: 'GET',
          url: `/api/v1/report-periods/${adHocPeriodId}/rollup`,
          headers: session.headers,
        }),
        404,
        'report.periodNotFound',
      );
    }
    // A plain member of Phúc La may read Phúc La's reports but not open one (403).
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/report-periods/${adHocPeriodId}/reports`,
        headers: s.member.headers,
        payload: { reporterCommitteeId: committee.phucLa },
      }),
      403,
      'permission.denied',
    );
  });

  it('refuses a period that is not open yet', async () => {
    const periods = (
      await call(ctx.app, s.phucLa, 'GET', `/api/v1/report-regimes/${regimeId}/periods`, undefined, 200)
    ).json().items as { id: string; opensOn: string }[];
    const future = periods.find((p) => p.opensOn > today())!;
    const before = await count('reports');
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/report-periods/${future.id}/reports`,
        headers: s.phucLa.headers,
        payload: { reporterCommitteeId: committee.phucLa },
      }),
      422,
      'report.periodNotOpen',
    );
    expect(await count('reports')).toBe(before);
  });
});

describe('submission, return, versions and acceptance', () => {
  it('submits once (a second time → 409), with the Báo cáo drafted in the ward’s register', async () => {
    report = (
      await call(ctx.app, s.vanQuan, 'POST', `/api/v1/reports/${report.id}/submit`, undefined, 200)
    ).json();
    expect(report).toMatchObject({ status: 'submitted', version: 1, late: false, myRights: [] });
    expect(report.documentId).not.toBeNull();
    const doc = (
      await call(ctx.app, s.vanQuan, 'GET', `/api/v1/documents/${report.documentId}`, undefined, 200)
    ).json();
    expect(doc).toMatchObject({ type: 'report', status: 'draft', committeeId: committee.vanQuan });
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/reports/${report.id}/submit`,
        headers: s.vanQuan.headers,
      }),
      409,
      'report.alreadySubmitted',
    );
    expectProblem(
      await ctx.app.inject({
        method: 'PATCH',
        url: `/api/v1/reports/${report.id}`,
        headers: s.vanQuan.headers,
        payload: { narrative: [] },
      }),
      409,
      'report.alreadySubmitted',
    );
    // The reporter cannot decide on its own report.
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/reports/${report.id}/decision`,
        headers: s.vanQuan.headers,
        payload: { outcome: 'accept' },
      }),
      403,
      'permission.denied',
    );
  });

  it('is returned with a comment, edited and sent again as version 2, then accepted', async () => {
    const url = `/api/v1/reports/${report.id}/decision`;
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url,
        headers: s.haDong.headers,
        payload: { outcome: 'return' },
      }),
      400,
      'request.validation',
    );
    const seen = (
      await call(ctx.app, s.haDong, 'GET', `/api/v1/reports/${report.id}`, undefined, 200)
    ).json();
    expect(seen.myRights).toEqual(['decide']);
    // The override and its note are visible to the recipient.
    expect(
      seen.figures.find((f: { key: string }) => f.key === 'onlineApplicationsRate').override.note,
    ).toContain('TTHC');
    report = (
      await call(
        ctx.app,
        s.haDong,
        'POST',
        url,
        { outcome: 'return', comment: 'Bổ sung nguyên nhân chậm.' },
        200,
      )
    ).json();
    expect(report).toMatchObject({ status: 'returned', returnComment: 'Bổ sung nguyên nhân chậm.' });
    await call(
      ctx.app,
      s.vanQuan,
      'PATCH',
      `/api/v1/reports/${report.id}`,
      { narrative: [{ heading: DEFAULT_REPORT_OUTLINE[1], text: 'Nguyên nhân: thiếu nhân lực.' }] },
      200,
    );
    report = (
      await call(ctx.app, s.vanQuan, 'POST', `/api/v1/reports/${report.id}/submit`, undefined, 200)
    ).json();
    expect(report).toMatchObject({ status: 'submitted', version: 2 });
    report = (await call(ctx.app, s.haDong, 'POST', url, { outcome: 'accept' }, 200)).json();
    expect(report.status).toBe('accepted');
    expect(report.versions).toEqual([
      expect.objectContaining({ version: 1, outcome: 'returned' }),
      expect.objectContaining({ version: 2, outcome: 'accepted' }),
    ]);
    expectProblem(
      await ctx.app.inject({
        method: 'POST',
        url,
        headers: s.haDong.headers,
        payload: { outcome: 'accept' },
      }),
      409,
      'report.wrongState',
    );
    const snapshots = await ctx.db.execute<{ version: number; text: string }>(
      sql`select version, snapshot->'narrative'->1->>'text' as text from report_versions where report_id = ${report.id} order by version`,
    );
    expect(snapshots.rows.map((r) => r.text)).toEqual([
      'Một số nhiệm vụ Đề án 06 chậm tiến độ.',
      'Nguyên nhân: thiếu nhân lực.',
    ]);
  });
});

describe('rollup', () => {
  it('shows reporters × fields with the totals by rule, who is missing, and exports it to Excel', async () => {
    const grid = (
      await call(ctx.app, s.haDong, 'GET', `/api/v1/report-periods/${adHocPeriodId}/rollup`, undefined, 200)
    ).json();
    expect(grid.counts).toEqual({ reporters: 5, submitted: 1, missing: 4, late: 0 });
    const vq = grid.rows.find(
      (r: { reporterCommitteeId: string }) => r.reporterCommitteeId === committee.vanQuan,
    );
    expect(vq).toMatchObject({ status: 'accepted', reportId: report.id });
    expect(grid.totals.tasksAssigned).toBe(figureOf(report, 'tasksAssigned'));
    expect(grid.totals.onlineApplicationsRate).toBe(87.5);
    // Drafts and missing reports show no values.
    expect(
      grid.rows
        .filter((r: { status: string }) => r.status === 'notStarted')
        .every((r: { values: object }) => Object.values(r.values).every((v) => v === null)),
    ).toBe(true);

    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/report-periods/${adHocPeriodId}/rollup.xlsx`,
      headers: s.haDong.headers,
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toContain('TỔNG HỢP BÁO CÁO');
    expect(sheet.getRow(3).getCell(2).value).toBe('Đơn vị báo cáo');
    expect(sheet.rowCount).toBe(3 + 5 + 1);
  });

  it('drafts the level above’s own upward report from what its wards sent plus its own records', async () => {
    // Hà Nội asks Hà Đông for the same window; Hà Đông's summed fields add Văn Quán's accepted figures.
    const regime = (
      await call(
        ctx.app,
        s.haNoi,
        'POST',
        `/api/v1/committees/${committee.haNoi}/report-regimes`,
        regimeBody({ name: 'Báo cáo của quận' }),
        201,
      )
    ).json();
    const period = (
      await call(
        ctx.app,
        s.haNoi,
        'POST',
        `/api/v1/report-regimes/${regime.id}/ad-hoc`,
        { label: 'Đột xuất', ...win(), deadline: addDays(today(), 5) },
        201,
      )
    ).json();
    const own = await independentCounts(committee.haDong, win().from, win().to);
    const upward = (
      await call(
        ctx.app,
        s.haDong,
        'POST',
        `/api/v1/report-periods/${period.id}/reports`,
        { reporterCommitteeId: committee.haDong },
        200,
      )
    ).json();
    for (const key of ['meetingsHeld', 'tasksAssigned', 'tasksOverdue', 'conclusionsIssued'])
      expect([key, figureOf(upward, key)]).toEqual([
        key,
        own[key as keyof typeof own] + figureOf(report, key)!,
      ]);
    expect(figureOf(upward, 'onlineApplicationsRate')).toBe(87.5);
  });
});
