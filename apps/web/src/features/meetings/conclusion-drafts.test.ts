import { describe, expect, it } from 'vitest';
import type { MinutesView } from './api.ts';
import { checkDrafts, conclusionsBody, draftsOf, emptyConclusion, emptyTask } from './conclusion-drafts.ts';

const minutes = {
  conclusions: [
    {
      id: 'c1',
      position: 1,
      text: 'Đẩy nhanh dịch vụ công trực tuyến',
      domain: 'CCHC',
      tasks: [
        {
          title: 'Rà soát thủ tục',
          leadUnitId: null,
          leadMembershipId: 'seat-1',
          cooperatingUnitIds: ['unit-2'],
          deadline: '2026-11-30',
        },
      ],
    },
  ],
} as unknown as MinutesView;

describe('conclusion drafts', () => {
  it('edit the saved conclusions and give them back unchanged, led by the kind of lead chosen', () => {
    const drafts = draftsOf(minutes);
    expect(drafts[0]!.tasks[0]!.leadKind).toBe('member');
    expect(new Set(drafts.flatMap((c) => [c.key, ...c.tasks.map((t) => t.key)])).size).toBe(2);
    expect(conclusionsBody(drafts)).toEqual([
      {
        text: 'Đẩy nhanh dịch vụ công trực tuyến',
        domain: 'CCHC',
        tasks: [
          {
            title: 'Rà soát thủ tục',
            leadUnitId: null,
            leadMembershipId: 'seat-1',
            cooperatingUnitIds: ['unit-2'],
            deadline: '2026-11-30',
          },
        ],
      },
    ]);
    // Switching to a unit lead sends the unit only, never the member chosen before.
    const unitLed = drafts.map((c) => ({
      ...c,
      tasks: c.tasks.map((t) => ({ ...t, leadKind: 'unit' as const, leadUnitId: 'unit-1' })),
    }));
    expect(conclusionsBody(unitLed)[0]!.tasks[0]).toMatchObject({
      leadUnitId: 'unit-1',
      leadMembershipId: null,
    });
  });

  it('name each empty text, title and missing lead by its field (R1: every task has a lead)', () => {
    const blank = {
      ...emptyConclusion(),
      tasks: [emptyTask(), { ...emptyTask(), title: ' x ', leadUnitId: 'u' }],
    };
    expect(checkDrafts([blank])).toEqual({
      '0.text': 'required',
      '0.tasks.0.title': 'required',
      '0.tasks.0.lead': 'leadRequired',
    });
    expect(checkDrafts(draftsOf(minutes))).toEqual({});
  });
});
