import { useState, type FormEvent } from 'react';
import { api, call } from '../api/client';
import { ApiError, fieldErrors } from '../api/problem';
import type { components } from '../api/schema';
import { formatDate, formatDateTime, formatNumber, humanize } from '../app/labels';
import { Link, navigate } from '../app/router';
import { useSession } from '../app/session';
import { Badge, describedBy, Empty, ErrorNotice, FieldError, Loading, Success } from '../app/ui';
import { useLoad } from '../app/useLoad';
import { decisionGaps, STATUS_LABEL } from './promotion';

type Case = components['schemas']['PromotionCase'];
type Narrative = components['schemas']['CaseNarrative'];
type Competency = components['schemas']['CaseCompetency'];

const STATUS_TONE = { DRAFT: 'neutral', SUBMITTED: 'warn', IN_REVIEW: 'warn', DECIDED: 'good' } as const;

/** Every case the signed-in person may see: their own, their line's, those they review. */
export function PromotionCases() {
  const session = useSession();
  const [page, reload] = useLoad(() => call(api.GET('/api/v1/promotion-cases', { params: { query: { limit: 100 } } })), 'cases');
  const items = page.state === 'ready' ? page.data.items ?? [] : [];
  const ownOpen = items.some((c) => c.person?.id === session.personId && c.status !== 'DECIDED');

  return (
    <>
      <h1>Promotion cases</h1>
      <p className="muted">A case assembles itself from the record: readiness, ratings with their calibration, and the evidence that counted.</p>
      {!ownOpen && page.state === 'ready' && (
        <div className="actions">
          <OpenCaseButton personId={session.personId} label="Open my promotion case" />
        </div>
      )}
      {page.state === 'loading' && <Loading what="promotion cases" />}
      {page.state === 'error' && <ErrorNotice error={page.error} retry={reload} />}
      {page.state === 'ready' && items.length === 0 && <Empty>No promotion cases yet.</Empty>}
      {items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="cases-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="cases-caption">Newest first</caption>
            <thead><tr><th scope="col">Person</th><th scope="col">Promotion</th><th scope="col">Readiness when taken</th><th scope="col">Status</th><th scope="col">Opened</th></tr></thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row"><Link href={`/promotion/${c.id}`}>{c.person?.name}</Link></th>
                  <td>{humanize(c.fromLevel)} → {humanize(c.targetLevel)}</td>
                  <td>{c.readinessPercent}% · {humanize(c.readinessStatus)}</td>
                  <td>
                    {c.status && <Badge tone={STATUS_TONE[c.status]}>{STATUS_LABEL[c.status]}</Badge>}
                    {c.outcome && <> {c.outcome === 'PROMOTED' ? 'Promoted' : 'Not yet'}</>}
                  </td>
                  <td>{formatDate(c.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Opens a case for someone (oneself, or a report from their page) and lands on it. */
export function OpenCaseButton({ personId, label }: { personId: string; label: string }) {
  const [error, setError] = useState<unknown>();
  async function open() {
    setError(undefined);
    try {
      const opened = await call(api.POST('/api/v1/promotion-cases', { body: { personId } }));
      navigate(`/promotion/${opened.id}`);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <>
      <button type="button" className="button-secondary" onClick={() => void open()}>{label}</button>
      {error !== undefined && <ErrorNotice error={error} />}
    </>
  );
}

/** One case: the frozen record, the narratives, the review, the decision and the history. */
export function PromotionCasePage({ caseId }: { caseId: string }) {
  const [loaded, reload] = useLoad(() => call(api.GET('/api/v1/promotion-cases/{id}', { params: { path: { id: caseId } } })), caseId);
  const [current, setCurrent] = useState<Case>();
  const c = current?.id === caseId ? current : loaded.state === 'ready' ? loaded.data : undefined;
  return (
    <>
      <p className="breadcrumb"><Link href="/promotion">← Promotion cases</Link></p>
      {loaded.state === 'loading' && <><h1>Promotion case</h1><Loading what="the case" /></>}
      {loaded.state === 'error' && <><h1>Promotion case</h1><ErrorNotice error={loaded.error} retry={reload} /></>}
      {c && <CaseView value={c} onChange={setCurrent} />}
    </>
  );
}

function CaseView({ value: c, onChange }: { value: Case; onChange: (next: Case) => void }) {
  const allowed = new Set(c.allowed ?? []);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();

  async function act(what: string, request: () => Promise<Case>) {
    setError(undefined);
    setDone(undefined);
    try {
      onChange(await request());
      setDone(what);
    } catch (e) {
      setError(e);
    }
  }
  const id = c.id!;
  const unmatched = error instanceof ApiError ? error.problem.violations ?? [] : [];

  return (
    <>
      <h1>Promotion case: {c.person?.name}</h1>
      <p className="muted">
        {humanize(c.fromLevel)} → {humanize(c.targetLevel)} · opened by {c.openedBy?.name} on {formatDate(c.createdAt)} ·{' '}
        {c.status && <Badge tone={STATUS_TONE[c.status]}>{STATUS_LABEL[c.status]}</Badge>}
      </p>
      <div className="actions">
        <a className="button-secondary" href={`/api/v1/promotion-cases/${id}/export.pdf`} download>Download PDF</a>
        <a className="button-secondary" href={`/api/v1/promotion-cases/${id}/export.md`} download>Download Markdown</a>
        {allowed.has('REFRESH_SNAPSHOT') && (
          <button type="button" className="button-secondary"
            onClick={() => void act('The record was taken again.', () => call(api.POST('/api/v1/promotion-cases/{id}/snapshot', { params: { path: { id } } })))}>
            Take the record again
          </button>
        )}
        {allowed.has('SUBMIT') && (
          <button type="button" className="button"
            onClick={() => void act('Submitted for review.', () => call(api.POST('/api/v1/promotion-cases/{id}/submit', { params: { path: { id } } })))}>
            Submit the case
          </button>
        )}
      </div>
      {done && <Success>{done}</Success>}
      {error !== undefined && <ErrorNotice error={error} unmatched={unmatched} />}

      {c.decision && <DecisionView value={c} />}
      <Record value={c} />
      {(c.narratives ?? []).map((n) => (
        <NarrativeSection key={n.role} caseId={id} narrative={n}
          editable={allowed.has(n.role === 'PERSON' ? 'WRITE_PERSON_NARRATIVE' : 'WRITE_MANAGER_NARRATIVE')}
          onSaved={(next) => { onChange(next); setDone('Narrative saved.'); }} />
      ))}
      <Review value={c} onChange={onChange} />
      {allowed.has('DECIDE') && <DecisionForm value={c} onDecided={onChange} />}
      <section aria-labelledby="case-history-title">
        <h2 id="case-history-title">History</h2>
        <ol className="history">
          {(c.history ?? []).map((e, i) => (
            <li key={i}>{formatDateTime(e.at)}: {humanize(e.action)}{e.actor ? ` by ${e.actor.name}` : ''}{e.detail ? ` (${e.detail})` : ''}</li>
          ))}
        </ol>
      </section>
    </>
  );
}

function DecisionView({ value: c }: { value: Case }) {
  const session = useSession();
  const d = c.decision!;
  // the person reads their own plan; anyone above reads it on the person's page
  const planPage = c.person?.id === session.personId ? '/growth-plan' : `/team/people/${c.person?.id}`;
  return (
    <section aria-labelledby="case-decision-title" className="card">
      <h2 id="case-decision-title">Decision: {d.outcome === 'PROMOTED' ? 'promoted' : 'not yet'}</h2>
      <p className="muted">Decided by {d.decidedBy?.name} on {formatDate(d.decidedAt)}</p>
      <p className="prose">{d.rationale}</p>
      {(d.gaps ?? []).length > 0 && (
        <>
          <h3>Gaps to close</h3>
          <ul aria-label="Gaps to close">
            {(d.gaps ?? []).map((g) => <li key={g.competency}>{humanize(g.competency)}{g.note ? `: ${g.note}` : ''}</li>)}
          </ul>
        </>
      )}
      {c.nextPlan?.planId && <p>The plan for the next level has begun: <Link href={planPage}>see the growth plan</Link>.</p>}
      {c.nextPlan?.problem && <p className="notice notice-error">The next plan did not begin: {c.nextPlan.problem}. Generate it from the growth plan screen.</p>}
    </section>
  );
}

function Record({ value: c }: { value: Case }) {
  const s = c.snapshot!;
  return (
    <section aria-labelledby="case-record-title">
      <h2 id="case-record-title">The record</h2>
      <p>
        {s.readinessPercent}% ready for {humanize(s.targetLevel)} ({humanize(s.status)}) when taken on {formatDateTime(s.takenAt)}, framework version {s.frameworkVersion}.
      </p>
      {s.credibility && <p className="muted">{s.credibility}</p>}
      <div className="table-scroll" role="region" aria-labelledby="case-record-caption" tabIndex={0}>
        <table className="data-table">
          <caption id="case-record-caption">Each competency the target level expects, with the ratings and the evidence that counted</caption>
          <thead>
            <tr>
              <th scope="col">Competency</th><th scope="col">Expected</th><th scope="col">Self</th><th scope="col">Manager</th>
              <th scope="col">Peers</th><th scope="col">Calibrated</th><th scope="col">Evidence</th><th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {(s.competencies ?? []).map((r) => <CompetencyRow key={r.competency} record={r} />)}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CompetencyRow({ record: r }: { record: Competency }) {
  return (
    <tr>
      <th scope="row">
        {r.name}
        {(r.evidence ?? []).length > 0 && (
          <ul className="evidence-cited">
            {(r.evidence ?? []).map((e) => (
              <li key={e.id}>
                {e.title} <span className="muted small">({formatDate(e.occurredAt)}, weight {formatNumber(e.weight, 2)}, {e.verifiedBy ? `verified by ${e.verifiedBy.name}` : 'confirmed'})</span>
                {(e.links ?? []).map((link) => <div key={link}><a href={link} rel="noreferrer noopener" target="_blank">{link}</a></div>)}
              </li>
            ))}
          </ul>
        )}
      </th>
      <td>{r.expected}</td>
      <td>{formatNumber(r.selfRating)}</td>
      <td>{formatNumber(r.managerRating)}</td>
      <td>{formatNumber(r.peerRating)}</td>
      <td>
        {formatNumber(r.calibratedRating)}
        {r.calibration && <div className="muted small">{r.calibration.by?.name}: {r.calibration.rationale}</div>}
      </td>
      <td>{formatNumber(r.evidenceStrength)} of {r.evidenceRequired}</td>
      <td>{humanize(r.verdict)}</td>
    </tr>
  );
}

const PROMPT_FIELDS = ['whatIDid', 'impact', 'whatNext'] as const;

function NarrativeSection({ caseId, narrative: n, editable, onSaved }: {
  caseId: string; narrative: Narrative; editable: boolean; onSaved: (next: Case) => void;
}) {
  const title = n.role === 'PERSON' ? "The person's narrative" : "The manager's narrative";
  const [text, setText] = useState({ whatIDid: n.whatIDid ?? '', impact: n.impact ?? '', whatNext: n.whatNext ?? '' });
  const [error, setError] = useState<unknown>();
  const { byField, unmatched } = fieldErrors(error instanceof ApiError ? error.problem : undefined, PROMPT_FIELDS);
  const key = n.role!.toLowerCase();

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      onSaved(await call(api.PUT('/api/v1/promotion-cases/{id}/narrative', { params: { path: { id: caseId } }, body: text })));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby={`narrative-${key}-title`}>
      <h2 id={`narrative-${key}-title`}>{title}</h2>
      <p className="muted">{n.author ? `By ${n.author.name}, last saved ${formatDateTime(n.updatedAt)}` : 'Not written yet.'}</p>
      {editable ? (
        <form onSubmit={(e) => void save(e)} className="stack">
          {PROMPT_FIELDS.map((field) => (
            <div key={field} className="field">
              <label htmlFor={`narrative-${key}-${field}`}>{n.prompts?.[field]}</label>
              <textarea id={`narrative-${key}-${field}`} rows={4} value={text[field]} maxLength={8000}
                onChange={(e) => setText({ ...text, [field]: e.target.value })}
                {...describedBy(`narrative-${key}-${field}-error`, byField[field])} />
              <FieldError id={`narrative-${key}-${field}-error`} message={byField[field]} />
            </div>
          ))}
          {error !== undefined && <ErrorNotice error={error} unmatched={unmatched} />}
          <button type="submit" className="button">Save {n.role === 'PERSON' ? 'my narrative' : "the manager's narrative"}</button>
        </form>
      ) : n.author && (
        <dl className="narrative">
          {PROMPT_FIELDS.map((field) => (
            <div key={field}>
              <dt>{n.prompts?.[field]}</dt>
              <dd className="prose">{n[field]}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function Review({ value: c, onChange }: { value: Case; onChange: (next: Case) => void }) {
  const session = useSession();
  const allowed = new Set(c.allowed ?? []);
  const id = c.id!;
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>();
  const [reviewer, setReviewer] = useState('');
  const candidates = c.reviewerCandidates ?? [];
  const { byField, unmatched } = fieldErrors(error instanceof ApiError ? error.problem : undefined, ['body', 'reviewerId']);

  async function run(request: () => Promise<Case>, after: () => void) {
    setError(undefined);
    try {
      onChange(await request());
      after();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="case-review-title">
      <h2 id="case-review-title">Review</h2>
      {(c.reviewers ?? []).length === 0 ? <Empty>No reviewer invited yet.</Empty> : (
        <ul aria-label="Reviewers">
          {(c.reviewers ?? []).map((r) => <li key={r.reviewer?.id}>{r.reviewer?.name}, invited by {r.invitedBy?.name}</li>)}
        </ul>
      )}
      {allowed.has('INVITE_REVIEWER') && (
        <form className="inline-form" onSubmit={(e) => {
          e.preventDefault();
          void run(() => call(api.POST('/api/v1/promotion-cases/{id}/reviewers', { params: { path: { id } }, body: { reviewerId: reviewer } })), () => setReviewer(''));
        }}>
          <label htmlFor="case-reviewer">Invite a reviewer</label>
          <select id="case-reviewer" value={reviewer} onChange={(e) => setReviewer(e.target.value)} required
            {...describedBy('case-reviewer-error', byField.reviewerId)}>
            <option value="">Choose a manager above {c.person?.name}</option>
            {candidates.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
          <button type="submit" className="button">Invite</button>
          <FieldError id="case-reviewer-error" message={byField.reviewerId} />
        </form>
      )}
      <h3>Comments</h3>
      {(c.comments ?? []).length === 0 && <Empty>No comments yet.</Empty>}
      <ul className="comments" aria-label="Comments">
        {(c.comments ?? []).map((k) => (
          <li key={k.id}>
            <p><strong>{k.author?.name}</strong> <span className="muted small">{formatDateTime(k.createdAt)}{k.updatedAt !== k.createdAt ? ' (edited)' : ''}</span></p>
            <p className="prose">{k.body}</p>
            {allowed.has('COMMENT') && k.author?.id === session.personId && <EditComment caseId={id} commentId={k.id!} body={k.body ?? ''} onSaved={onChange} />}
          </li>
        ))}
      </ul>
      {allowed.has('COMMENT') && (
        <form className="stack" onSubmit={(e) => {
          e.preventDefault();
          void run(() => call(api.POST('/api/v1/promotion-cases/{id}/comments', { params: { path: { id } }, body: { body: comment } })), () => setComment(''));
        }}>
          <div className="field">
            <label htmlFor="case-comment">Your comment</label>
            <textarea id="case-comment" rows={3} value={comment} maxLength={8000} onChange={(e) => setComment(e.target.value)}
              {...describedBy('case-comment-error', byField.body)} />
            <FieldError id="case-comment-error" message={byField.body} />
          </div>
          <button type="submit" className="button">Add comment</button>
        </form>
      )}
      {error !== undefined && <ErrorNotice error={error} unmatched={unmatched} />}
    </section>
  );
}

function EditComment({ caseId, commentId, body, onSaved }: { caseId: string; commentId: string; body: string; onSaved: (next: Case) => void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(body);
  const [error, setError] = useState<unknown>();
  if (!editing) return <button type="button" className="button-link" onClick={() => setEditing(true)}>Edit my comment</button>;
  return (
    <form className="stack" onSubmit={(e) => {
      e.preventDefault();
      setError(undefined);
      call(api.PUT('/api/v1/promotion-cases/{id}/comments/{commentId}', { params: { path: { id: caseId, commentId } }, body: { body: text } }))
        .then((next) => { onSaved(next); setEditing(false); }, setError);
    }}>
      <label htmlFor={`edit-${commentId}`}>Edit your comment</label>
      <textarea id={`edit-${commentId}`} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="button">Save comment</button>
      {error !== undefined && <ErrorNotice error={error} />}
    </form>
  );
}

function DecisionForm({ value: c, onDecided }: { value: Case; onDecided: (next: Case) => void }) {
  const competencies = c.snapshot?.competencies ?? [];
  const [outcome, setOutcome] = useState<'PROMOTED' | 'NOT_YET'>('PROMOTED');
  const [rationale, setRationale] = useState('');
  const [gaps, setGaps] = useState<Record<string, string | undefined>>(() => decisionGaps(competencies));
  const [error, setError] = useState<unknown>();
  const { byField, unmatched } = fieldErrors(error instanceof ApiError ? error.problem : undefined, ['outcome', 'rationale', 'gaps']);

  async function decide(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const chosen = outcome === 'NOT_YET'
      ? Object.entries(gaps).filter(([, note]) => note !== undefined).map(([competency, note]) => ({ competency, note: note || undefined }))
      : [];
    try {
      onDecided(await call(api.POST('/api/v1/promotion-cases/{id}/decision', {
        params: { path: { id: c.id! } }, body: { outcome, rationale, gaps: chosen },
      })));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="case-decide-title">
      <h2 id="case-decide-title">Decide</h2>
      <form className="stack" onSubmit={(e) => void decide(e)}>
        <fieldset>
          <legend>Outcome</legend>
          <label><input type="radio" name="outcome" checked={outcome === 'PROMOTED'} onChange={() => setOutcome('PROMOTED')} /> Promoted to {humanize(c.targetLevel)}</label>
          <label><input type="radio" name="outcome" checked={outcome === 'NOT_YET'} onChange={() => setOutcome('NOT_YET')} /> Not yet</label>
        </fieldset>
        <div className="field">
          <label htmlFor="decision-rationale">Rationale</label>
          <textarea id="decision-rationale" rows={4} value={rationale} maxLength={8000} required onChange={(e) => setRationale(e.target.value)}
            {...describedBy('decision-rationale-error', byField.rationale)} />
          <FieldError id="decision-rationale-error" message={byField.rationale} />
        </div>
        {outcome === 'NOT_YET' && (
          <fieldset {...describedBy('decision-gaps-error', byField.gaps)}>
            <legend>Gaps to close</legend>
            {competencies.map((r) => {
              const code = r.competency!;
              const chosen = gaps[code] !== undefined;
              return (
                <div key={code} className="field">
                  <label>
                    <input type="checkbox" checked={chosen} onChange={() => setGaps({ ...gaps, [code]: chosen ? undefined : '' })} />{' '}
                    {r.name} <span className="muted small">({humanize(r.verdict)})</span>
                  </label>
                  {chosen && (
                    <input type="text" aria-label={`What closing ${r.name} looks like`} value={gaps[code] ?? ''} maxLength={2000}
                      onChange={(e) => setGaps({ ...gaps, [code]: e.target.value })} />
                  )}
                </div>
              );
            })}
            <FieldError id="decision-gaps-error" message={byField.gaps} />
          </fieldset>
        )}
        {error !== undefined && <ErrorNotice error={error} unmatched={unmatched} />}
        <button type="submit" className="button">Record the decision</button>
      </form>
    </section>
  );
}
