import { describe, expect, it } from 'vitest';
import { whatIsMissing } from './readiness';

describe('what is missing for a competency', () => {
  it('is nothing once demonstrated', () => {
    expect(whatIsMissing({ expected: 3, effectiveRating: 3, ratingGap: 0, evidenceGap: 0, verdict: 'DEMONSTRATED' })).toEqual([]);
  });

  it('names the rating and the evidence still short', () => {
    expect(whatIsMissing({
      expected: 4, evidenceRequired: 3, effectiveRating: 3, ratingGap: 1, evidenceStrength: 0.7, evidenceGap: 2.3, verdict: 'BOTH_GAPS',
    })).toEqual(['Rating: 1 short (3 of 4)', 'Evidence: 2.30 short (0.70 of 3)']);
  });

  it('says when nobody has rated it yet', () => {
    expect(whatIsMissing({ expected: 2, ratingGap: 2, evidenceGap: 0, verdict: 'RATING_GAP' }))
      .toEqual(['Rating: not rated yet (level 2 expected)']);
  });

  it('does not blame the person for evidence that could not be counted', () => {
    expect(whatIsMissing({ expected: 2, effectiveRating: 2, ratingGap: 0, verdict: 'EVIDENCE_UNAVAILABLE' }))
      .toEqual(['Evidence could not be counted just now']);
  });
});
