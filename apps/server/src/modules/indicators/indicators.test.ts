import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { multipartFile, type Session, signedInUser } from '../../../test/factories.ts';
import { call } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';
import { addSeat, type TaskOrg, taskOrg } from '../tasks/tasks.fixtures.ts';
import { aggregateOf, clampToUnit, combine, lightOf, projectYearEnd, single } from './calc.ts';

// R19: the catalogue, targets and actuals, aggregation up the hierarchy, the projection, the XLSX import.

const year = () => Number(clock.today().slice(0, 4));

describe('arithmetic (pure)', () => {
  it('projects the year end: linear, flat, seasonal — as computed by hand', () => {
    // Linear: 40, 50, 60 in Q1–Q3 → slope 10 → Q4 = 70.
    expect(
      projectYearEnd(
        [
          { period: 1, value: 40 },
          { period: 2, value: 50 },
          { period: 3, value: 60 },
        ],
        4,
      ),
    ).toBeCloseTo(70, 10);
    // Least squares through (1,10), (2,14), (3,15): mean x 2, mean y 13, slope (−3·−1 + 0 + 2·1)/2 = 2.5 → 13 + 2.5·2 = 18.
    expect(
      projectYearEnd(
        [
          { period: 1, value: 10 },
          { period: 2, value: 14 },
          { period: 3, value: 15 },
        ],
        4,
      ),
    ).toBeCloseTo(18, 10);
    // Flat: 80 every month → 80 at month 12; one point stays where it is.
    expect(
      projectYearEnd(
        [1, 2, 3, 4, 5].map((p) => ({ period: p, value: 80 })),
        12,
      ),
    ).toBeCloseTo(80, 10);
    expect(projectYearEnd([{ period: 2, value: 33 }], 4)).toBe(33);
    // Seasonal: last year Q2 = 50 and Q4 = 90 (a year-end push of +40); this year Q2 = 55 → 95.
    const lastYear = new Map([
      [1, 30],
      [2, 50],
      [3, 55],
      [4, 90],
    ]);
    expect(
      projectYearEnd(
        [
          { period: 1, value: 35 },
          { period: 2, value: 55 },
        ],
        4,
        lastYear,
      ),
    ).toBe(95);
    // The final period is the year's value.
    expect(projectYearEnd([{ period: 4, value: 61 }], 4, lastYear)).toBe(61);
    expect(projectYearEnd([], 4)).toBeNull();
  });

  it('keeps a projection inside its unit: a percentage never above 100 (R19)', () => {
    // 70, 85, 95 in Q1–Q3: slope 12.5 → the line reads 108.33 at Q4; a percentage stops at 100.
    const rising = [
      { period: 1, value: 70 },
      { period: 2, value: 85 },
      { period: 3, value: 95 },
    ];
    expect(projectYearEnd(rising, 4)).toBeCloseTo(108.33, 2);
    expect(clampToUnit(projectYearEnd(rising, 4), 'percent')).toBe(100);
    // Falling counts stop at 0; points at the criterion's maximum; yes/no between 0 and 1.
    expect(clampToUnit(-3.5, 'count')).toBe(0);
    expect(clampToUnit(12.4, 'count')).toBe(12.4);
    expect(clampToUnit(7.2, 'points', 5)).toBe(5);
    expect(clampToUnit(7.2, 'points')).toBe(7.2);
    expect(clampToUnit(1.4, 'boolean')).toBe(1);
    expect(clampToUnit(64.5, 'percent')).toBe(64.5);
    expect(clampToUnit(null, 'percent')).toBeNull();
  });

  it('aggregates by each rule and lights the traffic light', () => {
    const c = combine([single(10, 100, true), single(20, 300, false), single(60, 0, true)]);
    expect(aggregateOf('sum', c)).toBe(90);
    expect(aggregateOf('average', c)).toBe(30);
    expect(aggregateOf('weightedAverage', c)).toBe((10 * 100 + 20 * 300) / 400);
    expect(aggregateOf('min', c)).toBe(10);
    expect(aggregateOf('max', c)).toBe(60);
    expect(aggregateOf('shareMeeting', c)).toBeCloseTo(200 / 3, 10);
    expect(aggregateOf('sum', combine([]))).toBeNull();
    // Target 80: projection 75 is 6.25 % short → at risk, with the warning; 60 → off track; 85 → on track.
    expect(lightOf(70, 80, 75, 'higher')).toEqual({ light: 'atRisk', warning: true, meets: false });
    expect(lightOf(55, 80, 60, 'higher')).toMatchObject({ light: 'offTrack', warning: true });
    expect(lightOf(70, 80, 85, 'higher')).toMatchObject({ light: 'meets', warning: false });
    expect(lightOf(3, 2, 4, 'lower')).toMatchObject({ light: 'offTrack', warning: true });
    expect(lightOf(null, 80, null, 'higher').light).toBe('noData');
    expect(lightOf(70, null, 75, 'higher').light).toBe('noTarget');
  });
});

