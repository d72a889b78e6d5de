import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/clock-setup.ts';
import { createTestContext, expectProblem, type TestContext } from '../../../test/context.ts';
import { addDays, clockAt, meetingAt, workCalendar, workingDay } from '../../../test/meeting-times.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';
import * as clock from '../../clock.ts';
import { uuidv7 } from '../../db/ids.ts';
import { documents } from './documents.schema.ts';

let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await committeeWithRoles(ctx.app, ctx.db, 'van-ban');
});
afterAll(() => ctx.close());
afterEach(() => clock.setClock(TEST_NOW));

/** The meeting's day, two working days on; its conclusions' tasks are due in 60 days, or in 7 working days. */
const MEETING_DAY = workingDay(2);
const DEADLINE = addDays(MEETING_DAY, 60);

/**
 * A meeting two working days on, noticed late by the chair, with two conclusions; the clock then moves to half an
 * hour after its start (the notice and minutes of a meeting are issued only once it has begun).
 */
async function meetingWithConclusions() {
  const m = (
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      '/api/v1/meetings',
      {
        committeeId: org.committee.id,
        kind: 'quarterly',
        title: 'Cuộc họp quý III năm 2026',
        place: 'Phòng họp số 1',
        ...meetingAt(MEETING_DAY, '14:00'),
      },
      201,
    )
  ).json();
  await call(
    ctx.app,
    org.seats.secretary.session,
    'POST',
    `/api/v1/meetings/${m.id}/agenda`,
    { title: 'Kết quả quý III', takesOpinions: false },
    200,
  );
  await call(
    ctx.app,
    org.seats.head.session,
    'POST',
    `/api/v1/meetings/${m.id}/notice`,
    { lateReason: 'Họp gấp' },
    200,
  );
  await call(
    ctx.app,
    org.seats.secretary.session,
    'PUT',
    `/api/v1/meetings/${m.id}/conclusions`,
    {
      items: [
        {
          text: 'Đẩy mạnh dịch vụ công trực tuyến.',
          domain: 'CDS',
          tasks: [
            {
              title: 'Hướng dẫn người dân',
              leadMembershipId: org.seats.member.membershipId,
              deadline: DEADLINE,
            },
          ],
        },
        {
          text: 'Làm sạch dữ liệu dân cư.',
          domain: 'DA06',
          tasks: [{ title: 'Rà soát dữ liệu', leadUnitId: org.unit.id, deadlineWorkingDays: 7 }],
        },
      ],
    },
    200,
  );
  clockAt(m, 30);
  return m;
}

async function approvedNotice() {
  const m = await meetingWithConclusions();
  const detail = (
    await call(ctx.app, org.seats.secretary.session, 'GET', `/api/v1/meetings/${m.id}`, undefined, 200)
  ).json();
  // On the day: the head and the member in the room, a guest seat absent.
  for (const role of ['head', 'member'] as const) {
    const a = detail.attendees.find((x: { userId: string }) => x.userId === org.seats[role].userId);
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `/api/v1/meetings/${m.id}/attendees/${a.id}/check-in`,
      undefined,
      200,
    );
  }
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
  await call(ctx.app, org.seats.head.session, 'POST', `/api/v1/documents/${doc.id}/approve`, undefined, 200);
  return doc;
}

