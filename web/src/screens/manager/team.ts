import type { components } from '../../api/schema';
import { formatNumber, humanize } from '../../app/labels';

export type TeamRow = components['schemas']['Row'];

export type Signal = 'OPINION_ONLY' | 'UNDER_RECOGNISED';

/** Where a rating and the evidence disagree (calibration signals), in words and a mark of their own. */
export const SIGNAL_LABEL: Record<Signal, string> = {
  OPINION_ONLY: 'Opinion only: rated at the expectation, evidence below half of what it requires',
  UNDER_RECOGNISED: 'Under-recognised: the evidence meets what is required, the rating is below the expectation',
};

export const SIGNAL_MARK: Record<Signal, string> = { OPINION_ONLY: '⚑', UNDER_RECOGNISED: '★' };

function signalsByCompetency(row: TeamRow): Map<string, Signal> {
  const found = new Map<string, Signal>();
  for (const s of row.signals ?? []) {
    if (s.competency && (s.signal === 'OPINION_ONLY' || s.signal === 'UNDER_RECOGNISED')) found.set(s.competency, s.signal);
  }
  return found;
}

/** How many of each signal the rows carry, for the summary above the heatmap. */
export function signalCounts(rows: readonly TeamRow[]): Record<Signal, number> {
  const counts: Record<Signal, number> = { OPINION_ONLY: 0, UNDER_RECOGNISED: 0 };
  for (const r of rows) for (const signal of signalsByCompetency(r).values()) counts[signal]++;
  return counts;
}

/** How far a cell is from what the person's target expects, in words as well as colour. */
export type CellState = 'met' | 'below' | 'far-below' | 'unrated' | 'not-expected';

export const CELL_LABEL: Record<CellState, string> = {
  met: 'Meets or exceeds',
  below: '1 level below',
  'far-below': '2 or more below',
  unrated: 'Not rated',
  'not-expected': 'Not expected',
};

/**
 * A mark per state, written in the cell itself so that the state is never told by colour alone and a
 * thousand-row heatmap needs no extra element per cell (the legend explains both).
 */
export const CELL_MARK: Record<CellState, string> = {
  met: '✓',
  below: '▽',
  'far-below': '▼',
  unrated: '?',
  'not-expected': '',
};

export function cellState(cell: { expected?: number; rating?: number | null } | undefined): CellState {
  if (!cell || cell.expected === undefined || cell.expected <= 0) return 'not-expected';
  if (cell.rating === undefined || cell.rating === null) return 'unrated';
  const gap = cell.expected - cell.rating;
  if (gap <= 0) return 'met';
  return gap < 2 ? 'below' : 'far-below';
}

export interface HeatmapFilters {
  level?: string;
  status?: string;
  competency?: string;
  /** `name`, `readiness` or a competency code (sorted by that competency's gap, widest first) */
  sort: string;
}

const STATUS_ORDER: Record<string, number> = { NOT_READY: 0, EMERGING: 1, READY: 2 };

/** Rows the heatmap shows: filtered by level and status, then sorted; a competency filter narrows to people expected in it. */
export function visibleRows(rows: readonly TeamRow[], f: HeatmapFilters): TeamRow[] {
  const kept = rows.filter((r) => (!f.level || r.level === f.level)
    && (!f.status || (r.readinessStatus ?? 'UNKNOWN') === f.status)
    && (!f.competency || (r.competencies?.[f.competency]?.expected ?? 0) > 0));
  const byName = (a: TeamRow, b: TeamRow) => (a.name ?? '').localeCompare(b.name ?? '');
  const gapOf = (r: TeamRow, code: string) => {
    const c = r.competencies?.[code];
    if (!c || !c.expected) return -Infinity;
    return c.expected - (c.rating ?? 0);
  };
  const compare = f.sort === 'name' ? byName
    : f.sort === 'readiness'
      ? (a: TeamRow, b: TeamRow) => (a.readinessPercent ?? -1) - (b.readinessPercent ?? -1) || byName(a, b)
      : f.sort === 'status'
        ? (a: TeamRow, b: TeamRow) => (STATUS_ORDER[a.readinessStatus ?? ''] ?? 3) - (STATUS_ORDER[b.readinessStatus ?? ''] ?? 3) || byName(a, b)
        : (a: TeamRow, b: TeamRow) => gapOf(b, f.sort) - gapOf(a, f.sort) || byName(a, b);
  return kept.sort(compare);
}

