import type { PlanItem } from '@steerco/contract/plans';
import { describe, expect, it } from 'vitest';
import { groupItems, inputOf, itemFieldErrors, quarterEnd, quarterStart } from './plans.ts';

const ID = (n: number) => `0192f0c4-8d2e-7a10-9c3b-1a2b3c4d5e${String(n).padStart(2, '0')}`;

const item = (n: number, domain: string, quarter: number, deadline: string): PlanItem => ({
  id: ID(n),
  position: n,
  domain,
  domainName: { CCHC: 'Cải cách hành chính', CDS: 'Chuyển đổi số', DA06: 'Đề án 06' }[domain] ?? domain,
  quarter,
  title: `Nhiệm vụ ${n}`,
  content: null,
  leadUnit: n % 2 ? { id: ID(90), name: 'Công an phường' } : null,
  leadMember: n % 2 ? null : { membershipId: ID(91), fullName: 'Trần Xuân Hoàn' },
  cooperatingUnits: [{ id: ID(92), name: 'Văn phòng UBND' }],
  expectedProduct: 'Báo cáo',
  deadline,
  task: null,
});

describe('the plan table', () => {
  it('groups by domain in the committee’s order, then quarter, then deadline', () => {
    const groups = groupItems(
      [
        item(1, 'DA06', 2, '2027-06-30'),
        item(2, 'CCHC', 4, '2027-12-31'),
        item(3, 'CCHC', 1, '2027-03-31'),
        item(4, 'CCHC', 1, '2027-02-15'),
        item(5, 'XYZ', 3, '2027-09-30'),
      ],
      ['CCHC', 'CDS', 'DA06'],
    );
    expect(groups.map((g) => g.domain)).toEqual(['CCHC', 'DA06', 'XYZ']);
    expect(groups[0]!.domainName).toBe('Cải cách hành chính');
    expect(groups[0]!.quarters.map((q) => [q.quarter, q.items.map((i) => i.position)])).toEqual([
      [1, [4, 3]],
      [4, [2]],
    ]);
  });

  it('knows the quarters of the plan year', () => {
    expect([1, 2, 3, 4].map((q) => [quarterStart(2027, q), quarterEnd(2027, q)])).toEqual([
      ['2027-01-01', '2027-03-31'],
      ['2027-04-01', '2027-06-30'],
      ['2027-07-01', '2027-09-30'],
      ['2027-10-01', '2027-12-31'],
    ]);
  });
});

describe('the item editor', () => {
  it('sends an item back as it was shown (R1: the one lead it has)', () => {
    expect(inputOf(item(1, 'CCHC', 2, '2027-06-30'))).toEqual({
      domain: 'CCHC',
      quarter: 2,
      title: 'Nhiệm vụ 1',
      content: null,
      leadUnitId: ID(90),
      leadMembershipId: null,
      cooperatingUnitIds: [ID(92)],
      expectedProduct: 'Báo cáo',
      deadline: '2027-06-30',
    });
    expect(inputOf(item(2, 'CCHC', 2, '2027-06-30'))).toMatchObject({
      leadUnitId: null,
      leadMembershipId: ID(91),
    });
  });

  it('picks the server’s errors of the edited item, by field', () => {
    const errors = [
      { path: 'items.0.domain', message: 'Nhiệm vụ 1: lĩnh vực' },
      { path: 'items.1.deadline', message: 'Nhiệm vụ 2: hạn' },
      { path: 'body.items.1.leadUnitId', message: 'R1' },
      { path: 'items.10.title', message: 'Nhiệm vụ 11' },
    ];
    expect(itemFieldErrors(errors, 1)).toEqual({ deadline: 'Nhiệm vụ 2: hạn', leadUnitId: 'R1' });
    expect(itemFieldErrors(errors, 0)).toEqual({ domain: 'Nhiệm vụ 1: lĩnh vực' });
    expect(itemFieldErrors(undefined, 0)).toEqual({});
  });
});
