import { api, call } from '../api/client';
import type { components } from '../api/schema';
import { formatNumber } from '../app/labels';

type CompetencyResult = components['schemas']['CompetencyResult'];

/** What stands between a competency and "demonstrated", in words, from the answer's gaps. */
export function whatIsMissing(c: CompetencyResult): string[] {
  const missing: string[] = [];
  if ((c.ratingGap ?? 0) > 0) {
    missing.push(c.effectiveRating === undefined || c.effectiveRating === null
      ? `Rating: not rated yet (level ${c.expected ?? 0} expected)`
      : `Rating: ${formatNumber(c.ratingGap)} short (${formatNumber(c.effectiveRating)} of ${c.expected ?? 0})`);
  }
  if (c.verdict === 'EVIDENCE_UNAVAILABLE') {
    missing.push('Evidence could not be counted just now');
  } else if ((c.evidenceGap ?? 0) > 0) {
    missing.push(`Evidence: ${formatNumber(c.evidenceGap, 2)} short (${formatNumber(c.evidenceStrength, 2)} of ${c.evidenceRequired ?? 0})`);
  }
  return missing;
}

/** A person's readiness, as My growth shows it; asked for ahead at start when My growth is the first screen. */
export const readinessAhead = (personId: string) => `readiness:${personId}`;

export const askReadiness = (personId: string) =>
  call(api.GET('/api/v1/people/{id}/readiness', { params: { path: { id: personId } } }));
