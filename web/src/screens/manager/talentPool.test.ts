import { describe, expect, it } from 'vitest';
import { projectionText, trendText } from './talentPool';

describe('months to ready', () => {
  it('reads as a range, an open end or the reason there is none', () => {
    expect(projectionText({ kind: 'PROJECTED', monthsLow: 3, monthsHigh: 5 })).toBe('3–5 months');
    expect(projectionText({ kind: 'PROJECTED', monthsLow: 2 })).toBe('2 months or more');
    expect(projectionText({ kind: 'PROJECTED', monthsLow: 1, monthsHigh: 1 })).toBe('About 1 month');
    expect(projectionText({ kind: 'PROJECTED', monthsLow: 4, monthsHigh: 4 })).toBe('About 4 months');
    expect(projectionText({ kind: 'READY', monthsLow: 0, monthsHigh: 0 })).toBe('Ready now');
    expect(projectionText({ kind: 'NOT_ENOUGH_HISTORY' })).toBe('Not enough history');
    expect(projectionText({ kind: 'NOT_IMPROVING' })).toBe('Not improving at the recent pace');
    expect(projectionText(undefined)).toBe('–');
  });
});

describe('the 90-day trend', () => {
  it('says the direction in words and an arrow', () => {
    expect(trendText(5)).toBe('▲ up 5 points');
    expect(trendText(-1)).toBe('▼ down 1 point');
    expect(trendText(0)).toBe('No change');
    expect(trendText(null)).toBe('–');
  });
});
