import { describe, expect, it } from 'vitest';
import { tasksExportUrl } from './api.ts';
import { filtersOf, hasFilters, parseTasksSearch, timelineOf } from './tasks.ts';

const ID = '0192f0c4-8d2e-7a10-9c3b-1a2b3c4d5e6f';

describe('the task list in the URL', () => {
  it('keeps valid filters and drops anything else', () => {
    expect(
      parseTasksSearch({
        ban: ID,
        role: 'reviewer',
        status: 'submittedDone',
        derived: 'overdue',
        domain: ' CDS ',
        unit: 'not-an-id',
        member: ID,
        source: 'conclusion',
        from: '2026-07-01',
        to: '01/09/2026',
        q: '  lam sach  ',
      }),
    ).toEqual({
      ban: ID,
      role: 'reviewer',
      status: 'submittedDone',
      derived: 'overdue',
      domain: 'CDS',
      unit: undefined,
      member: ID,
      source: 'conclusion',
      from: '2026-07-01',
      to: undefined,
      q: 'lam sach',
    });
    expect(parseTasksSearch({ role: 'boss', status: 'closed', derived: 'late', source: 'x' })).toEqual(
      expect.objectContaining({ role: undefined, status: undefined, derived: undefined, source: undefined }),
    );
  });

  it('lists the unfinished tasks by default, every status with "all", and lets a display status stand alone', () => {
    expect(filtersOf({})).toEqual({ status: 'open' });
    expect(filtersOf({ status: 'all' })).toEqual({});
    expect(filtersOf({ derived: 'doneLate' })).toEqual({ derived: 'doneLate' });
    expect(filtersOf({ status: 'done', derived: 'doneLate' })).toEqual({
      status: 'done',
      derived: 'doneLate',
    });
  });

  it('sends the lead unit and member filters only for a committee’s list (my tasks do not take them)', () => {
    const search = { unit: ID, member: ID, from: '2026-07-01', to: '2026-09-30' };
    expect(filtersOf(search)).toEqual({ status: 'open', dueFrom: '2026-07-01', dueTo: '2026-09-30' });
    expect(filtersOf({ ...search, ban: ID })).toEqual({
      status: 'open',
      dueFrom: '2026-07-01',
      dueTo: '2026-09-30',
      leadUnitId: ID,
      membershipId: ID,
    });
  });

  it('tells whether a filter other than the committee and the role is set', () => {
    expect(hasFilters({ ban: ID, role: 'responsible' })).toBe(false);
    expect(hasFilters({ ban: ID, q: 'VNeID' })).toBe(true);
  });
});

describe('the Excel export of a filtered list', () => {
  it('carries exactly the list’s filters, and none when there are none', () => {
    expect(tasksExportUrl(ID, {})).toBe(`/api/v1/committees/${ID}/tasks/export.xlsx`);
    const url = new URL(
      tasksExportUrl(ID, filtersOf({ ban: ID, source: 'conclusion', unit: ID, q: 'VNeID' })),
      'http://x',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: 'open',
      source: 'conclusion',
      leadUnitId: ID,
      q: 'VNeID',
    });
  });
});

describe('the task page’s timeline', () => {
  it('tells history, progress and comments as one story, oldest first, ties in that order', () => {
    const entries = timelineOf({
      events: [
        { id: 'e1', at: '2026-09-01T02:00:00.000Z' },
        { id: 'e2', at: '2026-09-03T02:00:00.000Z' },
      ],
      progressReports: [{ id: 'p1', at: '2026-09-02T02:00:00.000Z' }],
      comments: [
        { id: 'c1', at: '2026-09-03T02:00:00.000Z' },
        { id: 'c0', at: '2026-09-01T01:00:00.000Z' },
      ],
    });
    expect(entries.map((e) => `${e.type}:${e.id}`)).toEqual([
      'comment:c0',
      'event:e1',
      'progress:p1',
      'event:e2',
      'comment:c1',
    ]);
  });
});
