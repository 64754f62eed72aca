import { memo, useState } from 'react';
import { api, call } from '../../api/client';
import { messageOf } from '../../api/problem';
import { formatNumber, humanize } from '../../app/labels';
import { Link, navigate, useSearch } from '../../app/router';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { Empty, ErrorNotice, Loading } from '../../app/ui';
import { downloadCsv } from './download';
import {
  CELL_LABEL, cellState, competencyColumns, filtersFromSearch, filtersToSearch, visibleRows,
  type CellState, type HeatmapFilters, type TeamRow,
} from './team';

type TeamReport = Awaited<ReturnType<typeof loadReport>>;

function loadReport(managerId: string, depth: 'direct' | 'all') {
  return call(api.GET('/api/v1/teams/{managerId}/report', {
    params: { path: { managerId }, query: { depth } }, headers: { Accept: 'application/json' },
  })).then((report) => {
    if (typeof report === 'string') throw new Error('The team report came back as CSV, not JSON');
    return report;
  });
}

const STATUSES = ['NOT_READY', 'EMERGING', 'READY', 'UNKNOWN'] as const;

export function Team() {
  const { personId } = useSession();
  const search = useSearch();
  const depth = new URLSearchParams(search).get('depth') === 'all' ? 'all' : 'direct';
  const filters = filtersFromSearch(search);
  const [report, reload] = useLoad(() => loadReport(personId, depth), `${personId}:${depth}`);
  const setFilters = (next: Partial<HeatmapFilters & { depth: string }>) =>
    navigate(`/team${filtersToSearch({ depth, ...filters, ...next })}`, { replace: true });

  return (
    <>
      <h1>Team</h1>
      <div className="field-row team-scope">
        <div className="field">
          <label htmlFor="team-depth">People</label>
          <select id="team-depth" value={depth} onChange={(e) => setFilters({ depth: e.target.value })}>
            <option value="direct">Direct reports</option>
            <option value="all">Everyone in my line</option>
          </select>
        </div>
      </div>
      {report.state === 'loading' && <Loading what="your team" />}
      {report.state === 'error' && <ErrorNotice error={report.error} retry={reload} />}
      {report.state === 'ready' && (report.data.people ?? []).length === 0 && (
        <Empty>Nobody reports to you yet. When an admin adds people to your line, they appear here.</Empty>
      )}
      {report.state === 'ready' && (report.data.people ?? []).length > 0 && (
        <TeamView report={report.data} filters={filters} depth={depth} managerId={personId} onFilter={setFilters} />
      )}
    </>
  );
}

