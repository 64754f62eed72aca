import type { components } from '../api/schema';

type Assessment = components['schemas']['AssessmentResponse'];
export type ParticipantCycle = components['schemas']['ParticipantCycle'];
type RatingInput = components['schemas']['RatingInput'];

export interface Draft { rating?: number; comment: string }

/**
 * The cycle the screen opens: one named in the address (?cycle=) if the member takes part in it,
 * otherwise the newest open one (today between its first and last day), otherwise the newest.
 * Dates are ISO days, so they compare as strings.
 */
export function chooseCycle(cycles: ParticipantCycle[], today: string, requested?: string | null): ParticipantCycle | undefined {
  const named = requested ? cycles.find((c) => c.id === requested) : undefined;
  if (named) return named;
  const newestFirst = [...cycles].sort((a, b) => (b.startsOn ?? '').localeCompare(a.startsOn ?? ''));
  return newestFirst.find((c) => isOpen(c, today)) ?? newestFirst[0];
}

export function isOpen(cycle: ParticipantCycle, today: string): boolean {
  return (cycle.startsOn ?? '') <= today && today <= (cycle.endsOn ?? '');
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