describe('official documents', () => {
  it('drafts a conclusion notice from the meeting, issues it with a number, and freezes it (R13)', async () => {
    const doc = await approvedNotice();
    expect(doc).toMatchObject({ type: 'notice', status: 'draft', numberText: null });
    expect(doc.title).toBe('Kết luận của Trưởng Ban Chỉ đạo tại cuộc họp quý III năm 2026');
    const body = JSON.stringify(doc.body);
    expect(body).toContain('chủ trì');
    expect(body).toContain('Tham dự: 2 thành viên.');
    // Every task with its deadline as a date, also the one given in working days (counted on the calendar).
    const vn = (iso: string) => iso.split('-').reverse().join('/');
    expect(body).toContain(`Hướng dẫn người dân; thời hạn: ${vn(DEADLINE)}.`);
    expect(body).toContain(`Rà soát dữ liệu; thời hạn: ${vn(workCalendar.addWorkingDays(MEETING_DAY, 7))}.`);

    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `/api/v1/documents/${doc.id}/issue`, {
        signerMembershipId: org.seats.member.membershipId,
      }),
      403,
      'document.signerNotAllowed',
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
    expect(issued).toMatchObject({
      status: 'issued',
      number: 1,
      numberText: '01/TB-BCĐ',
      issuedOn: MEETING_DAY,
      signingCapacity: ['TM. BAN CHỈ ĐẠO', 'TRƯỞNG BAN'],
    });

    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `/api/v1/documents/${doc.id}/issue`, {
        signerMembershipId: org.seats.head.membershipId,
      }),
      409,
      'document.alreadyIssued',
    );
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'PATCH', `/api/v1/documents/${doc.id}`, {
        title: 'Sửa',
      }),
      409,
      'document.immutable',
    );

    const file = await call(
      ctx.app,
      org.seats.member.session,
      'GET',
      `/api/v1/documents/${doc.id}/docx`,
      undefined,
      200,
    );
    const xml = await (await JSZip.loadAsync(file.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('01/TB-BCĐ');
    expect(xml).toContain('TRƯỞNG BAN');
    // A clean name: the number already names the type.
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('01-TB-BCĐ.docx')}`,
    );
  });

  it('never issues the conclusion notice before the meeting starts, nor dated before its day — nothing written', async () => {
    const doc = await approvedNotice();
    const issue = (issuedOn?: string) =>
      call(ctx.app, org.seats.secretary.session, 'POST', `/api/v1/documents/${doc.id}/issue`, {
        signerMembershipId: org.seats.head.membershipId,
        ...(issuedOn ? { issuedOn } : {}),
      });
    // Dated the day before the meeting, after it started: refused.
    const backdated = expectProblem(await issue(addDays(MEETING_DAY, -1)), 409, 'document.beforeMeeting');
    expect(backdated.detail).toContain('ngày ban hành không trước ngày họp');
    // Before the start (the clock an hour before it): refused too.
    clock.setClock(new Date(Date.parse(meetingAt(MEETING_DAY, '14:00').startsAt) - 3_600_000));
    expectProblem(await issue(), 409, 'document.beforeMeeting');
    const row = (
      await ctx.db.execute(sql`select status, number, issued_on from documents where id = ${doc.id}`)
    ).rows[0]!;
    expect(row).toMatchObject({ status: 'approved', number: null, issued_on: null });
    clock.setClock(new Date(Date.parse(meetingAt(MEETING_DAY, '14:00').startsAt) + 60_000));
    expect((await issue()).statusCode).toBe(200);
  });

  it('lets a deputy sign only under a delegation to sign, as "KT. TRƯỞNG BAN"', async () => {
    const doc = await approvedNotice();
    expectProblem(
      await call(ctx.app, org.seats.secretary.session, 'POST', `/api/v1/documents/${doc.id}/issue`, {
        signerMembershipId: org.seats.deputyHead.membershipId,
        issuedOn: MEETING_DAY,
      }),
      403,
      'document.signerNotAllowed',
    );
    await call(
      ctx.app,
      org.seats.head.session,
      'POST',
      `${org.url}/delegations`,
      {
        toMembershipId: org.seats.deputyHead.membershipId,
        scopes: ['signDocuments'],
        validFrom: MEETING_DAY,
        validTo: addDays(MEETING_DAY, 30),
      },
      201,
    );
    const issued = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `/api/v1/documents/${doc.id}/issue`,
        { signerMembershipId: org.seats.deputyHead.membershipId, issuedOn: MEETING_DAY },
        200,
      )
    ).json();
    expect(issued.signingCapacity).toEqual(['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN']);
  });

  it('numbers 50 concurrent issues with 50 distinct consecutive numbers, no gaps', async () => {
    const ids = Array.from({ length: 50 }, () => uuidv7());
    await ctx.db.insert(documents).values(
      ids.map((id) => ({
        id,
        committeeId: org.committee.id,
        direction: 'outgoing' as const,
        type: 'invitation' as const,
        status: 'approved' as const,
        title: `Giấy mời ${id}`,
      })),
    );
    const results = await Promise.all(
      ids.map((id) =>
        call(ctx.app, org.seats.secretary.session, 'POST', `/api/v1/documents/${id}/issue`, {
          signerMembershipId: org.seats.head.membershipId,
          issuedOn: '2027-01-15',
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    const numbers = results.map((r) => r.json().number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const counter = await ctx.db.execute(
      sql`select last_number from document_counters where committee_id = ${org.committee.id} and type = 'invitation' and year = 2027`,
    );
    expect(counter.rows[0]!.last_number).toBe(50);
  });

  it('finds documents in Vietnamese with or without diacritics, by number and by type', async () => {
    await call(
      ctx.app,
      org.seats.secretary.session,
      'POST',
      `${org.url}/documents/incoming`,
      {
        numberText: '125/KH-UBND',
        issuedOn: '2026-03-02',
        issuer: 'UBND quận Hà Đông',
        title: 'Kế hoạch triển khai Đề án 06 năm 2026 trên địa bàn quận',
        deadline: '2026-04-30',
      },
      201,
    );
    const search = async (q: string) =>
      (
        await call(
          ctx.app,
          org.seats.member.session,
          'GET',
          `/api/v1/documents?committeeId=${org.committee.id}&${q}`,
          undefined,
          200,
        )
      )
        .json()
        .items.map((d: { title: string }) => d.title);
    for (const q of ['ke hoach de an 06', 'Kế hoạch Đề án 06', 'KE HOACH']) {
      expect(await search(`q=${encodeURIComponent(q)}`)).toEqual([
        'Kế hoạch triển khai Đề án 06 năm 2026 trên địa bàn quận',
      ]);
    }
    expect((await search(`q=${encodeURIComponent('ket luan')}`)).length).toBeGreaterThanOrEqual(2);
    expect(await search('number=125')).toEqual(['Kế hoạch triển khai Đề án 06 năm 2026 trên địa bàn quận']);
    expect(await search('direction=incoming&from=2026-03-01&to=2026-03-31')).toHaveLength(1);
    // The issuer filter: part of the name, with or without diacritics; outgoing documents have none.
    for (const issuer of ['ha dong', 'Hà Đông', 'UBND QUẬN']) {
      expect(await search(`issuer=${encodeURIComponent(issuer)}`)).toEqual([
        'Kế hoạch triển khai Đề án 06 năm 2026 trên địa bàn quận',
      ]);
    }
    expect(await search(`issuer=${encodeURIComponent('bình định')}`)).toEqual([]);
    expect(await search(`issuer=${encodeURIComponent('%')}`)).toEqual([]);
  });

  it('keeps every saved version of a draft, newest first', async () => {
    const doc = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${org.url}/documents`,
        { type: 'report', title: 'Báo cáo tháng 10' },
        201,
      )
    ).json();
    await call(
      ctx.app,
      org.seats.secretary.session,
      'PATCH',
      `/api/v1/documents/${doc.id}`,
      { title: 'Báo cáo tháng 10 năm 2026' },
      200,
    );
    const versions = (
      await call(
        ctx.app,
        org.seats.member.session,
        'GET',
        `/api/v1/documents/${doc.id}/versions`,
        undefined,
        200,
      )
    ).json().items;
    expect(versions.map((v: { version: number; title: string }) => [v.version, v.title])).toEqual([
      [2, 'Báo cáo tháng 10 năm 2026'],
      [1, 'Báo cáo tháng 10'],
    ]);
    expect(versions[0].createdBy).toBe('secretary van-ban');
  });

  it('refuses drafting to plain members and documents of another committee', async () => {
    expectProblem(
      await call(ctx.app, org.seats.member.session, 'POST', `${org.url}/documents`, {
        type: 'report',
        title: 'Báo cáo',
      }),
      403,
      'permission.denied',
    );
    const other = await committeeWithRoles(ctx.app, ctx.db, 'van-ban-khac');
    const mine = (
      await call(
        ctx.app,
        org.seats.secretary.session,
        'POST',
        `${org.url}/documents`,
        { type: 'report', title: 'Báo cáo quý' },
        201,
      )
    ).json();
    expectProblem(
      await call(ctx.app, other.seats.head.session, 'GET', `/api/v1/documents/${mine.id}`),
      404,
      'document.notFound',
    );
  });
});
