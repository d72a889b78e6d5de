// Authorization matrix: every committee endpoint × every role, allowed and denied. The server decides; the UI
// only mirrors it (myPermissions). Denied callers who may not even see the committee get 404, not 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context.ts';
import { createUser, type Session, signedInUser } from '../../../test/factories.ts';
import { call, committeeWithRoles } from '../../../test/org-fixtures.ts';

let ctx: TestContext;
let org: Awaited<ReturnType<typeof committeeWithRoles>>;
let actors: Record<string, Session>;

beforeAll(async () => {
  ctx = await createTestContext({ seed: true });
  org = await committeeWithRoles(ctx.app, ctx.db, 'phan-quyen');
  const unitAdmin = await signedInUser(ctx.app, ctx.db, { systemRole: 'unitAdmin', unitId: org.unit.id });
  actors = {
    ...Object.fromEntries(Object.entries(org.seats).map(([role, seat]) => [role, seat.session])),
    outsider: org.outsider.session,
    systemAdmin: org.admin.session,
    unitAdmin: unitAdmin.session,
  };
});
afterAll(() => ctx.close());

const ROLES = [
  'head',
  'deputyHead',
  'secretary',
  'member',
  'residentialGroupHead',
  'guest',
  'outsider',
  'systemAdmin',
  'unitAdmin',
] as const;
type Role = (typeof ROLES)[number];
const CAN_SEE: Role[] = [
  'head',
  'deputyHead',
  'secretary',
  'member',
  'residentialGroupHead',
  'systemAdmin',
  'unitAdmin',
];
const MANAGERS: Role[] = ['head', 'secretary', 'systemAdmin', 'unitAdmin'];

/** Makes a fresh seat to act upon (so an allowed write always has something valid to do). */
async function freshSeat() {
  const user = await createUser(ctx.db, { unitId: org.unit.id });
  const res = await call(
    ctx.app,
    org.admin.session,
    'POST',
    `${org.url}/members`,
    { userId: user.id, role: 'member', startDate: '2024-01-01' },
    201,
  );
  return res.json().id as string;
}
async function freshProposal() {
  const seat = await freshSeat();
  const successor = await createUser(ctx.db, { unitId: org.unit.id });
  const res = await call(
    ctx.app,
    org.admin.session,
    'POST',
    `${org.url}/personnel-changes`,
    {
      membershipId: seat,
      replacementUserId: successor.id,
      reportDate: '2025-01-02',
      reason: 'Điều động',
      effectiveDate: '2025-01-10',
    },
    201,
  );
  return res.json().id as string;
}

interface Case {
  name: string;
  allowed: Role[];
  request: () => Promise<{ method: 'GET' | 'POST' | 'PUT' | 'PATCH'; url: string; payload?: unknown }>;
}

