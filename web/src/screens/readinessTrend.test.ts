import { describe, expect, it } from 'vitest';
import { trendLine, trendSummary } from './readinessTrend';

describe('the readiness trend line', () => {
  it('is empty without history', () => {
    expect(trendLine([], 300, 100)).toEqual({ targetLevel: undefined, points: [], path: '' });
    expect(trendSummary(trendLine([], 300, 100))).toBe('No readiness recorded yet');
  });

  it('places points by date and percentage, oldest first', () => {
    const line = trendLine([
      { date: '2026-11-01', readinessPercent: 20, targetLevel: 'SENIOR_PM' },
      { date: '2026-11-03', readinessPercent: 50, targetLevel: 'SENIOR_PM' },
      { date: '2026-11-11', readinessPercent: 100, targetLevel: 'SENIOR_PM' },
    ], 300, 100);
    expect(line.points.map((p) => [p.x, p.y])).toEqual([[0, 80], [60, 50], [300, 0]]);
    expect(line.path).toBe('M0 80 L60 50 L300 0');
    expect(trendSummary(line)).toBe('From 20% on 2026-11-01 to 100% on 2026-11-11: up 80 points');
  });

  it('draws only the latest target level, whose percentages compare', () => {
    const line = trendLine([
      { date: '2026-11-01', readinessPercent: 90, targetLevel: 'SENIOR_PM' },
      { date: '2026-11-02', readinessPercent: 30, targetLevel: 'PRINCIPAL_PM' },
      { date: '2026-11-04', readinessPercent: 25, targetLevel: 'PRINCIPAL_PM' },
    ], 200, 100);
    expect(line.targetLevel).toBe('PRINCIPAL_PM');
    expect(line.points.map((p) => p.percent)).toEqual([30, 25]);
    expect(trendSummary(line)).toBe('From 30% on 2026-11-02 to 25% on 2026-11-04: down 5 points');
  });

  it('centres a single day and clamps out-of-range figures', () => {
    const line = trendLine([{ date: '2026-11-01', readinessPercent: 140, targetLevel: 'VP' }], 200, 100);
    expect(line.points).toEqual([{ x: 100, y: 0, date: '2026-11-01', percent: 140 }]);
    expect(trendSummary(line)).toBe('140% on 2026-11-01');
  });

  it('says when nothing changed', () => {
    const line = trendLine([
      { date: '2026-11-01', readinessPercent: 40, targetLevel: 'VP' },
      { date: '2026-11-02', readinessPercent: 40, targetLevel: 'VP' },
    ], 100, 100);
    expect(trendSummary(line)).toBe('From 40% on 2026-11-01 to 40% on 2026-11-02: unchanged');
    expect(trendSummary(line, (d) => d.slice(5))).toBe('From 40% on 11-01 to 40% on 11-02: unchanged');
  });
});
