import { memo, useMemo, useState, type MouseEvent } from 'react';
import { api, call } from '../../api/client';
import { messageOf } from '../../api/problem';
import { humanize } from '../../app/labels';
import { navigate, useSearch } from '../../app/router';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { Empty, ErrorNotice, Loading } from '../../app/ui';
import { downloadCsv } from './download';
import {
  CELL_LABEL, CELL_MARK, competencyColumns, heatmapBodyHtml, filtersFromSearch, filtersToSearch, SIGNAL_LABEL,
  SIGNAL_MARK, signalCounts, visibleRows, type CellState, type HeatmapFilters, type Signal, type TeamRow,
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

/** People per heatmap page. */
const HEATMAP_PAGE = 100;

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
  // A page of rows at a time: sorting and filtering cover everyone, the table draws a page (a
  // thousand people on one page took the browser over half a second to show; the README's benchmark).
  const pageKey = JSON.stringify(filters);
  const [paging, setPaging] = useState({ key: pageKey, page: 0 });
  const page = paging.key === pageKey ? paging.page : 0;
  const pages = Math.max(1, Math.ceil(rows.length / HEATMAP_PAGE));
  const pageRows = rows.slice(page * HEATMAP_PAGE, (page + 1) * HEATMAP_PAGE);
  const goTo = (next: number) => setPaging({ key: pageKey, page: Math.min(Math.max(0, next), pages - 1) });
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
        <Signals rows={rows} />
        <p role="status" className="muted small">
          {rows.length} of {people.length} people match
          {pages > 1 && `; showing ${page * HEATMAP_PAGE + 1}–${page * HEATMAP_PAGE + pageRows.length}`}.
        </p>
        {pages > 1 && (
          <nav className="actions" aria-label="Heatmap pages">
            <button type="button" className="button-secondary" disabled={page === 0} onClick={() => goTo(page - 1)}>
              Previous {HEATMAP_PAGE}
            </button>
            <span className="muted small">Page {page + 1} of {pages}</span>
            <button type="button" className="button-secondary" disabled={page >= pages - 1} onClick={() => goTo(page + 1)}>
              Next {HEATMAP_PAGE}
            </button>
          </nav>
        )}
        {rows.length === 0 ? <Empty>Nobody matches these filters.</Empty> : (
          <div className="table-scroll" role="region" aria-labelledby="heatmap-caption" tabIndex={0}>
            {/* Fixed layout: the browser sizes columns from the colgroup instead of measuring every cell; the
                width is the colgroup's (styles.css: 12 + 12 + 8 rem, then 7.5 rem per competency). */}
            <table className="data-table heatmap" id="heatmap" data-rows={pageRows.length}
                   style={{ width: `${32 + shownColumns.length * 7.5}rem` }}>
              <caption id="heatmap-caption">People × competencies against each person's target</caption>
              <colgroup>
                <col className="heatmap-person" /><col className="heatmap-level" /><col className="heatmap-readiness" />
                {shownColumns.map((c) => <col key={c} className="heatmap-competency" />)}
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Level → target</th>
                  <th scope="col">Readiness</th>
                  {shownColumns.map((c) => <th key={c} scope="col">{humanize(c)}</th>)}
                </tr>
              </thead>
              <HeatmapBody rows={pageRows} columns={shownColumns} />
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/**
 * The rows as one parsed string (heatmapBodyHtml, every value escaped): a thousand people stay cheap
 * to draw. A click on a person's link navigates inside the app, like every other link.
 */
const HeatmapBody = memo(function HeatmapBody({ rows, columns }: { rows: TeamRow[]; columns: string[] }) {
  const html = useMemo(() => heatmapBodyHtml(rows, columns), [rows, columns]);
  function follow(event: MouseEvent<HTMLTableSectionElement>) {
    const link = (event.target as Element).closest('a');
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;
    if (!link || modified || event.defaultPrevented) return;
    event.preventDefault();
    navigate(link.getAttribute('href') ?? '/team');
  }
  return <tbody onClick={follow} dangerouslySetInnerHTML={{ __html: html }} />;
});

function Legend() {
  const states: CellState[] = ['met', 'below', 'far-below', 'unrated', 'not-expected'];
  return (
    <ul className="legend" aria-label="Legend">
      {states.map((s) => (
        <li key={s}><span className={`swatch cell-${s}`} aria-hidden="true" /> {CELL_MARK[s] || '–'} {CELL_LABEL[s]}</li>
      ))}
    </ul>
  );
}

/** Calibration signals in the people shown: where ratings and evidence disagree, for the calibration conversation. */
function Signals({ rows }: { rows: TeamRow[] }) {
  const counts = signalCounts(rows);
  const kinds: Signal[] = ['OPINION_ONLY', 'UNDER_RECOGNISED'];
  return (
    <ul className="legend" aria-label="Calibration signals">
      {kinds.map((k) => (
        <li key={k}>{SIGNAL_MARK[k]} {counts[k]} × {SIGNAL_LABEL[k]}</li>
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
