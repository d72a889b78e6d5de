import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { createUser, login, signedInUser } from '../../../test/factories.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
});
afterAll(() => ctx.close());

const count = async (table: string) =>
  (await ctx.db.execute(sql.raw(`select count(*)::int as n from ${table}`))).rows[0]!.n as number;

describe('demo data (seeds 000 and 004)', () => {
  it('has Phúc La under Hà Đông, its merge history, standing agencies and the duties of seed 000 verbatim', async () => {
    const secretary = await login(ctx.app, 'huan.vt', 'PhucLa@2024');
    await call(
      ctx.app,
      secretary,
      'POST',
      '/api/v1/me/password',
      { currentPassword: 'PhucLa@2024', newPassword: 'Mat-khau-Huan-2026' },
      204,
    );
    const list = (
      await call(ctx.app, secretary, 'GET', '/api/v1/committees?mine=true', undefined, 200)
    ).json();
    expect(list.items).toHaveLength(1);
    const phucLa = list.items[0];
    expect(phucLa).toMatchObject({
      shortName: 'BCĐ phường Phúc La',
      parentName: expect.stringContaining('Hà Đông'),
      memberCount: 9,
    });
    expect(phucLa.domains.map((d: { code: string }) => d.code)).toEqual(['CCHC', 'CDS', 'DA06']);

    const detail = (
      await call(ctx.app, secretary, 'GET', `/api/v1/committees/${phucLa.id}`, undefined, 200)
    ).json();
    expect(detail.predecessors).toHaveLength(3);
    expect(detail.predecessors[0].mergeDecision.number).toBe('51/QĐ-UBND');
    expect(detail.myRole).toBe('secretary');
    expect(detail.myPermissions).toContain('committee.manageMembers');
    expect(detail.myPermissions).not.toContain('personnel.decide');

    const agencies = (
      await call(
        ctx.app,
        secretary,
        'GET',
        `/api/v1/committees/${phucLa.id}/standing-agencies`,
        undefined,
        200,
      )
    ).json();
    expect(
      agencies.items.map((a: { unitName: string; domains: string[] }) => [a.unitName, a.domains]),
    ).toEqual([
      ['Văn phòng UBND phường Phúc La', ['CCHC', 'CDS']],
      ['Công an phường Phúc La', ['DA06']],
    ]);

    const members = (
      await call(ctx.app, secretary, 'GET', `/api/v1/committees/${phucLa.id}/members`, undefined, 200)
    ).json();
    const hoan = members.items.find((m: { fullName: string }) => m.fullName === 'Trịnh Xuân Hoàn');
    const duties = (
      await call(
        ctx.app,
        secretary,
        'GET',
        `/api/v1/committees/${phucLa.id}/members/${hoan.id}/duties`,
        undefined,
        200,
      )
    ).json();
    expect(duties.items).toHaveLength(7);
    expect(duties.items[5].text).toBe(
      'Ký ban hành các văn bản hướng dẫn, đôn đốc các cơ quan, đơn vị tổ chức thực hiện các văn bản của Ban Chỉ đạo theo phạm vi, nhiệm vụ được phân công.',
    );
    const regulation = (
      await call(ctx.app, secretary, 'GET', `/api/v1/committees/${phucLa.id}/regulation`, undefined, 200)
    ).json();
    expect(regulation.current.body).toContain('ít nhất trước 02 ngày làm việc');
    expect(regulation.settings).toMatchObject({
      noticeLeadWorkingDays: 2,
      substitutePolicy: 'chairApproval',
    });
  });

  it('has the Bình Định committee with 27 members, 4 standing agencies, 3 working groups and its substitute rule', async () => {
    const admin = await signedInUser(ctx.app, ctx.db, { systemRole: 'systemAdmin' });
    const found = (
      await call(ctx.app, admin.session, 'GET', '/api/v1/committees?q=binh%20dinh', undefined, 200)
    ).json();
    const bd = found.items[0];
    expect(bd.memberCount).toBe(27);
    const url = `/api/v1/committees/${bd.id}`;
    expect((await call(ctx.app, admin.session, 'GET', `${url}/standing-agencies`)).json().items).toHaveLength(
      4,
    );
    expect((await call(ctx.app, admin.session, 'GET', `${url}/working-groups`)).json().items).toHaveLength(3);
    const members = (await call(ctx.app, admin.session, 'GET', `${url}/members`)).json().items;
    expect(members.filter((m: { role: string }) => m.role === 'deputyHead')).toHaveLength(5);
    expect(members.find((m: { isStanding: boolean }) => m.isStanding).fullName).toBe('Lâm Hải Giang');
    expect(
      (await call(ctx.app, admin.session, 'GET', `${url}/regulation`)).json().settings.substitutePolicy,
    ).toBe('deputyOfUnitOnly');
  });
});