const reads = [
  '',
  '/members',
  '/delegations',
  '/standing-agencies',
  '/working-groups',
  '/personnel-changes',
  '/regulation',
];
const CASES: Case[] = [
  ...reads.map((path) => ({
    name: `GET committee${path}`,
    allowed: CAN_SEE,
    request: async () => ({ method: 'GET' as const, url: `${org.url}${path}` }),
  })),
  {
    name: 'GET duties',
    allowed: CAN_SEE,
    request: async () => ({
      method: 'GET',
      url: `${org.url}/members/${org.seats.member.membershipId}/duties`,
    }),
  },
  {
    name: 'GET candidates',
    allowed: [
      'head',
      'deputyHead',
      'secretary',
      'member',
      'residentialGroupHead',
      'systemAdmin',
      'unitAdmin',
    ],
    request: async () => ({ method: 'GET', url: `${org.url}/candidates?q=head` }),
  },
  {
    name: 'PATCH committee',
    allowed: MANAGERS,
    request: async () => ({ method: 'PATCH', url: org.url, payload: { shortName: 'BCĐ thử' } }),
  },
  {
    name: 'POST members',
    allowed: MANAGERS,
    request: async () => ({
      method: 'POST',
      url: `${org.url}/members`,
      payload: { userId: (await createUser(ctx.db)).id, role: 'member', startDate: '2025-01-01' },
    }),
  },
  {
    name: 'PATCH member',
    allowed: MANAGERS,
    request: async () => ({
      method: 'PATCH',
      url: `${org.url}/members/${await freshSeat()}`,
      payload: { position: 'Chuyên viên' },
    }),
  },
  {
    name: 'POST member end',
    allowed: MANAGERS,
    request: async () => ({
      method: 'POST',
      url: `${org.url}/members/${await freshSeat()}/end`,
      payload: { endDate: '2025-12-31', reason: 'Hết nhiệm kỳ' },
    }),
  },
  {
    name: 'PUT duties',
    allowed: MANAGERS,
    request: async () => ({
      method: 'PUT',
      url: `${org.url}/members/${await freshSeat()}/duties`,
      payload: { baseVersion: 0, items: [{ domain: 'CCHC', text: 'Theo dõi chỉ số PAR INDEX' }] },
    }),
  },
  {
    name: 'POST delegations',
    allowed: ['head', 'secretary'],
    request: async () => ({
      method: 'POST',
      url: `${org.url}/delegations`,
      payload: {
        toMembershipId: org.seats.deputyHead.membershipId,
        scopes: ['chairMeetings'],
        validFrom: '2025-01-01',
        validTo: '2025-01-31',
        document: { number: '01/QĐ-BCĐ', date: '2024-12-30' },
      },
    }),
  },
  {
    name: 'POST standing-agencies',
    allowed: MANAGERS,
    request: async () => {
      const unit = await call(
        ctx.app,
        org.admin.session,
        'POST',
        '/api/v1/units',
        { level: 'agency', name: `Phòng ${Math.random()}`, parentId: org.unit.id },
        201,
      );
      return {
        method: 'POST',
        url: `${org.url}/standing-agencies`,
        payload: { unitId: unit.json().id, domains: ['CDS'] },
      };
    },
  },
  {
    name: 'POST working-groups',
    allowed: MANAGERS,
    request: async () => ({
      method: 'POST',
      url: `${org.url}/working-groups`,
      payload: { name: 'Nhóm công tác CĐS', domain: 'CDS' },
    }),
  },
  {
    name: 'POST personnel-changes',
    allowed: [
      'head',
      'deputyHead',
      'secretary',
      'member',
      'residentialGroupHead',
      'systemAdmin',
      'unitAdmin',
    ],
    request: async () => ({
      method: 'POST',
      url: `${org.url}/personnel-changes`,
      payload: {
        membershipId: await freshSeat(),
        replacementUserId: (await createUser(ctx.db, { unitId: org.unit.id })).id,
        reportDate: '2025-01-02',
        reason: 'Điều động',
        effectiveDate: '2025-01-10',
      },
    }),
  },
  {
    name: 'POST personnel-changes decide',
    allowed: ['head'],
    request: async () => ({
      method: 'POST',
      url: `${org.url}/personnel-changes/${await freshProposal()}/decide`,
      payload: { decision: 'reject', note: 'Chưa phù hợp' },
    }),
  },
  {
    name: 'POST regulation versions',
    allowed: MANAGERS,
    request: async () => ({
      method: 'POST',
      url: `${org.url}/regulation/versions`,
      payload: { title: 'Quy chế sửa đổi', body: 'Nội dung sửa đổi', effectiveFrom: '2025-06-01' },
    }),
  },
  {
    name: 'PUT settings',
    allowed: MANAGERS,
    request: async () => ({
      method: 'PUT',
      url: `${org.url}/settings`,
      payload: {
        noticeLeadWorkingDays: 2,
        confirmationLeadDays: 1,
        substitutePolicy: 'chairApproval',
        meetingCadence: { quarterly: true, halfYearReview: true, annualReview: true },
        absenteeWrittenOpinionRequired: true,
        quorumFraction: 0.5,
      },
    }),
  },
];

describe.each(CASES)('$name', ({ allowed, request }) => {
  it.each(ROLES)('as %s', async (role) => {
    const { method, url, payload } = await request();
    const res = await call(ctx.app, actors[role]!, method, url, payload);
    if (allowed.includes(role)) {
      expect(res.statusCode, res.body).toBeLessThan(300);
    } else {
      expect(res.statusCode, res.body).toBe(CAN_SEE.includes(role) ? 403 : 404);
    }
  });
});
