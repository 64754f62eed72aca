import { describe, expect, it } from 'vitest';
import { cellState, competencyColumns, disagreement, filtersFromSearch, filtersToSearch, visibleRows, type TeamRow } from './team';

const row = (name: string, extra: Partial<TeamRow>): TeamRow => ({ personId: name, name, ...extra });
const ada = row('Ada', { level: 'PM', readinessPercent: 40, readinessStatus: 'EMERGING',
  competencies: { influence: { expected: 3, rating: 1 }, delivery: { expected: 3, rating: 3 } } });
const ben = row('Ben', { level: 'APM', readinessPercent: 90, readinessStatus: 'READY',
  competencies: { influence: { expected: 2, rating: 2 }, strategy: { expected: 1 } } });
const cy = row('Cy', { level: 'PM', readinessPercent: 10, readinessStatus: 'NOT_READY',
  competencies: { influence: { expected: 3, rating: 2 } } });

describe('cellState', () => {
  it('says how far a rating is from the expectation', () => {
    expect(cellState({ expected: 3, rating: 3.5 })).toBe('met');
    expect(cellState({ expected: 3, rating: 2 })).toBe('below');
    expect(cellState({ expected: 3, rating: 1 })).toBe('far-below');
    expect(cellState({ expected: 3 })).toBe('unrated');
    expect(cellState({ expected: 0, rating: 2 })).toBe('not-expected');
    expect(cellState(undefined)).toBe('not-expected');
  });
});

describe('visibleRows', () => {
  const all = [cy, ben, ada];
  it('sorts by name, readiness, status or a competency gap', () => {
    expect(visibleRows(all, { sort: 'name' }).map((r) => r.name)).toEqual(['Ada', 'Ben', 'Cy']);
    expect(visibleRows(all, { sort: 'readiness' }).map((r) => r.name)).toEqual(['Cy', 'Ada', 'Ben']);
    expect(visibleRows(all, { sort: 'status' }).map((r) => r.name)).toEqual(['Cy', 'Ada', 'Ben']);
    expect(visibleRows(all, { sort: 'influence' }).map((r) => r.name)).toEqual(['Ada', 'Cy', 'Ben']);
  });
  it('filters by level, status and competency', () => {
    expect(visibleRows(all, { sort: 'name', level: 'PM' }).map((r) => r.name)).toEqual(['Ada', 'Cy']);
    expect(visibleRows(all, { sort: 'name', status: 'READY' }).map((r) => r.name)).toEqual(['Ben']);
    expect(visibleRows(all, { sort: 'name', competency: 'strategy' }).map((r) => r.name)).toEqual(['Ben']);
    expect(all.map((r) => r.name)).toEqual(['Cy', 'Ben', 'Ada']); // the input is left alone
  });
});

describe('columns and the address', () => {
  it('lists every expected competency once', () => {
    expect(competencyColumns([ada, ben, cy])).toEqual(['influence', 'delivery', 'strategy']);
    expect(competencyColumns([ada, ben], 'delivery')).toEqual(['delivery']);
  });
  it('round-trips the filters through the query string', () => {
    const search = filtersToSearch({ depth: 'all', level: 'PM', status: 'READY', competency: 'influence', sort: 'readiness' });
    expect(search).toBe('?depth=all&level=PM&status=READY&competency=influence&sort=readiness');
    expect(filtersFromSearch(search)).toEqual({ level: 'PM', status: 'READY', competency: 'influence', sort: 'readiness' });
    expect(filtersToSearch({ sort: 'name' })).toBe('');
  });
});

describe('disagreement', () => {
  it('flags two points or more between the manager and the self or peers', () => {
    expect(disagreement(4, [2, undefined])).toBe(2);
    expect(disagreement(1, [2, 4.5])).toBe(3.5);
    expect(disagreement(3, [2, 4])).toBeUndefined();
    expect(disagreement(undefined, [1])).toBeUndefined();
  });
});
