import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { type Session, signedInUser } from '../../../test/factories.ts';
import { call } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';
import { addSeat, type TaskOrg, taskOrg } from '../tasks/tasks.fixtures.ts';

// R19: PAR INDEX self-assessment with evidence, the head's submission, the appraisal by the committee above.

// Many API calls per test: on a loaded machine they take longer than the default 30 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let ctx: TestContext;
let admin: Session;
let above: TaskOrg;
let ward: { id: string; head: Session; secretary: Session; member: Session };
let frameworkId: string;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  admin = (await signedInUser(ctx.app, ctx.db, { systemRole: 'systemAdmin' })).session;
  above = await taskOrg(ctx.app, ctx.db, 'par-cap-tren');
  const unit = (
    await call(
      ctx.app,
      admin,
      'POST',
      '/api/v1/units',
      { level: 'commune', name: 'Phường thử PAR', parentId: above.unit.id },
      201,
    )
  ).json();
  const committee = (
    await call(
      ctx.app,
      admin,
      'POST',
      '/api/v1/committees',
      { name: 'Ban Chỉ đạo phường thử PAR', unitId: unit.id, parentId: above.committee.id },
      201,
    )
  ).json();
  const org = { ...above, url: `/api/v1/committees/${committee.id}` };
  ward = {
    id: committee.id,
    head: (await addSeat(ctx.app, ctx.db, org, 'head', 'Trưởng Ban phường PAR', unit.id)).session,
    secretary: (await addSeat(ctx.app, ctx.db, org, 'secretary', 'Thư ký phường PAR', unit.id)).session,
    member: (await addSeat(ctx.app, ctx.db, org, 'member', 'Thành viên phường PAR', unit.id)).session,
  };
  const year = Number(clock.today().slice(0, 4));
  const list = (
    await call(ctx.app, admin, 'GET', `/api/v1/indicator-frameworks?year=${year}`, undefined, 200)
  ).json();
  frameworkId = list.items.find((f: { code: string }) => f.code === 'PAR').id;
});
afterAll(() => ctx.close());

interface Par {
  id: string;
  status: string;
  selfTotal: number;
  finalTotal: number | null;
  maxTotal: number;
  allowedActions: string[];
  groups: {
    items: {
      indicator: { id: string; code: string; maxPoints: number | null; parentId: string | null };
      selfScore: number | null;
      appraisedScore: number | null;
      evidence: { kind: string; label: string; section: string | null }[];
      history: { from: number | null; to: number; reason: string | null }[];
    }[];
  }[];
}
const leavesOf = (p: Par) => {
  const items = p.groups.flatMap((g) => g.items);
  const parents = new Set(items.map((i) => i.indicator.parentId));
  return items.filter((i) => !parents.has(i.indicator.id));
};