// Many API calls per test: on a loaded machine they take longer than the default 30 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let ctx: TestContext;
let admin: Session;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  admin = (await signedInUser(ctx.app, ctx.db, { systemRole: 'systemAdmin' })).session;
});
afterAll(() => ctx.close());

const api = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, status?: number) =>
  call(ctx.app, s, method, `/api/v1${url}`, body, status);

interface Ind {
  id: string;
  code: string;
}
async function framework(code: string, y: number, indicators: Record<string, unknown>[], domain = 'CCHC') {
  const fw = (
    await api(
      admin,
      'POST',
      '/indicator-frameworks',
      {
        code,
        name: `Bộ chỉ số thử ${code}`,
        year: y,
        groups: [
          { code: `${code}.G`, name: 'Nhóm thử', indicators: indicators.map((i) => ({ domain, ...i })) },
        ],
      },
      201,
    )
  ).json() as { groups: { indicators: Ind[] }[] };
  return Object.fromEntries(fw.groups[0]!.indicators.map((i) => [i.code, i])) as Record<string, Ind>;
}

async function xlsx(rows: unknown[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Số liệu');
  sheet.addRow(['STT', 'Ban Chỉ đạo / đơn vị', 'Mã chỉ số', 'Năm', 'Kỳ', 'Giá trị', 'Ghi chú']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}
async function importXlsx(s: Session, committeeId: string, rows: unknown[][]) {
  const { payload, contentType } = multipartFile('file', 'so-lieu.xlsx', await xlsx(rows));
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/committees/${committeeId}/indicator-values/import`,
    headers: { ...s.headers, 'content-type': contentType },
    payload,
  });
}
const valueCount = async () =>
  (await ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from indicator_values`)).rows[0]!.n;

describe('aggregation up a hierarchy', () => {
  // A province-level committee with three ward committees below it, built here.
  let province: TaskOrg;
  const wards: { id: string; name: string; secretary: Session }[] = [];
  let ind: Record<string, Ind>;

  beforeAll(async () => {
    province = await taskOrg(ctx.app, ctx.db, 'chi-so-tinh');
    await ctx.db.execute(
      sql`update administrative_units set level = 'province' where id = ${province.unit.id}`,
    );
    for (const n of [1, 2, 3]) {
      const unit = (
        await api(
          admin,
          'POST',
          '/units',
          { level: 'commune', name: `Xã thử chỉ số ${n}`, parentId: province.unit.id },
          201,
        )
      ).json();
      const committee = (
        await api(
          admin,
          'POST',
          '/committees',
          { name: `Ban Chỉ đạo xã thử chỉ số ${n}`, unitId: unit.id, parentId: province.committee.id },
          201,
        )
      ).json();
      const secretary = await addSeat(
        ctx.app,
        ctx.db,
        { ...province, url: `/api/v1/committees/${committee.id}` },
        'secretary',
        `Thư ký xã ${n}`,
        unit.id,
      );
      wards.push({ id: committee.id, name: unit.name, secretary: secretary.session });
    }
    ind = await framework('AGG', year(), [
      { code: 'POP', name: 'Dân số', unit: 'count', aggregation: 'sum', frequency: 'yearly' },
      { code: 'S', name: 'Tổng', unit: 'count', aggregation: 'sum' },
      { code: 'A', name: 'Bình quân', unit: 'percent', aggregation: 'average' },
      {
        code: 'W',
        name: 'Gia quyền',
        unit: 'percent',
        aggregation: 'weightedAverage',
        weightCode: 'POP',
        frequency: 'yearly',
      },
      { code: 'M', name: 'Thấp nhất', unit: 'percent', aggregation: 'min' },
      { code: 'X', name: 'Cao nhất', unit: 'percent', aggregation: 'max' },
      { code: 'SH', name: 'Tỷ lệ đạt', unit: 'percent', aggregation: 'shareMeeting' },
    ]);
  });

  it('equals the hand-computed aggregate for every rule, at the province and nationally', async () => {
    const y = year();
    // The province sets each ward's target for SH (the committee above).
    for (const [k, w] of wards.entries())
      await api(
        province.seats.secretary.session,
        'PUT',
        `/committees/${w.id}/indicator-targets`,
        { indicatorId: ind.SH!.id, value: 50 + k * 10 },
        200,
      );
    const data: [string, number[]][] = [
      ['POP', [1000, 3000, 6000]],
      ['S', [12, 30, 8]],
      ['A', [70, 80, 96]],
      ['W', [90, 60, 50]],
      ['M', [88, 72.5, 91]],
      ['X', [88, 72.5, 91]],
      ['SH', [55, 50, 75]], // targets 50, 60, 70 → wards 1 and 3 meet them
    ];
    const rows = data.flatMap(([code, values]) =>
      values.map((v, k) => [1, wards[k]!.name, code, y, 1, v, 'thử'] as unknown[]),
    );
    const res = await importXlsx(province.seats.secretary.session, province.committee.id, rows);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 21 });

    const expected: Record<string, number> = {
      POP: 10_000,
      S: 50,
      A: 82,
      W: (90 * 1000 + 60 * 3000 + 50 * 6000) / 10_000, // 57
      M: 72.5,
      X: 91,
      SH: (100 * 2) / 3,
    };
    for (const [code, value] of Object.entries(expected)) {
      const r = (
        await api(
          province.seats.head.session,
          'GET',
          `/committees/${province.committee.id}/indicators/${ind[code]!.id}/ranking`,
          undefined,
          200,
        )
      ).json();
      expect(r.aggregate, code).toBeCloseTo(value, 10);
      expect(r.items).toHaveLength(3);
      const n = (await api(admin, 'GET', `/indicators/${ind[code]!.id}/national`, undefined, 200)).json();
      expect(n.aggregate, code).toBeCloseTo(value, 10);
      expect(n.provinces.map((p: { committeeId: string }) => p.committeeId)).toContain(province.committee.id);
    }
    // The ranking orders the wards (higher is better) and spreads them in bands.
    const a = (
      await api(
        province.seats.head.session,
        'GET',
        `/committees/${province.committee.id}/indicators/${ind.A!.id}/ranking`,
        undefined,
        200,
      )
    ).json();
    expect(a.items.map((i: { value: number; rank: number }) => [i.value, i.rank])).toEqual([
      [96, 1],
      [80, 2],
      [70, 3],
    ]);
    expect(a.distribution.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(3);
    // A correction by a later import moves the aggregate in the same transaction.
    expect(
      (
        await importXlsx(province.seats.secretary.session, province.committee.id, [
          [1, wards[0]!.name, 'S', y, 1, 22],
        ])
      ).statusCode,
    ).toBe(200);
    const s = (
      await api(
        province.seats.head.session,
        'GET',
        `/committees/${province.committee.id}/indicators/${ind.S!.id}/ranking`,
        undefined,
        200,
      )
    ).json();
    expect(s.aggregate).toBe(60);
    // The province's scorecard shows the aggregate as its value.
    const card = (
      await api(
        province.seats.head.session,
        'GET',
        `/committees/${province.committee.id}/scorecard`,
        undefined,
        200,
      )
    ).json();
    const row = card.frameworks
      .find((f: { code: string }) => f.code === 'AGG')
      .groups[0].rows.find((r: { indicator: Ind }) => r.indicator.code === 'S');
    expect(row.latest).toEqual({ period: 1, value: 60, aggregated: true });
    expect(row.reporting).toBe(3);
  });

  it('an import with one bad row writes nothing and lists the row', async () => {
    const before = await valueCount();
    const res = await importXlsx(province.seats.secretary.session, province.committee.id, [
      [1, wards[0]!.name, 'A', year(), 2, 71],
      [2, wards[1]!.name, 'A', year(), 2, 'nhiều'],
      [3, 'Xã không có', 'A', year(), 2, 50],
      [4, wards[2]!.name, 'A', year(), 9, 50],
    ]);
    const problem = expectProblem(res, 422, 'import.invalidRows');
    const errors = (problem as unknown as { rowErrors: { row: number; field: string }[] }).rowErrors;
    expect(errors.map((e) => e.row)).toEqual([3, 4, 5]);
    expect(await valueCount()).toBe(before);
    // A ward's secretary may not import for the province (its standing agency or head only).
    expect(
      (
        await importXlsx(wards[0]!.secretary, province.committee.id, [
          [1, wards[0]!.name, 'A', year(), 2, 71],
        ])
      ).statusCode,
    ).toBe(404);
  });
});

