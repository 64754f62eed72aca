import type { components } from '../../api/schema';

type Projection = components['schemas']['ReadinessProjection'];

/** Months to ready as people read it: a range, an open end, or why there is no figure. */
export function projectionText(p: Projection | null | undefined): string {
  if (!p?.kind) return '–';
  switch (p.kind) {
    case 'READY':
      return 'Ready now';
    case 'NOT_ENOUGH_HISTORY':
      return 'Not enough history';
    case 'NOT_IMPROVING':
      return 'Not improving at the recent pace';
    case 'PROJECTED': {
      const low = p.monthsLow ?? 0;
      if (p.monthsHigh === undefined || p.monthsHigh === null) return `${low} months or more`;
      if (p.monthsHigh === low) return `About ${low} ${low === 1 ? 'month' : 'months'}`;
      return `${low}–${p.monthsHigh} months`;
    }
  }
}

/** The readiness change over the last 90 days in words and an arrow, never by colour alone. */
export function trendText(points: number | null | undefined): string {
  if (points === undefined || points === null) return '–';
  if (points === 0) return 'No change';
  const unit = Math.abs(points) === 1 ? 'point' : 'points';
  return points > 0 ? `▲ up ${points} ${unit}` : `▼ down ${-points} ${unit}`;
}
