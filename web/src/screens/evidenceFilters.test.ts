import { describe, expect, it } from 'vitest';
import { applySourceFilter, filtersToSearch, isFiltered, parseFilters } from './evidenceFilters';

describe('evidence filters in the address', () => {
  it('reads the three filters and ignores the rest', () => {
    expect(parseFilters('?status=SUGGESTED&source=GITHUB&competency=influence&page=2'))
      .toEqual({ status: 'SUGGESTED', source: 'GITHUB', competency: 'influence' });
  });

  it('accepts lower-case codes but drops unknown ones instead of sending them to the API', () => {
    expect(parseFilters('?status=confirmed&source=slack')).toEqual({ status: 'CONFIRMED' });
    expect(parseFilters('?competency=%20%20')).toEqual({});
  });

  it('writes only the filters that are set, in a stable order, and reads back what it wrote', () => {
    expect(filtersToSearch({})).toBe('');
    const filters = { competency: 'customer-discovery', status: 'REJECTED' as const };
    expect(filtersToSearch(filters)).toBe('?status=REJECTED&competency=customer-discovery');
    expect(parseFilters(filtersToSearch(filters))).toEqual(filters);
  });

  it('knows when a list is filtered', () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ source: 'JIRA' })).toBe(true);
  });
});

describe('source filter (the API has none)', () => {
  const items = [
    { id: '1', source: 'MANUAL' as const },
    { id: '2', source: 'GITHUB' as const },
    { id: '3', source: 'GITHUB' as const },
  ];

  it('keeps only the chosen source', () => {
    expect(applySourceFilter(items, { source: 'GITHUB' }).map((i) => i.id)).toEqual(['2', '3']);
    expect(applySourceFilter(items, { source: 'LINEAR' })).toEqual([]);
  });

  it('keeps everything without one', () => {
    expect(applySourceFilter(items, { status: 'SUGGESTED' })).toHaveLength(3);
  });
});