describe('memberships', () => {
  it('lets the secretary find people to seat, without diacritics, with their current seat', async () => {
    const secretary = await login(ctx.app, 'huan.vt', 'Mat-khau-Huan-2026');
    const [phucLa] = (await call(ctx.app, secretary, 'GET', '/api/v1/committees?mine=true')).json().items;
    const found = (
      await call(
        ctx.app,
        secretary,
        'GET',
        `/api/v1/committees/${phucLa.id}/candidates?q=trinh%20xuan`,
        undefined,
        200,
      )
    ).json();
    expect(found.items).toEqual([
      expect.objectContaining({
        fullName: 'Trịnh Xuân Hoàn',
        currentRole: 'member',
        unitName: 'Công an phường Phúc La',
      }),
    ]);
    expect(found.items[0]).not.toHaveProperty('email');
  });

  it('refuses two heads at once, a duplicate member and an end before the start — and writes nothing', async () => {
    const { seats, url, admin } = await committeeWithRoles(ctx.app, ctx.db, 'trung-lap');
    const before = await count('memberships');
    const other = await createUser(ctx.db);
    const secondHead = await call(ctx.app, seats.secretary.session, 'POST', `${url}/members`, {
      userId: other.id,
      role: 'head',
      startDate: '2025-06-01',
    });
    expectProblem(secondHead, 409, 'membership.headOverlap');
    const duplicate = await call(ctx.app, admin.session, 'POST', `${url}/members`, {
      userId: seats.member.userId,
      role: 'member',
      startDate: '2025-01-01',
    });
    expectProblem(duplicate, 409, 'membership.duplicate');
    const reversed = await call(ctx.app, admin.session, 'POST', `${url}/members`, {
      userId: other.id,
      role: 'member',
      startDate: '2025-06-01',
      endDate: '2025-01-01',
    });
    expectProblem(reversed, 422, 'validation.dateOrder');
    expect(await count('memberships')).toBe(before);
  });

  it('keeps the membership history: who sat on the committee on a past date', async () => {
    const { seats, url, admin } = await committeeWithRoles(ctx.app, ctx.db, 'lich-su');
    await call(
      ctx.app,
      admin.session,
      'POST',
      `${url}/members/${seats.member.membershipId}/end`,
      { endDate: '2024-06-30', reason: 'Nghỉ hưu' },
      200,
    );
    const names = async (q: string) =>
      (await call(ctx.app, admin.session, 'GET', `${url}/members${q}`, undefined, 200))
        .json()
        .items.map((m: { role: string }) => m.role);
    expect(await names('?at=2024-03-01')).toContain('member');
    expect(await names('')).not.toContain('member');
    const all = (await call(ctx.app, admin.session, 'GET', `${url}/members?includeEnded=true`)).json().items;
    expect(all.find((m: { role: string }) => m.role === 'member')).toMatchObject({
      endDate: '2024-06-30',
      endReason: 'Nghỉ hưu',
      active: false,
    });
  });

  it('an ended member can no longer act on the committee', async () => {
    const { seats, url, admin } = await committeeWithRoles(ctx.app, ctx.db, 'het-nhiem-ky');
    await call(ctx.app, seats.secretary.session, 'GET', url, undefined, 200);
    await call(
      ctx.app,
      admin.session,
      'POST',
      `${url}/members/${seats.secretary.membershipId}/end`,
      { endDate: '2024-12-31', reason: 'Chuyển công tác' },
      200,
    );
    expectProblem(await call(ctx.app, seats.secretary.session, 'GET', url), 404, 'committee.notFound');
    const other = await createUser(ctx.db);
    expectProblem(
      await call(ctx.app, seats.secretary.session, 'POST', `${url}/members`, {
        userId: other.id,
        role: 'member',
        startDate: '2025-01-01',
      }),
      404,
      'committee.notFound',
    );
  });

  it('versions duties: stable ids, retired items kept, stale edits refused', async () => {
    const { seats, url } = await committeeWithRoles(ctx.app, ctx.db, 'nhiem-vu');
    const dutiesUrl = `${url}/members/${seats.member.membershipId}/duties`;
    const v1 = (
      await call(
        ctx.app,
        seats.head.session,
        'PUT',
        dutiesUrl,
        {
          baseVersion: 0,
          items: [
            { domain: 'CCHC', text: 'Tham mưu kế hoạch CCHC năm' },
            { domain: 'CDS', text: 'Tuyên truyền chuyển đổi số' },
          ],
        },
        200,
      )
    ).json();
    const keep = v1.items[0];
    const v2 = (
      await call(
        ctx.app,
        seats.secretary.session,
        'PUT',
        dutiesUrl,
        {
          baseVersion: 1,
          decision: { number: '12/QĐ-BCĐ', date: '2025-02-01' },
          items: [{ id: keep.id, domain: 'CCHC', text: 'Tham mưu kế hoạch CCHC năm và báo cáo quý' }],
        },
        200,
      )
    ).json();
    expect(v2.version).toBe(2);
    expect(v2.items).toEqual([
      expect.objectContaining({ id: keep.id, text: 'Tham mưu kế hoạch CCHC năm và báo cáo quý' }),
    ]);
    expect(v2.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect(v2.history[0].decision.number).toBe('12/QĐ-BCĐ');
    const retired = await ctx.db.execute(
      sql`select retired_at is not null as retired from duties where text = 'Tuyên truyền chuyển đổi số'`,
    );
    expect(retired.rows).toEqual([{ retired: true }]); // kept, not deleted: tasks may still point at it

    const stale = await call(ctx.app, seats.secretary.session, 'PUT', dutiesUrl, {
      baseVersion: 1,
      items: [],
    });
    expectProblem(stale, 409, 'duties.versionConflict');
    const unknownDomain = await call(ctx.app, seats.secretary.session, 'PUT', dutiesUrl, {
      baseVersion: 2,
      items: [{ domain: 'XYZ', text: 'x' }],
    });
    expectProblem(unknownDomain, 422, 'committee.unknownDomain');
  });
});

describe('delegations (R3, R4)', () => {
  it('lets a deputy act for the head only inside an active delegation, its scope, domains and dates', async () => {
    const { seats, url } = await committeeWithRoles(ctx.app, ctx.db, 'uy-quyen');
    const acting = async (scope: string, domain: string | null, date: string) =>
      (
        await call(
          ctx.app,
          seats.head.session,
          'GET',
          `${url}/acting?userId=${seats.deputyHead.userId}&scope=${scope}&date=${date}${domain ? `&domain=${domain}` : ''}`,
          undefined,
          200,
        )
      ).json();
    expect((await acting('chairMeetings', null, '2025-03-10')).allowed).toBe(false);

    const created = (
      await call(
        ctx.app,
        seats.head.session,
        'POST',
        `${url}/delegations`,
        {
          toMembershipId: seats.deputyHead.membershipId,
          scopes: ['chairMeetings', 'approveAbsences'],
          domains: ['DA06'],
          validFrom: '2025-03-01',
          validTo: '2025-03-31',
        },
        201,
      )
    ).json();
    expect(created).toMatchObject({
      fromName: expect.stringContaining('head'),
      toName: expect.stringContaining('deputyHead'),
    });

    expect(await acting('chairMeetings', 'DA06', '2025-03-10')).toMatchObject({
      allowed: true,
      as: 'delegate',
      delegationId: created.id,
    });
    expect((await acting('chairMeetings', 'CCHC', '2025-03-10')).allowed).toBe(false); // outside the domains
    expect((await acting('signDocuments', 'DA06', '2025-03-10')).allowed).toBe(false); // outside the scopes
    expect((await acting('chairMeetings', 'DA06', '2025-04-01')).allowed).toBe(false); // after the period
    const head = await call(
      ctx.app,
      seats.head.session,
      'GET',
      `${url}/acting?userId=${seats.head.userId}&scope=signDocuments&date=2025-03-10`,
    );
    expect(head.json()).toMatchObject({ allowed: true, as: 'head' });

    await call(
      ctx.app,
      seats.head.session,
      'POST',
      `${url}/delegations/${created.id}/revoke`,
      undefined,
      200,
    );
    expect((await acting('chairMeetings', 'DA06', '2025-03-10')).allowed).toBe(false); // revoked
  });

  it('refuses a delegation to a non-member, reversed dates, and a secretary recording one without the document', async () => {
    const { seats, url } = await committeeWithRoles(ctx.app, ctx.db, 'uy-quyen-sai');
    const before = await count('delegations');
    const base = { scopes: ['chairMeetings'], validFrom: '2025-03-01', validTo: '2025-03-31' };
    expectProblem(
      await call(ctx.app, seats.head.session, 'POST', `${url}/delegations`, {
        ...base,
        toMembershipId: seats.guest.membershipId,
      }),
      422,
      'delegation.notMember',
    );
    const elsewhere = await committeeWithRoles(ctx.app, ctx.db, 'ban-khac');
    expectProblem(
      await call(ctx.app, seats.head.session, 'POST', `${url}/delegations`, {
        ...base,
        toMembershipId: elsewhere.seats.member.membershipId,
      }),
      422,
      'delegation.notMember',
    );
    expectProblem(
      await call(ctx.app, seats.head.session, 'POST', `${url}/delegations`, {
        ...base,
        toMembershipId: seats.deputyHead.membershipId,
        validTo: '2025-02-01',
      }),
      422,
      'validation.dateOrder',
    );
    expectProblem(
      await call(ctx.app, seats.secretary.session, 'POST', `${url}/delegations`, {
        ...base,
        toMembershipId: seats.deputyHead.membershipId,
      }),
      422,
      'delegation.documentRequired',
    );
    expect(await count('delegations')).toBe(before);
    await call(
      ctx.app,
      seats.secretary.session,
      'POST',
      `${url}/delegations`,
      {
        ...base,
        toMembershipId: seats.deputyHead.membershipId,
        document: { number: '03/QĐ-BCĐ', date: '2025-02-25', signer: 'Trưởng Ban' },
      },
      201,
    );
  });
});

describe('personnel change (R14)', () => {
  it('moves duties and working-group seats to the replacement, keeps history, notifies both', async () => {
    const { seats, url, unit } = await committeeWithRoles(ctx.app, ctx.db, 'thay-the');
    const m = seats.member;
    await call(
      ctx.app,
      seats.secretary.session,
      'PUT',
      `${url}/members/${m.membershipId}/duties`,
      {
        baseVersion: 0,
        items: [{ domain: 'CCHC', text: 'Theo dõi một cửa' }],
      },
      200,
    );
    const group = (
      await call(
        ctx.app,
        seats.secretary.session,
        'POST',
        `${url}/working-groups`,
        {
          name: 'Tổ giúp việc',
          leaderUserId: m.userId,
          memberUserIds: [m.userId, seats.residentialGroupHead.userId],
        },
        201,
      )
    ).json();
    const successor = await createUser(ctx.db, { unitId: unit.id, fullName: 'Người thay thế' });
    const proposal = (
      await call(
        ctx.app,
        seats.member.session,
        'POST',
        `${url}/personnel-changes`,
        {
          membershipId: m.membershipId,
          replacementUserId: successor.id,
          reportNumber: '15/BC-VP',
          reportDate: '2025-05-02',
          reason: 'Chuyển công tác',
          effectiveDate: '2025-05-10',
        },
        201,
      )
    ).json();
    expect(proposal.status).toBe('proposed');
    expectProblem(
      await call(ctx.app, seats.secretary.session, 'POST', `${url}/personnel-changes/${proposal.id}/decide`, {
        decision: 'approve',
      }),
      403,
      'permission.denied',
    );
    const approved = (
      await call(
        ctx.app,
        seats.head.session,
        'POST',
        `${url}/personnel-changes/${proposal.id}/decide`,
        { decision: 'approve' },
        200,
      )
    ).json();
    expect(approved).toMatchObject({ status: 'approved', movedItems: { duties: 1, workingGroups: 1 } });
    expectProblem(
      await call(ctx.app, seats.head.session, 'POST', `${url}/personnel-changes/${proposal.id}/decide`, {
        decision: 'approve',
      }),
      409,
      'personnel.alreadyDecided',
    );

    const history = (
      await call(ctx.app, seats.head.session, 'GET', `${url}/members?includeEnded=true`)
    ).json().items;
    const old = history.find((x: { id: string }) => x.id === m.membershipId);
    const fresh = history.find((x: { id: string }) => x.id === approved.newMembershipId);
    expect(old).toMatchObject({ endDate: '2025-05-09', replacedById: fresh.id });
    expect(fresh).toMatchObject({ role: 'member', startDate: '2025-05-10', fullName: 'Người thay thế' });

    const moved = (
      await call(ctx.app, seats.head.session, 'GET', `${url}/members/${fresh.id}/duties`)
    ).json();
    expect(moved.items.map((d: { text: string }) => d.text)).toEqual(['Theo dõi một cửa']);
    const oldDuties = (
      await call(ctx.app, seats.head.session, 'GET', `${url}/members/${m.membershipId}/duties`)
    ).json();
    expect(oldDuties.history[0].items[0].text).toBe('Theo dõi một cửa'); // history stays with the old seat
    const groups = (await call(ctx.app, seats.head.session, 'GET', `${url}/working-groups`)).json().items;
    expect(groups.find((g: { id: string }) => g.id === group.id)).toMatchObject({
      leaderUserId: successor.id,
    });

    const notes = await ctx.db.execute(sql`select user_id from notifications where kind = 'personnel.approved'
      and user_id in (${m.userId}, ${successor.id})`);
    expect(notes.rows).toHaveLength(2);
  });

  it('lets a member propose only for a seat of their own unit', async () => {
    const { seats, url } = await committeeWithRoles(ctx.app, ctx.db, 'de-xuat');
    const stranger = await createUser(ctx.db);
    await ctx.db.execute(
      sql`update memberships set unit_id = null where id = ${seats.residentialGroupHead.membershipId}`,
    );
    const res = await call(ctx.app, seats.member.session, 'POST', `${url}/personnel-changes`, {
      membershipId: seats.residentialGroupHead.membershipId,
      replacementUserId: stranger.id,
      reportDate: '2025-05-02',
      reason: 'Thay tổ trưởng',
      effectiveDate: '2025-05-10',
    });
    expectProblem(res, 403, 'personnel.outsideUnit');
  });
});

describe('permissions are per committee', () => {
  it('a person on two committees has separate rights on each', async () => {
    const a = await committeeWithRoles(ctx.app, ctx.db, 'hai-ban-a');
    const b = await committeeWithRoles(ctx.app, ctx.db, 'hai-ban-b');
    // a's head also sits on b as a plain member.
    await call(
      ctx.app,
      b.admin.session,
      'POST',
      `${b.url}/members`,
      { userId: a.seats.head.userId, role: 'member', startDate: '2024-01-01' },
      201,
    );
    const onA = (await call(ctx.app, a.seats.head.session, 'GET', a.url, undefined, 200)).json();
    const onB = (await call(ctx.app, a.seats.head.session, 'GET', b.url, undefined, 200)).json();
    expect(onA.myPermissions).toContain('personnel.decide');
    expect(onB.myRole).toBe('member');
    expect(onB.myPermissions).not.toContain('committee.manageMembers');
    const other = await createUser(ctx.db);
    expectProblem(
      await call(ctx.app, a.seats.head.session, 'POST', `${b.url}/members`, {
        userId: other.id,
        role: 'member',
        startDate: '2025-01-01',
      }),
      403,
      'permission.denied',
    );
  });

  it('members of a committee above see the committees below, but cannot change them', async () => {
    const admin = await signedInUser(ctx.app, ctx.db, { systemRole: 'systemAdmin' });
    const parent = await committeeWithRoles(ctx.app, ctx.db, 'cap-tren');
    const child = await committeeWithRoles(ctx.app, ctx.db, 'cap-duoi');
    await call(ctx.app, admin.session, 'PATCH', child.url, { parentId: parent.committee.id }, 200);
    const seen = (
      await call(
        ctx.app,
        parent.seats.member.session,
        'GET',
        `/api/v1/committees?parentId=${parent.committee.id}`,
        undefined,
        200,
      )
    ).json();
    expect(seen.items.map((c: { id: string }) => c.id)).toEqual([child.committee.id]);
    await call(ctx.app, parent.seats.member.session, 'GET', `${child.url}/members`, undefined, 200);
    expectProblem(
      await call(ctx.app, parent.seats.head.session, 'PATCH', child.url, { shortName: 'X' }),
      403,
      'permission.denied',
    );
  });
});

describe('people search for a committee (#17)', () => {
  it("stays within the committee's unit, those below and those above it, and matches e-mails only for its managers", async () => {
    const org = await committeeWithRoles(ctx.app, ctx.db, 'tim-nguoi');
    const haNoi = (
      await ctx.db.execute<{ id: string }>(
        sql`select id from administrative_units where name = 'Thành phố Hà Nội'`,
      )
    ).rows[0]!;
    // A sibling district of the same city: another area, never listed.
    const sibling = (
      await call(
        ctx.app,
        org.admin.session,
        'POST',
        '/api/v1/units',
        { level: 'district', name: 'Quận bên cạnh tìm-người', parentId: haNoi.id, isSample: true },
        201,
      )
    ).json();
    await createUser(ctx.db, { fullName: 'Người ngoài quận tìm-người', unitId: sibling.id });
    // The city above: its leaders are invited as guests (the line of command), so they are found.
    await createUser(ctx.db, { fullName: 'Lãnh đạo thành phố tìm-người', unitId: haNoi.id });
    const inside = await createUser(ctx.db, { fullName: 'Người trong quận tìm-người', unitId: org.unit.id });
    await ctx.db.execute(sql`update users set email = 'hop.thu.rieng@example.vn' where id = ${inside.id}`);
    const search = async (session: typeof org.seats.member.session, q: string) =>
      (
        await call(
          ctx.app,
          session,
          'GET',
          `${org.url}/candidates?q=${encodeURIComponent(q)}`,
          undefined,
          200,
        )
      )
        .json()
        .items.map((p: { fullName: string }) => p.fullName);

    for (const session of [org.seats.member.session, org.seats.secretary.session]) {
      expect(await search(session, 'tim-nguoi')).toContain('Người trong quận tìm-người');
      expect(await search(session, 'tim-nguoi')).not.toContain('Người ngoài quận tìm-người');
      expect(await search(session, 'tim-nguoi')).toContain('Lãnh đạo thành phố tìm-người');
    }
    expect(await search(org.seats.secretary.session, 'hop.thu.rieng')).toEqual([
      'Người trong quận tìm-người',
    ]);
    expect(await search(org.seats.member.session, 'hop.thu.rieng')).toEqual([]);
  });
});
