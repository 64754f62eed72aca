import type { components } from '../api/schema';

type Assessment = components['schemas']['AssessmentResponse'];
type RatingInput = components['schemas']['RatingInput'];

export interface Draft { rating?: number; comment: string }

/**
 * Which cycle the member's self-assessment belongs to, and their own assessment in it if any.
 * A member cannot list cycles (that is for managers), so the cycles come from the assessments of
 * them they can read; one named in the address (?cycle=) wins. An open draft comes first, then
 * the newest cycle without a submitted self-assessment.
 */
export function chooseCycle(assessments: Assessment[], personId: string, requested?: string | null):
  { cycleId?: string; mine?: Assessment; alreadySubmitted?: Assessment } {
  const newestFirst = [...assessments].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  const mineIn = (cycleId: string | undefined) => newestFirst.find((a) =>
    a.cycleId === cycleId && a.kind === 'SELF' && a.assessorId === personId && a.subjectId === personId);

  if (requested) {
    const mine = mineIn(requested);
    return mine?.status === 'SUBMITTED' ? { cycleId: requested, alreadySubmitted: mine } : { cycleId: requested, mine };
  }
  const draft = newestFirst.find((a) => a.kind === 'SELF' && a.assessorId === personId && a.status === 'DRAFT');
  if (draft) return { cycleId: draft.cycleId, mine: draft };
  const open = newestFirst.find((a) => a.subjectId === personId && mineIn(a.cycleId) === undefined);
  if (open) return { cycleId: open.cycleId };
  const submitted = newestFirst.find((a) => a.kind === 'SELF' && a.assessorId === personId && a.status === 'SUBMITTED');
  return submitted ? { cycleId: submitted.cycleId, alreadySubmitted: submitted } : {};
}

/** The form's state from a saved assessment: competency code → rating and comment. */
export function draftsFrom(assessment: Assessment | undefined): Record<string, Draft> {
  const drafts: Record<string, Draft> = {};
  for (const r of assessment?.ratings ?? []) drafts[r.competency] = { rating: r.rating, comment: r.comment ?? '' };
  return drafts;
}

/**
 * The ratings to send, in the framework's order, rated competencies only, and the competency each
 * index stands for, so a violation on `ratings[2].rating` lands beside the right question.
 */
export function ratingsToSend(order: string[], drafts: Record<string, Draft>): { ratings: RatingInput[]; codeAt: string[] } {
  const ratings: RatingInput[] = [];
  const codeAt: string[] = [];
  for (const code of order) {
    const draft = drafts[code];
    if (draft?.rating === undefined) continue;
    ratings.push({ competency: code, rating: draft.rating, ...(draft.comment.trim() && { comment: draft.comment.trim() }) });
    codeAt.push(code);
  }
  return { ratings, codeAt };
}
