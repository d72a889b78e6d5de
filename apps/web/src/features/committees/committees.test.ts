import { describe, expect, it } from 'vitest';
import { parseCommitteeSearch, parseCommitteesSearch, treeRoots } from './api.ts';
import { delegationState, dutiesByDomain, orgChartOf } from './committees.ts';

describe('treeRoots', () => {
  it('starts the tree at committees whose parent is not visible', () => {
    const committees = [
      { id: 'haDong', parentId: null },
      { id: 'phucLa', parentId: 'haDong' },
      { id: 'binhDinh', parentId: null },
      { id: 'ward', parentId: 'hidden-district' },
    ];
    expect(treeRoots(committees).map((c) => c.id)).toEqual(['haDong', 'binhDinh', 'ward']);
  });
});

describe('search params', () => {
  it('keeps known tabs only', () => {
    expect(parseCommitteeSearch({ tab: 'uy-quyen' })).toEqual({ tab: 'uy-quyen' });
    expect(parseCommitteeSearch({ tab: 'admin' })).toEqual({ tab: undefined });
  });

  it('reads the list filters', () => {
    expect(parseCommitteesSearch({ q: '  Phúc La ', mine: 'true' })).toEqual({ q: 'Phúc La', mine: true });
    expect(parseCommitteesSearch({ q: '', mine: 'no' })).toEqual({ q: undefined, mine: undefined });
  });
});

describe('orgChartOf', () => {
  it('puts the standing deputy first and sorts tiers by role', () => {
    const chart = orgChartOf([
      { role: 'member', isStanding: false, fullName: 'Trịnh Xuân Hoàn' },
      { role: 'deputyHead', isStanding: false, fullName: 'An Văn B' },
      { role: 'head', isStanding: false, fullName: 'Nguyễn Thị Thu Hằng' },
      { role: 'deputyHead', isStanding: true, fullName: 'Đỗ Minh Tuấn' },
      { role: 'residentialGroupHead', isStanding: false, fullName: 'Nguyễn Văn Bình' },
      { role: 'secretary', isStanding: false, fullName: 'Vũ Trọng Huân' },
    ]);
    expect(chart.heads.map((m) => m.fullName)).toEqual(['Nguyễn Thị Thu Hằng']);
    expect(chart.deputies.map((m) => m.fullName)).toEqual(['Đỗ Minh Tuấn', 'An Văn B']);
    expect(chart.secretaries).toHaveLength(1);
    expect(chart.members).toHaveLength(1);
    expect(chart.residentialGroupHeads).toHaveLength(1);
  });
});

describe('delegationState', () => {
  const period = { validFrom: '2026-01-01', validTo: '2026-06-30' };
  it('tells active, upcoming, expired and revoked apart', () => {
    expect(delegationState({ ...period, revokedAt: null }, '2026-03-01')).toBe('active');
    expect(delegationState({ ...period, revokedAt: null }, '2025-12-31')).toBe('upcoming');
    expect(delegationState({ ...period, revokedAt: null }, '2026-07-01')).toBe('expired');
    expect(delegationState({ ...period, revokedAt: '2026-02-01T08:00:00Z' }, '2026-03-01')).toBe('revoked');
  });
});

describe('dutiesByDomain', () => {
  it('groups every member duty by domain in the committee order, general duties after', () => {
    const groups = dutiesByDomain(
      ['CCHC', 'CDS', 'DA06'],
      [
        {
          member: 'Huân',
          items: [
            { id: '1', domain: null, text: 'Nhiệm vụ khác' },
            { id: '2', domain: 'CDS', text: 'Chuyển đổi số' },
            { id: '3', domain: 'CCHC', text: 'Kế hoạch CCHC' },
          ],
        },
        { member: 'Hoàn', items: [{ id: '4', domain: 'DA06', text: 'CCCD' }] },
        { member: 'Bình', items: [] },
      ],
    );
    expect(groups.map((g) => g.domain)).toEqual(['CCHC', 'CDS', 'DA06', null]);
    expect(groups[0]!.members).toEqual([
      { member: 'Huân', items: [{ id: '3', domain: 'CCHC', text: 'Kế hoạch CCHC' }] },
    ]);
    expect(groups[2]!.members[0]!.member).toBe('Hoàn');
  });
});
