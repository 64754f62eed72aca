import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { frameworkVersion, type FrameworkDocument } from '../../api/framework';
import { ApiError, fieldErrors } from '../../api/problem';
import type { components } from '../../api/schema';
import { formatDate, formatDateTime, formatNumber, humanize, today } from '../../app/labels';
import { Link, navigate, useSearch } from '../../app/router';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { Badge, describedBy, Empty, ErrorNotice, FieldError, Loading, Success } from '../../app/ui';
import { chooseCycle, draftsFrom, ratingsToSend, type Draft } from '../selfAssessment';
import { disagreement, SIGNAL_MARK, type Signal } from './team';

type Assessment = components['schemas']['AssessmentResponse'];
type PeerRating = components['schemas']['PeerRating'];
const LEVELS = [1, 2, 3, 4, 5] as const;

/** The manager's assessment of a report, beside the report's self-assessment and their peers' aggregate; then calibration. */
export function AssessPage({ subjectId }: { subjectId: string }) {
  const { personId: me } = useSession();
  const requested = new URLSearchParams(useSearch()).get('cycle');
  const [data, reload] = useLoad(async () => {
    const [person, cycles, assessments, peers, readiness] = await Promise.all([
      call(api.GET('/api/v1/people/{id}', { params: { path: { id: subjectId } } })),
      call(api.GET('/api/v1/people/{id}/cycles', { params: { path: { id: subjectId }, query: { limit: 200 } } })),
      call(api.GET('/api/v1/people/{id}/assessments', { params: { path: { id: subjectId }, query: { limit: 200 } } })),
      call(api.GET('/api/v1/people/{id}/peer-ratings', { params: { path: { id: subjectId } } })),
      // what the target (set, or else the next level) expects of each competency
      call(api.GET('/api/v1/people/{id}/readiness', { params: { path: { id: subjectId } } })).catch(() => undefined),
    ]);
    const signals = (readiness?.competencies ?? []).filter((c) => c.signal);
    const expected: Record<string, number> = {};
    for (const c of readiness?.competencies ?? []) if (c.competency && c.expected) expected[c.competency] = c.expected;
    const cycle = chooseCycle(cycles, today(), requested);
    const framework = cycle ? await frameworkVersion(cycle.frameworkVersion!) : undefined;
    const inCycle = assessments.filter((a) => a.cycleId === cycle?.id);
    return {
      person, cycles, cycle, framework, expected, signals, peers: peers.competencies ?? [],
      self: inCycle.find((a) => a.kind === 'SELF' && a.status === 'SUBMITTED'),
      mine: inCycle.find((a) => a.kind === 'MANAGER' && a.assessorId === me),
    };
  }, `${subjectId}:${requested ?? ''}`);

  const name = data.state === 'ready' ? data.data.person.name ?? 'this person' : 'a report';
  return (
    <>
      <p className="breadcrumb"><Link href={`/team/people/${subjectId}`}>← {data.state === 'ready' ? name : 'Report'}</Link></p>
      <h1>Assess {name}</h1>
      {data.state === 'loading' && <Loading what="the cycle, the self-assessment and the peers' ratings" />}
      {data.state === 'error' && <ErrorNotice error={data.error} retry={reload} />}
      {data.state === 'ready' && !data.data.cycle && (
        <Empty>{name} takes part in no assessment cycle yet. <Link href="/team/cycles">Start a cycle</Link> first.</Empty>
      )}
      {data.state === 'ready' && data.data.cycle && data.data.framework && (() => {
        const { cycle, cycles, framework, self, mine, peers, expected, signals } = data.data;
        return (
          <>
            <section className="card" aria-labelledby="assess-cycle-title">
              <h2 id="assess-cycle-title">{cycle.name}</h2>
              <p>{formatDate(cycle.startsOn)} to {formatDate(cycle.endsOn)}; framework version {cycle.frameworkVersion}.</p>
              {cycles.length > 1 && (
                <div className="field">
                  <label htmlFor="assess-cycle">Cycle</label>
                  <select id="assess-cycle" value={cycle.id}
                          onChange={(e) => navigate(`/team/people/${subjectId}/assess?cycle=${encodeURIComponent(e.target.value)}`, { replace: true })}>
                    {cycles.map((c) => <option key={c.id} value={c.id}>{c.name} ({formatDate(c.startsOn)})</option>)}
                  </select>
                </div>
              )}
              <p>
                Self-assessment: {self ? <Badge tone="good">Submitted {formatDate(self.submittedAt)}</Badge> : <Badge tone="neutral">Not submitted yet</Badge>}
              </p>
            </section>
            <ManagerForm key={cycle.id} framework={framework} expected={expected}
                         cycleId={cycle.id!} subjectId={subjectId} saved={mine} self={self} peers={peers} onSaved={reload} />
            <Calibration subjectId={subjectId} cycleId={cycle.id!} framework={framework} signals={signals} />
          </>
        );
      })()}
    </>
  );
}