describe('actual values: entry by the owner unit, approval, corrections, versions', () => {
  let org: TaskOrg;
  let ind: Record<string, Ind>;
  beforeAll(async () => {
    org = await taskOrg(ctx.app, ctx.db, 'chi-so-phuong');
    // R2: the police is the standing agency for Đề án 06 — it owns the DA06 figures.
    await api(
      admin,
      'POST',
      `/committees/${org.committee.id}/standing-agencies`,
      { unitId: org.police.id, domains: ['DA06'] },
      201,
    );
    ind = {
      ...(await framework(
        'OWN',
        year(),
        [{ code: 'VNEID', name: 'Kích hoạt VNeID', unit: 'percent' }],
        'DA06',
      )),
      ...(await framework(
        'OWNC',
        year(),
        [{ code: 'HS', name: 'Hồ sơ trực tuyến', unit: 'percent' }],
        'CCHC',
      )),
    };
  });

  it('the owner unit enters with evidence, the standing agency approves; another unit cannot enter → 403', async () => {
    const police = org.officer.session;
    const upload = multipartFile('file', 'bao-cao-vneid.pdf', Buffer.from('%PDF-1.4\n%test\n'));
    const file = (
      await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/committees/${org.committee.id}/files`,
        headers: { ...police.headers, 'content-type': upload.contentType },
        payload: upload.payload,
      })
    ).json();
    await api(
      org.seats.secretary.session,
      'PUT',
      `/committees/${org.committee.id}/indicator-targets`,
      { indicatorId: ind.VNEID!.id, value: 80 },
      403,
    );
    await api(
      org.admin.session,
      'PUT',
      `/committees/${org.committee.id}/indicator-targets`,
      { indicatorId: ind.VNEID!.id, value: 80, planItemId: org.committee.id },
      403,
    );
    // R19: a percentage target above 100 % is refused.
    expectProblem(
      await api(
        org.seats.head.session,
        'PUT',
        `/committees/${org.committee.id}/indicator-targets`,
        { indicatorId: ind.VNEID!.id, value: 120, planItemId: org.committee.id },
        422,
      ),
      422,
      'indicator.outOfRange',
    );
    // The plan item named must be one of the committee's annual work plan of the indicator's year.
    expectProblem(
      await api(
        org.seats.head.session,
        'PUT',
        `/committees/${org.committee.id}/indicator-targets`,
        { indicatorId: ind.VNEID!.id, value: 80, planItemId: org.committee.id },
        422,
      ),
      422,
      'indicator.planItemNotFound',
    );
    const plan = (
      await api(
        org.seats.secretary.session,
        'POST',
        `/committees/${org.committee.id}/plans`,
        { year: year() },
        201,
      )
    ).json();
    const planned = (
      await api(
        org.seats.secretary.session,
        'PUT',
        `/plans/${plan.id}`,
        {
          items: [
            {
              domain: 'DA06',
              quarter: 4,
              title: 'Đẩy mạnh kích hoạt tài khoản định danh điện tử',
              leadUnitId: org.police.id,
              cooperatingUnitIds: [],
              expectedProduct: 'Tỷ lệ kích hoạt đạt chỉ tiêu',
            },
          ],
        },
        200,
      )
    ).json();
    const target = (
      await api(
        org.seats.head.session,
        'PUT',
        `/committees/${org.committee.id}/indicator-targets`,
        { indicatorId: ind.VNEID!.id, value: 80, planItemId: planned.items[0].id },
        200,
      )
    ).json();
    expect(target).toMatchObject({ setFrom: 'ownPlan', planItemId: planned.items[0].id, value: 80 });
    // The scorecard tells the head how she may set targets: in the committee's own plan (no committee above).
    expect(
      (
        await api(org.seats.head.session, 'GET', `/committees/${org.committee.id}/scorecard`, undefined, 200)
      ).json().targetFrom,
    ).toBe('ownPlan');
    expect(
      (await api(police, 'GET', `/committees/${org.committee.id}/scorecard`, undefined, 200)).json()
        .targetFrom,
    ).toBeNull();
    const enter = (indicatorId: string, period: number, value: number, s = police, status = 201) =>
      api(
        s,
        'POST',
        `/committees/${org.committee.id}/indicator-values`,
        { indicatorId, period, value, evidenceFileIds: [file.id], note: 'Theo báo cáo' },
        status,
      );
    // The office's figure (CCHC, no standing agency for it: the secretary's) is not the police's.
    expectProblem(await enter(ind.HS!.id, 1, 50, police, 403), 403, 'permission.denied');
    // The secretary is not the DA06 owner either.
    expectProblem(
      await enter(ind.VNEID!.id, 1, 50, org.seats.secretary.session, 403),
      403,
      'permission.denied',
    );
    expectProblem(await enter(ind.VNEID!.id, 5, 50, police, 422), 422, 'indicator.invalidPeriod');

    const ids: string[] = [];
    for (const [p, v] of [
      [1, 60],
      [2, 65],
      [3, 70],
    ] as const) {
      const value = (await enter(ind.VNEID!.id, p, v)).json();
      expect(value).toMatchObject({
        status: 'submitted',
        evidence: [{ id: file.id, name: 'bao-cao-vneid.pdf' }],
      });
      // The owner may not approve; the standing agency's staff does.
      await api(police, 'POST', `/indicator-values/${value.id}/approve`, undefined, 403);
      await api(org.seats.secretary.session, 'POST', `/indicator-values/${value.id}/approve`, undefined, 200);
      ids.push(value.id);
    }
    await api(org.seats.secretary.session, 'POST', `/indicator-values/${ids[0]}/approve`, undefined, 409);
    const card = (
      await api(police, 'GET', `/committees/${org.committee.id}/scorecard`, undefined, 200)
    ).json();
    const row = card.frameworks.find((f: { code: string }) => f.code === 'OWN').groups[0].rows[0];
    // 60, 65, 70 → 75 projected at Q4 against 80: at risk, with the early warning, before the year ends.
    expect(row).toMatchObject({
      target: 80,
      latest: { period: 3, value: 70 },
      light: 'atRisk',
      warning: true,
      canEnter: true,
    });
    expect(row.projection).toBeCloseTo(75, 10);
    expect(row.trend.map((t: { value: number }) => t.value)).toEqual([60, 65, 70]);

    // A correction of Q3 keeps the history; the summary follows the approved correction.
    const fix = (await enter(ind.VNEID!.id, 3, 82)).json();
    expect(fix.correctsId).toBe(ids[2]);
    await api(org.seats.secretary.session, 'POST', `/indicator-values/${fix.id}/approve`, undefined, 200);
    const history = (
      await api(
        police,
        'GET',
        `/committees/${org.committee.id}/indicator-values?indicatorId=${ind.VNEID!.id}`,
        undefined,
        200,
      )
    ).json();
    expect(
      history.items
        .filter((v: { period: number }) => v.period === 3)
        .map((v: { value: number; status: string }) => [v.value, v.status]),
    ).toEqual([
      [82, 'approved'],
      [70, 'superseded'],
    ]);
    const after = (
      await api(police, 'GET', `/committees/${org.committee.id}/scorecard`, undefined, 200)
    ).json();
    expect(after.frameworks.find((f: { code: string }) => f.code === 'OWN').groups[0].rows[0]).toMatchObject({
      light: 'meets',
      warning: false,
      latest: { value: 82 },
    });
    // A rejection needs a reason and keeps the approved figure.
    const wrong = (await enter(ind.VNEID!.id, 3, 10)).json();
    await api(
      org.seats.secretary.session,
      'POST',
      `/indicator-values/${wrong.id}/reject`,
      { reason: '' },
      400,
    );
    await api(
      org.seats.secretary.session,
      'POST',
      `/indicator-values/${wrong.id}/reject`,
      { reason: 'Sai số liệu' },
      200,
    );
    // An outsider sees nothing.
    await api(org.outsider.session, 'GET', `/committees/${org.committee.id}/scorecard`, undefined, 404);
  });

  it('a new framework version keeps the old version’s values readable', async () => {
    const y = year() - 1;
    const old = await framework(
      'VER',
      y,
      [{ code: 'V1', name: 'Chỉ số cũ', unit: 'count', frequency: 'yearly' }],
      'CCHC',
    );
    const v = (
      await api(
        org.seats.secretary.session,
        'POST',
        `/committees/${org.committee.id}/indicator-values`,
        { indicatorId: old.V1!.id, period: 1, value: 7 },
        201,
      )
    ).json();
    await api(org.seats.secretary.session, 'POST', `/indicator-values/${v.id}/approve`, undefined, 200);
    // This year's version renames and splits the indicator.
    await framework('VER', year(), [
      { code: 'V1A', name: 'Chỉ số mới A', unit: 'count', frequency: 'yearly' },
      { code: 'V1B', name: 'Chỉ số mới B', unit: 'count', frequency: 'yearly' },
    ]);
    await api(
      admin,
      'POST',
      '/indicator-frameworks',
      { code: 'VER', name: 'Trùng', year: y, groups: [{ code: 'G', name: 'G', indicators: [] }] },
      409,
    );
    const lastYear = (
      await api(
        org.seats.head.session,
        'GET',
        `/committees/${org.committee.id}/scorecard?year=${y}`,
        undefined,
        200,
      )
    ).json();
    const row = lastYear.frameworks.find((f: { code: string }) => f.code === 'VER').groups[0].rows[0];
    expect(row).toMatchObject({
      indicator: { code: 'V1', name: 'Chỉ số cũ' },
      latest: { period: 1, value: 7 },
    });
    const thisYear = (
      await api(org.seats.head.session, 'GET', `/committees/${org.committee.id}/scorecard`, undefined, 200)
    ).json();
    expect(
      thisYear.frameworks
        .find((f: { code: string }) => f.code === 'VER')
        .groups[0].rows.map((r: { indicator: Ind }) => r.indicator.code),
    ).toEqual(['V1A', 'V1B']);
    const values = (
      await api(
        org.seats.head.session,
        'GET',
        `/committees/${org.committee.id}/indicator-values?year=${y}`,
        undefined,
        200,
      )
    ).json();
    expect(values.items.map((i: { value: number; year: number }) => [i.value, i.year])).toEqual([[7, y]]);
  });

  it('lists the seeded sample frameworks of this year, PAR INDEX with 100 points', async () => {
    const list = (await api(admin, 'GET', `/indicator-frameworks?year=${year()}`, undefined, 200)).json();
    expect(list.items.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining(['DA06', 'QD766', 'DTI', 'PAR', 'BCD']),
    );
    const parId = list.items.find((f: { code: string }) => f.code === 'PAR').id;
    const par = (await api(admin, 'GET', `/indicator-frameworks/${parId}`, undefined, 200)).json();
    const total = par.groups.reduce((s: number, g: { maxPoints: number }) => s + g.maxPoints, 0);
    expect(total).toBe(100);
    // Leaves carry the points: they add up to each field's maximum.
    for (const g of par.groups) {
      const parents = new Set(
        g.indicators.map((i: { parentId: string | null }) => i.parentId).filter(Boolean),
      );
      const leaves = g.indicators.filter((i: { id: string }) => !parents.has(i.id));
      expect(leaves.reduce((s: number, i: { maxPoints: number }) => s + i.maxPoints, 0)).toBeCloseTo(
        g.maxPoints,
        10,
      );
    }
    // Only a system administrator adds a framework.
    await api(
      org.seats.head.session,
      'POST',
      '/indicator-frameworks',
      { code: 'X', name: 'X', year: year(), groups: [{ code: 'G', name: 'G', indicators: [] }] },
      403,
    );
  });
});

describe('the seeded sample hierarchy (Hà Đông and its wards)', () => {
  it('Hà Đông’s aggregate of VNeID activation is the average of its wards’ approved values', async () => {
    const { rows } = await ctx.db.execute<{
      ha_dong: string;
      indicator: string;
      period: number;
      avg: number;
      n: number;
    }>(sql`
      select c.parent_id as ha_dong, v.indicator_id as indicator, v.period, avg(v.value)::float8 as avg, count(*)::int as n
      from indicator_values v join committees c on c.id = v.committee_id
      join indicators i on i.id = v.indicator_id join indicator_frameworks f on f.id = i.framework_id
      where i.code = 'DA06.VNEID' and f.year = ${year()} and v.status = 'approved'
        and c.parent_id = (select id from committees where short_name = 'BCĐ quận Hà Đông' or name like '%quận Hà Đông' limit 1)
      group by 1, 2, 3 order by 3 desc limit 1`);
    if (!rows.length) return; // early in the year: no completed quarter yet
    const r = rows[0]!;
    expect(r.n).toBeGreaterThanOrEqual(4);
    const ranking = (
      await api(
        admin,
        'GET',
        `/committees/${r.ha_dong}/indicators/${r.indicator}/ranking?period=${r.period}`,
        undefined,
        200,
      )
    ).json();
    expect(ranking.aggregate).toBeCloseTo(r.avg, 10);
    expect(ranking.items.length).toBe(5);
  });
});
