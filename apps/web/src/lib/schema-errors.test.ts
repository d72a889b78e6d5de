import { DecisionRef } from '@steerco/contract/committees';
import { CreateMembershipBody } from '@steerco/contract/memberships';
import { describe, expect, it } from 'vitest';
import { type IssueMessages, schemaErrors } from './schema-errors.ts';

const t: IssueMessages = (key, values) => (values ? `${key}:${JSON.stringify(values)}` : key);

describe('schemaErrors', () => {
  it('keys the contract issues by form field path, in the user language', () => {
    const errors = schemaErrors(
      CreateMembershipBody,
      {
        userId: undefined,
        role: 'chairman',
        startDate: '2026-02-30',
        appointingDecision: { number: '', date: '2026-01-05' },
        duties: [{ domain: null, text: 'x'.repeat(4001) }],
      },
      t,
    );
    expect(errors).toEqual({
      userId: 'common.required',
      role: 'validation.choose',
      startDate: 'validation.date',
      'appointingDecision.number': 'common.required',
      'duties.0.text': 'validation.tooLong:{"max":4000}',
    });
  });

  it('answers nothing for a valid value', () => {
    expect(schemaErrors(DecisionRef, { number: '51/QĐ-UBND', date: '2024-03-06' }, t)).toEqual({});
  });
});
