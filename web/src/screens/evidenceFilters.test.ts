import { describe, expect, it } from 'vitest';
import { filtersToSearch, isFiltered, listQuery, parseFilters } from './evidenceFilters';

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

describe('the list query', () => {
  it('sends every filter to the API, source included', () => {
    expect(listQuery('me', parseFilters('?source=github&status=CONFIRMED&competency=influence')))
      .toEqual({ personId: 'me', status: 'CONFIRMED', source: 'GITHUB', competency: 'influence' });
  });

  it('leaves unset filters out rather than sending empty values', () => {
    expect(listQuery('me', parseFilters('?source=carrier-pigeon'))).toEqual({ personId: 'me' });
  });
});
