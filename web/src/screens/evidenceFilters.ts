import type { components } from '../api/schema';

export type EvidenceStatus = components['schemas']['EvidenceStatus'];
export type EvidenceSource = components['schemas']['EvidenceSource'];

export const STATUSES: readonly EvidenceStatus[] = ['SUGGESTED', 'CONFIRMED', 'VERIFIED', 'REJECTED'];
export const SOURCES: readonly EvidenceSource[] = ['MANUAL', 'GITHUB', 'JIRA', 'LINEAR', 'GENERIC'];

/** The evidence list's filters, kept in the address (?status=&source=&competency=) so a filtered view is a link. */
export interface EvidenceFilters {
  status?: EvidenceStatus;
  source?: EvidenceSource;
  competency?: string;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value?.toUpperCase());
}

/** Reads filters from a query string; unknown values are dropped rather than sent to the API. */
export function parseFilters(search: string): EvidenceFilters {
  const params = new URLSearchParams(search);
  const filters: EvidenceFilters = {};
  const status = oneOf(STATUSES, params.get('status'));
  const source = oneOf(SOURCES, params.get('source'));
  const competency = params.get('competency')?.trim();
  if (status) filters.status = status;
  if (source) filters.source = source;
  if (competency) filters.competency = competency;
  return filters;
}

/** The query string for filters, empty ones left out, always in the same order. */
export function filtersToSearch(filters: EvidenceFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.source) params.set('source', filters.source);
  if (filters.competency) params.set('competency', filters.competency);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The list's query for the API, which filters by all three; unset filters are left out. */
export function listQuery(personId: string, filters: EvidenceFilters): { personId: string } & EvidenceFilters {
  return { personId, ...filters };
}

/** Whether any filter is set, so an empty list can say "nothing matches" instead of "nothing yet". */
export function isFiltered(filters: EvidenceFilters): boolean {
  return Boolean(filters.status || filters.source || filters.competency);
}