describe('PAR INDEX', () => {
  it('self-assessment with evidence → submit by the head → appraisal with reasons → final scores', async () => {
    const url = `/api/v1/committees/${ward.id}/par-assessments`;
    await call(ctx.app, ward.member, 'POST', url, { frameworkId }, 403);
    let par: Par = (await call(ctx.app, ward.secretary, 'POST', url, { frameworkId }, 201)).json();
    await call(ctx.app, ward.secretary, 'POST', url, { frameworkId }, 409);
    expect(par).toMatchObject({ status: 'draft', maxTotal: 100, selfTotal: 0 });
    expect(par.allowedActions).toEqual(['score']);

    const doc = (
      await call(
        ctx.app,
        ward.secretary,
        'POST',
        `/api/v1/committees/${ward.id}/documents/incoming`,
        {
          numberText: '15/KH-UBND',
          issuedOn: clock.today(),
          issuer: 'UBND phường',
          title: 'Kế hoạch cải cách hành chính năm',
        },
        201,
      )
    ).json();
    const leaves = leavesOf(par);
    const [first, second, ...rest] = leaves;
    const scores = [
      {
        indicatorId: first!.indicator.id,
        score: first!.indicator.maxPoints,
        evidence: [{ kind: 'document', documentId: doc.id, section: 'Mục II, trang 3' }],
      },
      {
        indicatorId: second!.indicator.id,
        score: 1,
        evidence: [{ kind: 'link', url: 'https://phucla.example.vn/cchc', section: null }],
      },
      // The rest explained instead of evidenced, except the last one (neither).
      ...rest.map((l, k) => ({
        indicatorId: l.indicator.id,
        score: l.indicator.maxPoints! / 2,
        explanation: k === rest.length - 1 ? null : 'Đang tổng hợp tài liệu kiểm chứng',
      })),
    ];
    // A score above the tiêu chí's maximum is refused.
    expectProblem(
      await call(
        ctx.app,
        ward.secretary,
        'PUT',
        `/api/v1/par-assessments/${par.id}/scores`,
        { scores: [{ ...scores[0], score: 999 }] },
        422,
      ),
      422,
      'par.invalidScore',
    );
    par = (
      await call(ctx.app, ward.secretary, 'PUT', `/api/v1/par-assessments/${par.id}/scores`, { scores }, 200)
    ).json();
    expect(leavesOf(par)[0]!.evidence).toEqual([
      {
        kind: 'document',
        id: doc.id,
        url: null,
        label: 'Kế hoạch cải cách hành chính năm',
        section: 'Mục II, trang 3',
      },
    ]);
    // Only the head submits, and only when every tiêu chí without evidence is explained.
    await call(ctx.app, ward.secretary, 'POST', `/api/v1/par-assessments/${par.id}/submit`, undefined, 403);
    const incomplete = expectProblem(
      await call(ctx.app, ward.head, 'POST', `/api/v1/par-assessments/${par.id}/submit`, undefined, 422),
      422,
      'par.incomplete',
    );
    expect(incomplete.detail).toContain(rest.at(-1)!.indicator.code);
    await call(
      ctx.app,
      ward.secretary,
      'PUT',
      `/api/v1/par-assessments/${par.id}/scores`,
      {
        scores: [{ indicatorId: rest.at(-1)!.indicator.id, score: 1, explanation: 'Chưa có văn bản' }],
      },
      200,
    );
    // The unit cannot appraise itself; the committee above cannot appraise a draft.
    await call(
      ctx.app,
      above.seats.secretary.session,
      'POST',
      `/api/v1/par-assessments/${par.id}/appraise`,
      { scores: [{ indicatorId: first!.indicator.id, score: 0, reason: 'x' }] },
      409,
    );
    par = (
      await call(ctx.app, ward.head, 'POST', `/api/v1/par-assessments/${par.id}/submit`, undefined, 200)
    ).json();
    expect(par.status).toBe('submitted');
    await call(
      ctx.app,
      ward.secretary,
      'PUT',
      `/api/v1/par-assessments/${par.id}/scores`,
      { scores: [] },
      409,
    );
    await call(
      ctx.app,
      ward.head,
      'POST',
      `/api/v1/par-assessments/${par.id}/appraise`,
      { scores: [{ indicatorId: first!.indicator.id, score: 0, reason: 'x' }] },
      403,
    );

    // The committee above sees it among its wards' assessments and appraises.
    const listed = (
      await call(
        ctx.app,
        above.seats.head.session,
        'GET',
        `/api/v1/committees/${above.committee.id}/par-assessments`,
        undefined,
        200,
      )
    ).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(par.id);
    const appraise = (body: unknown, status: number) =>
      call(
        ctx.app,
        above.seats.secretary.session,
        'POST',
        `/api/v1/par-assessments/${par.id}/appraise`,
        body,
        status,
      );
    // An adjustment without a reason → 400, nothing recorded.
    expectProblem(
      await appraise({ scores: [{ indicatorId: second!.indicator.id, score: 0.5 }] }, 400),
      400,
      'par.reasonRequired',
    );
    expectProblem(
      await appraise({ scores: [{ indicatorId: second!.indicator.id, score: 0.5, reason: '  ' }] }, 400),
      400,
      'par.reasonRequired',
    );
    // Accepting needs no reason; adjusting with one is recorded.
    par = (
      await appraise(
        {
          scores: [
            { indicatorId: first!.indicator.id, score: first!.indicator.maxPoints },
            { indicatorId: second!.indicator.id, score: 0.5, reason: 'Đường dẫn không chứa kế hoạch' },
          ],
        },
        200,
      )
    ).json();
    expect(par.status).toBe('appraised');
    expect(par.allowedActions).toEqual(['appraise', 'finalise']);
    par = (
      await call(
        ctx.app,
        above.seats.head.session,
        'POST',
        `/api/v1/par-assessments/${par.id}/finalise`,
        undefined,
        200,
      )
    ).json();
    const finalLeaves = leavesOf(par);
    expect(finalLeaves[1]).toMatchObject({
      selfScore: 1,
      appraisedScore: 0.5,
      history: [{ from: 1, to: 0.5, reason: 'Đường dẫn không chứa kế hoạch' }],
    });
    // Scores not adjusted are accepted as given; the final total is the self total less the adjustment.
    expect(par.status).toBe('final');
    expect(par.finalTotal).toBeCloseTo(par.selfTotal - 0.5, 6);
    // The unit sees the appraisal history.
    const seen: Par = (
      await call(ctx.app, ward.member, 'GET', `/api/v1/par-assessments/${par.id}`, undefined, 200)
    ).json();
    expect(leavesOf(seen)[1]!.history).toHaveLength(1);
    // The final scores are the ward's approved values: the scorecard shows them.
    const card = (
      await call(ctx.app, ward.head, 'GET', `/api/v1/committees/${ward.id}/scorecard`, undefined, 200)
    ).json();
    const rows = card.frameworks
      .find((f: { code: string }) => f.code === 'PAR')
      .groups.flatMap((g: { rows: unknown[] }) => g.rows);
    expect(
      rows.find((r: { indicator: { id: string } }) => r.indicator.id === second!.indicator.id).latest.value,
    ).toBe(0.5);
    // The committee above ranks its wards on it.
    const ranking = (
      await call(
        ctx.app,
        above.seats.head.session,
        'GET',
        `/api/v1/committees/${above.committee.id}/indicators/${second!.indicator.id}/ranking`,
        undefined,
        200,
      )
    ).json();
    expect(ranking.items).toEqual([expect.objectContaining({ committeeId: ward.id, value: 0.5, rank: 1 })]);
    await call(
      ctx.app,
      above.seats.head.session,
      'POST',
      `/api/v1/par-assessments/${par.id}/finalise`,
      undefined,
      409,
    );
  });
});