function ManagerForm({ framework, expected, cycleId, subjectId, saved, self, peers, onSaved }: {
  framework: FrameworkDocument; expected: Record<string, number>; cycleId: string; subjectId: string;
  saved: Assessment | undefined; self: Assessment | undefined; peers: PeerRating[]; onSaved: () => void;
}) {
  const [assessment, setAssessment] = useState<Assessment | undefined>(saved);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => draftsFrom(saved));
  const [error, setError] = useState<{ failure: unknown; codeAt: string[] } | undefined>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const submitted = assessment?.status === 'SUBMITTED';
  const order = framework.competencies.map((c) => c.code);
  const selfRatings = draftsFrom(self);
  const peerBy = new Map(peers.map((p) => [p.competency, p]));

  const indexFields = (error?.codeAt ?? []).map((_, i) => `ratings[${i}]`);
  const problem = error?.failure instanceof ApiError ? error.failure.problem : undefined;
  const { byField, unmatched } = fieldErrors(problem, [...indexFields, 'ratings']);
  const errorFor = (code: string) => {
    const i = error?.codeAt.indexOf(code) ?? -1;
    return i >= 0 ? byField[`ratings[${i}]`] : undefined;
  };

  async function run(submit: boolean) {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    const { ratings, codeAt } = ratingsToSend(order, drafts);
    try {
      let result = assessment?.id
        ? await call(api.PUT('/api/v1/assessments/{id}/ratings', { params: { path: { id: assessment.id } }, body: { ratings } }))
        : await call(api.POST('/api/v1/assessments', { body: { cycleId, subjectId, kind: 'MANAGER', ratings } }));
      if (submit) result = await call(api.POST('/api/v1/assessments/{id}/submit', { params: { path: { id: result.id! } } }));
      setAssessment(result);
      setMessage(submit ? 'Your assessment is submitted.' : 'Draft saved.');
      if (submit) onSaved();
    } catch (failure) {
      setError({ failure, codeAt });
    } finally {
      setBusy(false);
    }
  }

  const update = (code: string, change: Partial<Draft>) =>
    setDrafts((current) => ({ ...current, [code]: { comment: '', ...current[code], ...change } }));

  return (
    <section aria-labelledby="manager-form-title">
      <h2 id="manager-form-title">Your assessment</h2>
      <p className="muted">
        {submitted ? <>Submitted {formatDateTime(assessment?.submittedAt)}; it cannot change.</>
          : assessment ? <>Draft saved {formatDateTime(assessment.updatedAt)}.</> : 'Not saved yet.'}
        {' '}Ratings two or more points apart from the self-assessment or the peers are marked “Disagreement”.
      </p>
      <form className="form" onSubmit={(e) => { e.preventDefault(); void run(true); }} noValidate>
        {error && <ErrorNotice error={error.failure} unmatched={unmatched} />}
        {byField.ratings && <p className="field-error" role="alert">{byField.ratings}</p>}
        <div className="table-scroll" role="region" aria-labelledby="assess-caption" tabIndex={0}>
          <table className="data-table assess-table">
            <caption id="assess-caption">Your ratings beside the self-assessment and the peers' average</caption>
            <thead>
              <tr>
                <th scope="col">Competency</th><th scope="col">Expected</th><th scope="col">Self</th>
                <th scope="col">Peers</th><th scope="col">Your rating</th><th scope="col">Agreement</th>
              </tr>
            </thead>
            <tbody>
              {framework.competencies.map((c) => {
                const mine = drafts[c.code]?.rating;
                const selfRating = selfRatings[c.code]?.rating;
                const peer = peerBy.get(c.code);
                const spread = disagreement(mine, [selfRating, peer?.average]);
                const fieldError = errorFor(c.code);
                const errorId = `manager-rating-${c.code}-error`;
                return (
                  <tr key={c.code} className={spread !== undefined ? 'row-disagreement' : undefined}>
                    <th scope="row">{c.name}</th>
                    <td>{expected[c.code] ? `Level ${expected[c.code]}` : '–'}</td>
                    <td>{formatNumber(selfRating)}</td>
                    <td>{peer?.count ? `${formatNumber(peer.average)} (${peer.count} peer${peer.count === 1 ? '' : 's'})` : '–'}</td>
                    <td>
                      <select aria-label={`Your rating of ${c.name}`} value={mine ?? ''} disabled={submitted}
                              onChange={(e) => update(c.code, { rating: e.target.value ? Number(e.target.value) : undefined })}
                              {...describedBy(errorId, fieldError)}>
                        <option value="">Not rated</option>
                        {LEVELS.map((l) => <option key={l} value={l}>Level {l}</option>)}
                      </select>
                      <FieldError id={errorId} message={fieldError} />
                    </td>
                    <td>{spread !== undefined
                      ? <Badge tone="bad">Disagreement: {formatNumber(spread)} points</Badge>
                      : mine !== undefined ? 'Within a point' : '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {message && <Success>{message}</Success>}
        {!submitted && (
          <div className="actions">
            <button type="button" className="button-secondary" disabled={busy} onClick={() => void run(false)}>Save draft</button>
            <button type="submit" className="button" disabled={busy}>Submit assessment</button>
          </div>
        )}
      </form>
    </section>
  );
}

const CALIBRATION_FIELDS = ['competency', 'rating', 'rationale'] as const;

type ReadinessCompetency = components['schemas']['CompetencyResult'];

function Calibration({ subjectId, cycleId, framework, signals }: {
  subjectId: string; cycleId: string; framework: FrameworkDocument; signals: ReadinessCompetency[];
}) {
  const [history, reload] = useLoad(
    () => call(api.GET('/api/v1/people/{id}/calibrations', { params: { path: { id: subjectId }, query: { limit: 200 } } })),
    subjectId,
  );
  const [competency, setCompetency] = useState(framework.competencies[0]?.code ?? '');
  const [rating, setRating] = useState('');
  const [rationale, setRationale] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string | undefined>();
  const { byField, unmatched } = fieldErrors(error instanceof ApiError ? error.problem : undefined, CALIBRATION_FIELDS);
  const nameOf = (code: string | undefined) => framework.competencies.find((c) => c.code === code)?.name ?? humanize(code);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      await call(api.POST('/api/v1/calibrations', {
        // an empty rating goes as 0 so the server names the field, like any other bad value
        body: { subjectId, cycleId, competency, rating: rating ? Number(rating) : 0, rationale },
      }));
      setSaved(`${nameOf(competency)} calibrated to level ${rating}.`);
      setRationale('');
      reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  const items = history.state === 'ready' ? history.data : [];
  return (
    <section aria-labelledby="calibration-title">
      <h2 id="calibration-title">Calibration</h2>
      <h3 id="calibration-signals-title">Where ratings and evidence disagree</h3>
      {signals.length === 0 ? <Empty>No calibration signals: the ratings and the evidence agree.</Empty> : (
        <ul aria-labelledby="calibration-signals-title" className="signals">
          {signals.map((c) => (
            <li key={c.competency}>
              <strong>{SIGNAL_MARK[c.signal as Signal]} {c.signal === 'OPINION_ONLY' ? 'Opinion only' : 'Under-recognised'}: {c.name}</strong>
              {' '}— effective rating {formatNumber(c.effectiveRating)} against {c.expected} expected; evidence {formatNumber(c.evidenceStrength)} of {c.evidenceRequired} required.{' '}
              <button type="button" className="button-link" onClick={() => setCompetency(c.competency ?? '')}>Calibrate {c.name}</button>
            </li>
          ))}
        </ul>
      )}
      <form className="card form" onSubmit={(e) => void submit(e)} noValidate aria-label="Calibrate a rating">
        <p className="muted">A calibrated rating replaces the others in readiness; earlier calibrations stay in the history.</p>
        {error !== undefined && <ErrorNotice error={error} unmatched={unmatched} />}
        {saved && <Success>{saved}</Success>}
        <div className="field-row">
          <div className="field">
            <label htmlFor="calibration-competency">Competency</label>
            <select id="calibration-competency" value={competency} onChange={(e) => setCompetency(e.target.value)}
                    {...describedBy('calibration-competency-error', byField.competency)}>
              {framework.competencies.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
            </select>
            <FieldError id="calibration-competency-error" message={byField.competency} />
          </div>
          <div className="field">
            <label htmlFor="calibration-rating">Calibrated rating</label>
            <select id="calibration-rating" value={rating} onChange={(e) => setRating(e.target.value)}
                    {...describedBy('calibration-rating-error', byField.rating)}>
              <option value="">Choose a level</option>
              {LEVELS.map((l) => <option key={l} value={l}>Level {l}</option>)}
            </select>
            <FieldError id="calibration-rating-error" message={byField.rating} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="calibration-rationale">Rationale</label>
          <textarea id="calibration-rationale" rows={3} maxLength={4000} value={rationale} onChange={(e) => setRationale(e.target.value)}
                    {...describedBy('calibration-rationale-error', byField.rationale)} />
          <FieldError id="calibration-rationale-error" message={byField.rationale} />
        </div>
        <button type="submit" className="button" disabled={busy}>Calibrate</button>
      </form>
      {history.state === 'loading' && <Loading what="earlier calibrations" />}
      {history.state === 'error' && <ErrorNotice error={history.error} retry={reload} />}
      {history.state === 'ready' && items.length === 0 && <Empty>No calibrations yet.</Empty>}
      {items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="calibration-history-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="calibration-history-caption">Calibration history, newest first</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Competency</th><th scope="col">Rating</th><th scope="col">Rationale</th></tr></thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>{formatDateTime(c.createdAt)}</td>
                  <th scope="row">{nameOf(c.competency)}</th>
                  <td>Level {c.rating}</td>
                  <td className="pre-line">{c.rationale}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
