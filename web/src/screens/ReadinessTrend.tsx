import { api, call } from '../api/client';
import { formatDate, humanize } from '../app/labels';
import { useLoad } from '../app/useLoad';
import { Badge, Empty, ErrorNotice, Loading } from '../app/ui';
import { trendLine, trendSummary } from './readinessTrend';

const WIDTH = 480;
const HEIGHT = 160;
const PAD = { left: 52, right: 12, top: 10, bottom: 24 };
const STATUS_TONE = { READY: 'good', EMERGING: 'warn', NOT_READY: 'bad' } as const;

/** Readiness over time for one person: a small line chart and the same figures as a table. */
export function ReadinessTrend({ personId }: { personId: string }) {
  const [history, reload] = useLoad(
    () => call(api.GET('/api/v1/people/{id}/readiness/history', { params: { path: { id: personId } } })),
    personId,
  );
  const titleId = `trend-title-${personId}`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>Readiness over time</h2>
      {history.state === 'loading' && <Loading what="readiness over time" />}
      {history.state === 'error' && <ErrorNotice error={history.error} retry={reload} />}
      {history.state === 'ready' && history.data.length === 0 && (
        <Empty>No readiness recorded yet: a point is added each day readiness changes.</Empty>
      )}
      {history.state === 'ready' && history.data.length > 0 && <Trend personId={personId} history={history.data} />}
    </section>
  );
}

type Points = Parameters<typeof trendLine>[0];

function Trend({ personId, history }: { personId: string; history: Points }) {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const line = trendLine(history, plotWidth, plotHeight);
  const summary = trendSummary(line, formatDate);
  const chartTitleId = `trend-chart-${personId}`;
  const first = line.points[0];
  const last = line.points.at(-1);
  return (
    <>
      <p className="muted">Towards {humanize(line.targetLevel)}. {summary}.</p>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="trend-chart" role="img" aria-labelledby={chartTitleId}>
        <title id={chartTitleId}>Readiness towards {humanize(line.targetLevel)}: {summary}</title>
        <g transform={`translate(${PAD.left} ${PAD.top})`}>
          {[0, 50, 100].map((tick) => {
            const y = plotHeight - (tick / 100) * plotHeight;
            return (
              <g key={tick}>
                <line x1="0" x2={plotWidth} y1={y} y2={y} className="trend-grid" />
                <text x="-6" y={y + 4} className="chart-value" textAnchor="end">{tick}%</text>
              </g>
            );
          })}
          <path d={line.path} className="trend-line" />
          {line.points.map((p) => <circle key={p.date} cx={p.x} cy={p.y} r="3.5" className="trend-dot" />)}
          {first && <text x="0" y={plotHeight + 18} className="chart-value">{formatDate(first.date)}</text>}
          {last && last !== first && (
            <text x={plotWidth} y={plotHeight + 18} className="chart-value" textAnchor="end">{formatDate(last.date)}</text>
          )}
        </g>
      </svg>
      <details>
        <summary>Readiness over time as a table</summary>
        <div className="table-scroll" role="region" aria-label="Readiness over time, by day" tabIndex={0}>
          <table className="data-table compact">
            <caption>Readiness by day it changed, oldest first</caption>
            <thead>
              <tr><th scope="col">Day</th><th scope="col">Target level</th><th scope="col">Readiness</th><th scope="col">Status</th><th scope="col">Framework</th></tr>
            </thead>
            <tbody>
              {history.map((p) => (
                <tr key={`${p.date}-${p.targetLevel}`}>
                  <th scope="row">{formatDate(p.date)}</th>
                  <td>{humanize(p.targetLevel)}</td>
                  <td>{p.readinessPercent}%</td>
                  <td>{p.status && <Badge tone={STATUS_TONE[p.status]}>{humanize(p.status)}</Badge>}</td>
                  <td>v{p.frameworkVersion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