function TeamView({ report, filters, depth, managerId, onFilter }: {
  report: TeamReport; filters: HeatmapFilters; depth: string; managerId: string;
  onFilter: (f: Partial<HeatmapFilters>) => void;
}) {
  const people = report.people ?? [];
  const columns = competencyColumns(people);
  const shownColumns = competencyColumns(people, filters.competency);
  const rows = visibleRows(people, filters);
  const levels = [...new Set(people.map((p) => p.level).filter((l): l is string => !!l))];
  const unavailable = report.unavailable ?? [];
  return (
    <>
      {unavailable.length > 0 && (
        <p className="notice notice-warn" role="status">
          Some columns could not be filled just now: {unavailable.map(humanize).join(', ')}.
        </p>
      )}
      <Distribution distribution={report.readinessDistribution ?? {}} total={people.length} />
      <Downloads managerId={managerId} depth={depth} />

      <section aria-labelledby="heatmap-title">
        <h2 id="heatmap-title">Heatmap</h2>
        <p className="muted">
          Each cell is the person's effective rating against what their target level expects (rating / expected).
        </p>
        <form className="filters" role="search" aria-label="Filter the heatmap" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="heatmap-level">Level</label>
            <select id="heatmap-level" value={filters.level ?? ''} onChange={(e) => onFilter({ level: e.target.value || undefined })}>
              <option value="">Any level</option>
              {levels.map((l) => <option key={l} value={l}>{humanize(l)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="heatmap-status">Status</label>
            <select id="heatmap-status" value={filters.status ?? ''} onChange={(e) => onFilter({ status: e.target.value || undefined })}>
              <option value="">Any status</option>
              {STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="heatmap-competency">Competency</label>
            <select id="heatmap-competency" value={filters.competency ?? ''}
                    onChange={(e) => onFilter({ competency: e.target.value || undefined })}>
              <option value="">Every competency</option>
              {columns.map((c) => <option key={c} value={c}>{humanize(c)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="heatmap-sort">Sort by</label>
            <select id="heatmap-sort" value={filters.sort} onChange={(e) => onFilter({ sort: e.target.value })}>
              <option value="name">Name</option>
              <option value="readiness">Readiness, lowest first</option>
              <option value="status">Status, not ready first</option>
              {columns.map((c) => <option key={c} value={c}>Widest gap in {humanize(c)}</option>)}
            </select>
          </div>
        </form>
        <Legend />
        <p role="status" className="muted small">{rows.length} of {people.length} people shown.</p>
        {rows.length === 0 ? <Empty>Nobody matches these filters.</Empty> : (
          <div className="table-scroll" role="region" aria-labelledby="heatmap-caption" tabIndex={0}>
            <table className="data-table heatmap" id="heatmap" data-rows={rows.length}>
              <caption id="heatmap-caption">People × competencies against each person's target</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Level → target</th>
                  <th scope="col">Readiness</th>
                  {shownColumns.map((c) => <th key={c} scope="col">{humanize(c)}</th>)}
                </tr>
              </thead>
              <HeatmapBody rows={rows} columns={shownColumns} />
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** Plain rows, no state per cell: a thousand people stay cheap to draw. */
const HeatmapBody = memo(function HeatmapBody({ rows, columns }: { rows: TeamRow[]; columns: string[] }) {
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.personId}>
          <th scope="row"><Link href={`/team/people/${r.personId}`}>{r.name}</Link></th>
          <td>{humanize(r.level)} → {humanize(r.targetLevel)}</td>
          <td>{r.readinessPercent === undefined || r.readinessPercent === null ? '–' : `${r.readinessPercent}%`} {humanize(r.readinessStatus)}</td>
          {columns.map((c) => {
            const cell = r.competencies?.[c];
            const state = cellState(cell);
            return (
              <td key={c} className={`cell cell-${state}`}>
                {state === 'not-expected' ? '–' : `${formatNumber(cell?.rating)} / ${cell?.expected}`}
                <span className="visually-hidden"> {CELL_LABEL[state]}</span>
              </td>
            );
          })}
        </tr>
      ))}
    </tbody>
  );
});

function Legend() {
  const states: CellState[] = ['met', 'below', 'far-below', 'unrated', 'not-expected'];
  return (
    <ul className="legend" aria-label="Legend">
      {states.map((s) => (
        <li key={s}><span className={`swatch cell-${s}`} aria-hidden="true" /> {CELL_LABEL[s]}</li>
      ))}
    </ul>
  );
}

const BAR_COLOUR: Record<string, string> = { NOT_READY: '#a3202b', EMERGING: '#b36b00', READY: '#17603a', UNKNOWN: '#6b7785' };

/** The readiness distribution as bars; the table beside it says the same in text. */
function Distribution({ distribution, total }: { distribution: Record<string, number>; total: number }) {
  const entries = STATUSES.map((s) => [s, distribution[s] ?? 0] as const);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const rowHeight = 34;
  return (
    <section className="card" aria-labelledby="distribution-title">
      <h2 id="distribution-title">Readiness distribution</h2>
      <div className="distribution">
        <svg viewBox={`0 0 420 ${entries.length * rowHeight}`} className="distribution-chart" role="img"
             aria-labelledby="distribution-chart-title">
          <title id="distribution-chart-title">
            {entries.map(([s, n]) => `${humanize(s)}: ${n}`).join(', ')} of {total} people
          </title>
          {entries.map(([status, n], i) => (
            <g key={status} transform={`translate(0 ${i * rowHeight})`}>
              <text x="0" y="21" className="chart-label">{humanize(status)}</text>
              <rect x="100" y="6" height="20" width={Math.max(n > 0 ? 2 : 0, (n / max) * 260)} fill={BAR_COLOUR[status]} />
              <text x={108 + (n / max) * 260} y="21" className="chart-value">{n}</text>
            </g>
          ))}
        </svg>
        <table className="data-table compact">
          <caption>Readiness distribution as a table</caption>
          <thead><tr><th scope="col">Status</th><th scope="col">People</th><th scope="col">Share</th></tr></thead>
          <tbody>
            {entries.map(([s, n]) => (
              <tr key={s}><th scope="row">{humanize(s)}</th><td>{n}</td><td>{total ? Math.round((n / total) * 100) : 0}%</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Downloads({ managerId, depth }: { managerId: string; depth: string }) {
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  async function get(view: 'people' | 'heatmap') {
    setBusy(view);
    setError(undefined);
    try {
      await downloadCsv(`/api/v1/teams/${managerId}/report?depth=${depth}&view=${view}`,
        `team-${view === 'heatmap' ? 'heatmap' : 'report'}.csv`);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(undefined);
    }
  }
  return (
    <div className="actions">
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      <button type="button" className="button-secondary" disabled={busy !== undefined} onClick={() => void get('people')}>
        Download report (CSV)
      </button>
      <button type="button" className="button-secondary" disabled={busy !== undefined} onClick={() => void get('heatmap')}>
        Download heatmap (CSV)
      </button>
    </div>
  );
}
