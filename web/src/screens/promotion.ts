import type { components } from '../api/schema';

type Competency = components['schemas']['CaseCompetency'];
type Status = components['schemas']['PromotionCaseStatus'];

export const STATUS_LABEL: Record<Status, string> = {
  DRAFT: 'Draft', SUBMITTED: 'Submitted', IN_REVIEW: 'In review', DECIDED: 'Decided',
};

/**
 * The gaps a "not yet" decision starts from: every competency the record shows as not yet
 * demonstrated, each with an empty note. The decider adds or removes; the API checks the rest.
 */
export function decisionGaps(competencies: Competency[]): Record<string, string | undefined> {
  const gaps: Record<string, string | undefined> = {};
  for (const c of competencies) {
    if (c.competency && c.verdict !== 'DEMONSTRATED') gaps[c.competency] = '';
  }
  return gaps;
}
