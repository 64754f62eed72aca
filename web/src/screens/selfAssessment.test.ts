import { describe, expect, it } from 'vitest';
import { chooseCycle, draftsFrom, ratingsToSend } from './selfAssessment';

const me = 'me';
const managers = { id: 'm1', cycleId: 'c1', subjectId: me, assessorId: 'boss', kind: 'MANAGER' as const, status: 'SUBMITTED' as const, createdAt: '2026-01-01T00:00:00Z' };

describe('choosing the cycle to self-assess in', () => {
  it('continues an open draft first', () => {
    const draft = { id: 's2', cycleId: 'c2', subjectId: me, assessorId: me, kind: 'SELF' as const, status: 'DRAFT' as const, createdAt: '2025-12-01T00:00:00Z' };
    expect(chooseCycle([managers, draft], me)).toEqual({ cycleId: 'c2', mine: draft });
  });

  it('offers a cycle the member is assessed in but has not self-assessed', () => {
    expect(chooseCycle([managers], me)).toEqual({ cycleId: 'c1' });
  });

  it('says when the only cycle is already done', () => {
    const done = { id: 's1', cycleId: 'c1', subjectId: me, assessorId: me, kind: 'SELF' as const, status: 'SUBMITTED' as const, createdAt: '2026-01-02T00:00:00Z' };
    expect(chooseCycle([managers, done], me)).toEqual({ cycleId: 'c1', alreadySubmitted: done });
  });

  it('takes a cycle named in the address, and finds nothing without any', () => {
    expect(chooseCycle([managers], me, 'c9')).toEqual({ cycleId: 'c9', mine: undefined });
    expect(chooseCycle([], me)).toEqual({});
  });
});

describe('ratings to send', () => {
  it('keeps the framework order, skips unrated competencies and maps indexes back', () => {
    const drafts = { b: { rating: 2, comment: '  ' }, a: { rating: 4, comment: 'led the launch ' }, c: { comment: 'x' } };
    expect(ratingsToSend(['a', 'b', 'c'], drafts)).toEqual({
      ratings: [{ competency: 'a', rating: 4, comment: 'led the launch' }, { competency: 'b', rating: 2 }],
      codeAt: ['a', 'b'],
    });
  });

  it('reads a saved assessment back into the form', () => {
    expect(draftsFrom({ ratings: [{ competency: 'a', rating: 3 }] })).toEqual({ a: { rating: 3, comment: '' } });
  });
});
