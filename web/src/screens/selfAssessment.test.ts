import { describe, expect, it } from 'vitest';
import { chooseCycle, draftsFrom, isOpen, ratingsToSend } from './selfAssessment';

const cycle = (id: string, startsOn: string, endsOn: string, selfStatus: 'MISSING' | 'DRAFT' | 'SUBMITTED' = 'MISSING') =>
  ({ id, name: id, startsOn, endsOn, frameworkVersion: 1, selfStatus });
const today = '2026-05-15';

describe('choosing the cycle to self-assess in', () => {
  it('opens the newest cycle that is open today', () => {
    const cycles = [cycle('next', '2026-06-01', '2026-06-30'), cycle('spring', '2026-05-01', '2026-05-31'),
      cycle('long', '2026-01-01', '2026-12-31'), cycle('autumn', '2025-10-01', '2025-10-31', 'SUBMITTED')];
    expect(chooseCycle(cycles, today)?.id).toBe('spring');
  });

  it('does not trust the order it is given', () => {
    expect(chooseCycle([cycle('long', '2026-01-01', '2026-12-31'), cycle('spring', '2026-05-01', '2026-05-31')], today)?.id)
      .toBe('spring');
  });

  it('counts the first and the last day as open', () => {
    expect(isOpen(cycle('a', today, today), today)).toBe(true);
    expect(isOpen(cycle('a', '2026-05-16', '2026-05-20'), today)).toBe(false);
    expect(isOpen(cycle('a', '2026-05-01', '2026-05-14'), today)).toBe(false);
  });

  it('falls back to the newest cycle when none is open, and to nothing without any', () => {
    const cycles = [cycle('old', '2025-01-01', '2025-01-31'), cycle('upcoming', '2026-09-01', '2026-09-30')];
    expect(chooseCycle(cycles, today)?.id).toBe('upcoming');
    expect(chooseCycle([], today)).toBeUndefined();
  });

  it('takes the cycle named in the address when the member is in it, else the default', () => {
    const cycles = [cycle('spring', '2026-05-01', '2026-05-31'), cycle('autumn', '2025-10-01', '2025-10-31', 'SUBMITTED')];
    expect(chooseCycle(cycles, today, 'autumn')?.id).toBe('autumn');
    expect(chooseCycle(cycles, today, 'someone-elses')?.id).toBe('spring');
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
