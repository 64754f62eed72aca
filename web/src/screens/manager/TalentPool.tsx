import { useState } from 'react';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDate, humanize } from '../../app/labels';
import { Link, navigate, useSearch } from '../../app/router';
import { useLoad } from '../../app/useLoad';
import { Empty, ErrorNotice, Loading } from '../../app/ui';
import { downloadCsv } from './download';
import { SIGNAL_LABEL, SIGNAL_MARK } from './team';
import { projectionText, trendText } from './talentPool';

type Candidate = components['schemas']['TalentPoolCandidate'];

/**
 * Who is ready for each level now and who is emerging, across the caller's line (everyone, for an
 * admin): readiness, its 90-day trend, months to ready from the history, and calibration signals.
 */
export function TalentPool() {
  const level = new URLSearchParams(useSearch()).get('level') ?? undefined;
  const [pool, reload] = useLoad(() => call(api.GET('/api/v1/talent-pool', {
    params: { query: level ? { level } : {} }, headers: { Accept: 'application/json' },
  })).then((answer) => {
    if (typeof answer === 'string') throw new Error('The talent pool came back as CSV, not JSON');
    return answer;
  }), level ?? '');
  const [downloadError, setDownloadError] = useState<unknown>();
  const levels = pool.state === 'ready' ? pool.data.levels ?? [] : [];

  async function download() {
    setDownloadError(undefined);
    try {
      await downloadCsv(`/api/v1/talent-pool${level ? `?level=${encodeURIComponent(level)}` : ''}`, 'talent-pool.csv');
    } catch (e) {
      setDownloadError(e);
    }
  }

  return (
    <>
      <h1>Talent pool</h1>
      <p className="muted">
        Who is ready for each level now and who is emerging, with the trend of the last 90 days and the months to ready
        projected from the last 180. {SIGNAL_MARK.OPINION_ONLY} and {SIGNAL_MARK.UNDER_RECOGNISED} count the competencies where ratings and evidence disagree.
      </p>
      <div className="actions">
        <button type="button" className="button-secondary" onClick={() => void download()}>Download talent pool (CSV)</button>
      </div>
      {downloadError !== undefined && <ErrorNotice error={downloadError} />}
      {pool.state === 'loading' && <Loading what="the talent pool" />}
      {pool.state === 'error' && <ErrorNotice error={pool.error} retry={reload} />}
      {pool.state === 'ready' && (
        <>
          <p className="muted small">
            {pool.data.people} people as of {formatDate(pool.data.asOf)}
            {!pool.data.evidenceAvailable && ' — evidence is unavailable, so readiness is from ratings alone and nobody shows as ready'}.
          </p>
          {levels.length > 0 && (
            <div className="field">
              <label htmlFor="talent-level">Target level</label>
              <select id="talent-level" value={level ?? ''}
                      onChange={(e) => navigate(`/team/talent${e.target.value ? `?level=${encodeURIComponent(e.target.value)}` : ''}`, { replace: true })}>
                <option value="">Every level</option>
                {levels.map((l) => <option key={l.targetLevel} value={l.targetLevel}>{humanize(l.targetLevel)}</option>)}
              </select>
            </div>
          )}
          {levels.length === 0 && <Empty>Nobody in your line targets a level yet.</Empty>}
          {levels.map((l) => {
            const id = `talent-${l.targetLevel}`;
            return (
              <section key={l.targetLevel} aria-labelledby={id} className="card">
                <h2 id={id}>{humanize(l.targetLevel)}</h2>
                <p>
                  {l.readyNowCount} ready now, {l.emergingCount} emerging, of {l.people} targeting it ·{' '}
                  <span title={SIGNAL_LABEL.OPINION_ONLY}>{SIGNAL_MARK.OPINION_ONLY} {l.opinionOnly} opinion only</span>,{' '}
                  <span title={SIGNAL_LABEL.UNDER_RECOGNISED}>{SIGNAL_MARK.UNDER_RECOGNISED} {l.underRecognised} under-recognised</span>
                </p>
                <Candidates caption={`Ready now for ${humanize(l.targetLevel)}`} people={l.readyNow ?? []} />
                <Candidates caption={`Emerging for ${humanize(l.targetLevel)}`} people={l.emerging ?? []} />
              </section>
            );
          })}
        </>
      )}
    </>
  );
}

function Candidates({ caption, people }: { caption: string; people: Candidate[] }) {
  if (people.length === 0) return <p className="muted">{caption}: nobody.</p>;
  const id = caption.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="data-table">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Person</th><th scope="col">Level</th><th scope="col">Readiness</th>
            <th scope="col">Last 90 days</th><th scope="col">Months to ready</th><th scope="col">Signals</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.personId}>
              <th scope="row"><Link href={`/team/people/${p.personId}`}>{p.name}</Link></th>
              <td>{humanize(p.level)}</td>
              <td>{p.readinessPercent}%</td>
              <td>{trendText(p.trend)}</td>
              <td>{projectionText(p.projection)}</td>
              <td>
                {SIGNAL_MARK.OPINION_ONLY} {p.opinionOnly} opinion only, {SIGNAL_MARK.UNDER_RECOGNISED} {p.underRecognised} under-recognised
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