/** The competencies that head the heatmap's columns: every one expected of anyone in the team, in first-seen order. */
export function competencyColumns(rows: readonly TeamRow[], only?: string): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const code of Object.keys(r.competencies ?? {})) seen.add(code);
  const all = [...seen];
  return only ? all.filter((c) => c === only) : all;
}

export function filtersFromSearch(search: string): HeatmapFilters {
  const q = new URLSearchParams(search);
  return {
    level: q.get('level') ?? undefined,
    status: q.get('status') ?? undefined,
    competency: q.get('competency') ?? undefined,
    sort: q.get('sort') ?? 'name',
  };
}

export function filtersToSearch(f: HeatmapFilters & { depth?: string }): string {
  const q = new URLSearchParams();
  if (f.depth && f.depth !== 'direct') q.set('depth', f.depth);
  if (f.level) q.set('level', f.level);
  if (f.status) q.set('status', f.status);
  if (f.competency) q.set('competency', f.competency);
  if (f.sort && f.sort !== 'name') q.set('sort', f.sort);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * A disagreement worth a conversation: two ratings of the same competency two or more points apart.
 * Returns the widest spread between the manager's rating and the others given, or undefined.
 */
export function disagreement(manager: number | undefined, others: readonly (number | undefined | null)[]): number | undefined {
  if (manager === undefined) return undefined;
  let widest: number | undefined;
  for (const other of others) {
    if (other === undefined || other === null) continue;
    const spread = Math.abs(manager - other);
    if (spread >= 2 && (widest === undefined || spread > widest)) widest = spread;
  }
  return widest;
}

/** Text made safe to place in HTML: the five characters that could open markup or an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

/**
 * The heatmap's body as HTML, one row per person: built as one string and parsed by the browser in one
 * go, because a thousand people × every competency as React elements cost the manager over half a second
 * on this project's machine (see the benchmark in the README). Every value from the API is escaped;
 * links are plain anchors that the table follows client-side.
 */
export function heatmapBodyHtml(rows: readonly TeamRow[], columns: readonly string[]): string {
  const out: string[] = [];
  for (const r of rows) {
    const signals = signalsByCompetency(r);
    const id = encodeURIComponent(r.personId ?? '');
    const readiness = r.readinessPercent === undefined || r.readinessPercent === null ? '–' : `${r.readinessPercent}%`;
    const name = escapeHtml(r.name ?? '');
    // The name cell is one line wide (an ellipsis ends a long name), so it carries the whole name as its title.
    out.push('<tr><th scope="row" title="', name, '"><a href="/team/people/', id, '">', name, '</a></th><td>',
      escapeHtml(`${humanize(r.level)} → ${humanize(r.targetLevel)}`), '</td><td>',
      escapeHtml(`${readiness} ${humanize(r.readinessStatus)}`), '</td>');
    for (const c of columns) {
      const cell = r.competencies?.[c];
      const state = cellState(cell);
      const signal = signals.get(c);
      const text = (state === 'not-expected' ? '–' : `${CELL_MARK[state]} ${formatNumber(cell?.rating)} / ${cell?.expected}`)
        + (signal ? ` ${SIGNAL_MARK[signal]}` : '');
      out.push('<td class="cell cell-', state, signal ? ' signal' : '', '"', signal ? ` title="${SIGNAL_LABEL[signal]}"` : '', '>',
        escapeHtml(text), '</td>');
    }
    out.push('</tr>');
  }
  return out.join('');
}
