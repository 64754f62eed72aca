/** One day's readiness, as the history API answers it. */
export interface TrendPoint {
  date?: string;
  readinessPercent?: number;
  status?: 'NOT_READY' | 'EMERGING' | 'READY';
  targetLevel?: string;
  frameworkVersion?: number;
}

export interface PlottedPoint {
  x: number;
  y: number;
  date: string;
  percent: number;
}

export interface TrendLine {
  targetLevel: string | undefined;
  points: PlottedPoint[];
  /** SVG path through the points, oldest first; empty for no points. */
  path: string;
}

/**
 * The line to draw: the points of the most recent target level (another target's percentages are
 * not comparable), placed by date across `width` and by percentage up `height` (100% at the top).
 */
export function trendLine(history: TrendPoint[], width: number, height: number): TrendLine {
  const dated = history.filter((p): p is TrendPoint & { date: string; readinessPercent: number } =>
    typeof p.date === 'string' && typeof p.readinessPercent === 'number');
  const latest = dated.at(-1);
  if (!latest) return { targetLevel: undefined, points: [], path: '' };
  const targetLevel = latest.targetLevel;
  const line = dated.filter((p) => p.targetLevel === targetLevel);
  const day = (p: { date: string }) => Date.parse(`${p.date}T00:00:00Z`) / 86_400_000;
  const first = day(line[0] ?? latest);
  const span = day(latest) - first;
  const points = line.map((p) => ({
    x: span === 0 ? width / 2 : ((day(p) - first) / span) * width,
    y: height - (Math.min(100, Math.max(0, p.readinessPercent)) / 100) * height,
    date: p.date,
    percent: p.readinessPercent,
  }));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
  return { targetLevel, points, path };
}

/** A sentence for screen readers and the chart's title: where it started, where it is, the change. */
export function trendSummary(line: TrendLine, formatDay: (isoDate: string) => string = (d) => d): string {
  const first = line.points[0];
  const last = line.points.at(-1);
  if (!first || !last) return 'No readiness recorded yet';
  if (first === last) return `${last.percent}% on ${formatDay(last.date)}`;
  const change = last.percent - first.percent;
  const direction = change > 0 ? `up ${change} points` : change < 0 ? `down ${-change} points` : 'unchanged';
  return `From ${first.percent}% on ${formatDay(first.date)} to ${last.percent}% on ${formatDay(last.date)}: ${direction}`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
