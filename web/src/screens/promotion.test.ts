import { describe, expect, it } from 'vitest';
import { decisionGaps } from './promotion';

describe('a not-yet decision', () => {
  it('starts from every competency not yet demonstrated, with empty notes', () => {
    expect(decisionGaps([
      { competency: 'influence', verdict: 'RATING_GAP' },
      { competency: 'product-craft', verdict: 'DEMONSTRATED' },
      { competency: 'customer-discovery', verdict: 'BOTH_GAPS' },
    ])).toEqual({ influence: '', 'customer-discovery': '' });
  });

  it('starts empty when everything is demonstrated', () => {
    expect(decisionGaps([{ competency: 'influence', verdict: 'DEMONSTRATED' }])).toEqual({});
  });
});
