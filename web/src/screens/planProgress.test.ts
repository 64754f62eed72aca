import { describe, expect, it } from 'vitest';
import { actionProgress, currentPlan, isOverdue } from './planProgress';

describe('an action\'s progress', () => {
  it('is the share of expected evidence matched, each expectation capped at its count', () => {
    expect(actionProgress({ evidence: [{ count: 2, matched: 1 }, { count: 2, matched: 0 }] })).toBe(25);
    expect(actionProgress({ evidence: [{ count: 1, matched: 5 }, { count: 3, matched: 0 }] })).toBe(25);
    expect(actionProgress({ evidence: [{ count: 3, matched: 3 }] })).toBe(100);
  });

  it('is complete when done, zero when nothing is expected, unknown when stale', () => {
    expect(actionProgress({ done: true, evidence: [{ count: 2, matched: 0 }] })).toBe(100);
    expect(actionProgress({ evidence: [] })).toBe(0);
    expect(actionProgress({ evidence: [{ count: 2 }] })).toBeUndefined();
  });
});

describe('which plan to show', () => {
  it('prefers the active plan, then the newest live one', () => {
    const plans = [
      { id: 'old', status: 'SUPERSEDED' as const, createdAt: '2026-01-01T00:00:00Z' },
      { id: 'active', status: 'ACTIVE' as const, createdAt: '2026-02-01T00:00:00Z' },
      { id: 'draft', status: 'DRAFT' as const, createdAt: '2026-03-01T00:00:00Z' },
    ];
    expect(currentPlan(plans)?.id).toBe('active');
    expect(currentPlan(plans.filter((p) => p.id !== 'active'))?.id).toBe('draft');
    expect(currentPlan([plans[0]!])).toBeUndefined();
  });
});

describe('overdue actions', () => {
  it('are past their due date and not done', () => {
    expect(isOverdue({ dueOn: '2026-01-01' }, '2026-01-02')).toBe(true);
    expect(isOverdue({ dueOn: '2026-01-02' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ dueOn: '2026-01-01', done: true }, '2026-01-02')).toBe(false);
    expect(isOverdue({}, '2026-01-02')).toBe(false);
  });
});
