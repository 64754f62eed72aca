import type { components } from '../api/schema';

type ActionView = components['schemas']['ActionView'];
type PlanSummary = components['schemas']['PlanSummary'];

/**
 * How far an action has come, 0–100: the share of the evidence it expects that has been matched
 * (each expectation counted up to its own count, so extra items of one kind do not stand in for
 * another). A done action is 100; undefined when progress is stale (matched unknown).
 */
export function actionProgress(action: ActionView): number | undefined {
  if (action.done) return 100;
  const expected = action.evidence ?? [];
  if (expected.some((e) => e.matched === undefined || e.matched === null)) return undefined;
  const wanted = expected.reduce((sum, e) => sum + (e.count ?? 0), 0);
  if (wanted === 0) return 0;
  const got = expected.reduce((sum, e) => sum + Math.min(e.matched ?? 0, e.count ?? 0), 0);
  return Math.round((got / wanted) * 100);
}

/** The plan to show: the active one, else the newest that is not superseded, else none. */
export function currentPlan(plans: PlanSummary[]): PlanSummary | undefined {
  const newestFirst = [...plans].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  return newestFirst.find((p) => p.status === 'ACTIVE')
    ?? newestFirst.find((p) => p.status !== 'SUPERSEDED' && p.status !== 'ABANDONED');
}

/** Whether a due date has passed for an action not yet done (YYYY-MM-DD compare as text). */
export function isOverdue(action: ActionView, todayIso: string): boolean {
  return !action.done && !!action.dueOn && action.dueOn < todayIso;
}
