import type { FrameworkDocument } from '../../api/framework';

/** One expectation cell that differs: a level's proficiency and evidence for a competency. */
export interface ExpectationChange {
  level: string;
  competency: string;
  from?: { proficiency: number; evidence: number };
  to?: { proficiency: number; evidence: number };
}

export interface NamedChange {
  code: string;
  /** which of the item's fields differ (name, tier, focus, description, behaviours) */
  fields: string[];
}

export interface FrameworkDiff {
  nameChanged?: { from: string; to: string };
  levels: { added: string[]; removed: string[]; changed: NamedChange[] };
  competencies: { added: string[]; removed: string[]; changed: NamedChange[] };
  expectations: ExpectationChange[];
  /** leadership, credibility and strategy lists: which codes each gained or lost */
  lists: { list: 'leadershipCompetencies' | 'credibilityCompetencies' | 'strategyCompetencies'; added: string[]; removed: string[] }[];
}

const LISTS = ['leadershipCompetencies', 'credibilityCompetencies', 'strategyCompetencies'] as const;

/**
 * What changed from one framework version to another, computed from the two documents (the API
 * has no diff). Order follows the newer document, then whatever only the older one had, so the
 * answer reads in the framework's own order.
 */
export function diffFrameworks(from: FrameworkDocument, to: FrameworkDocument): FrameworkDiff {
  const levels = diffItems(from.levels, to.levels, (a, b) => [
    ...(a.name !== b.name ? ['name'] : []),
    ...(a.tier !== b.tier ? ['tier'] : []),
  ]);
  const competencies = diffItems(from.competencies, to.competencies, (a, b) => [
    ...(a.name !== b.name ? ['name'] : []),
    ...(a.focus !== b.focus ? ['focus'] : []),
    ...(a.description !== b.description ? ['description'] : []),
    ...(canonical(a.behaviours) !== canonical(b.behaviours) ? ['behaviours'] : []),
  ]);

  const expectations: ExpectationChange[] = [];
  const levelCodes = union(to.levels.map((l) => l.code), from.levels.map((l) => l.code), Object.keys(to.expectations), Object.keys(from.expectations));
  const competencyCodes = union(to.competencies.map((c) => c.code), from.competencies.map((c) => c.code));
  for (const level of levelCodes) {
    const before = from.expectations[level] ?? {};
    const after = to.expectations[level] ?? {};
    for (const competency of union(competencyCodes, Object.keys(after), Object.keys(before))) {
      const a = before[competency];
      const b = after[competency];
      if (a?.proficiency === b?.proficiency && a?.evidence === b?.evidence) continue;
      const change: ExpectationChange = { level, competency };
      if (a) change.from = { proficiency: a.proficiency, evidence: a.evidence };
      if (b) change.to = { proficiency: b.proficiency, evidence: b.evidence };
      expectations.push(change);
    }
  }

  const lists = LISTS.map((list) => {
    const a = from[list] ?? [];
    const b = to[list] ?? [];
    return { list, added: b.filter((c) => !a.includes(c)), removed: a.filter((c) => !b.includes(c)) };
  }).filter((l) => l.added.length > 0 || l.removed.length > 0);

  const diff: FrameworkDiff = { levels, competencies, expectations, lists };
  if (from.name !== to.name) diff.nameChanged = { from: from.name, to: to.name };
  return diff;
}

export function isUnchanged(diff: FrameworkDiff): boolean {
  return !diff.nameChanged && diff.expectations.length === 0 && diff.lists.length === 0
    && [diff.levels, diff.competencies].every((d) => d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0);
}

function diffItems<T extends { code: string }>(from: T[], to: T[], fields: (a: T, b: T) => string[]) {
  const before = new Map(from.map((item) => [item.code, item]));
  const after = new Map(to.map((item) => [item.code, item]));
  const changed: NamedChange[] = [];
  for (const item of to) {
    const old = before.get(item.code);
    if (!old) continue;
    const differing = fields(old, item);
    if (differing.length > 0) changed.push({ code: item.code, fields: differing });
  }
  return {
    added: to.filter((item) => !before.has(item.code)).map((item) => item.code),
    removed: from.filter((item) => !after.has(item.code)).map((item) => item.code),
    changed,
  };
}

function union(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/** JSON with sorted keys, so the same behaviours in another key order are equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v);
}
