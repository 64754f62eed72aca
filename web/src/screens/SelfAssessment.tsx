import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import { frameworkVersion, type FrameworkDocument } from '../api/framework';
import { ApiError, fieldErrors } from '../api/problem';
import type { components } from '../api/schema';
import { formatDate, formatDateTime, humanize, today } from '../app/labels';
import { navigate, useSearch } from '../app/router';
import { useSession } from '../app/session';
import { useLoad } from '../app/useLoad';
import { Badge, Empty, ErrorNotice, FieldError, Loading, Success } from '../app/ui';
import { chooseCycle, draftsFrom, isOpen, ratingsToSend, type Draft, type ParticipantCycle } from './selfAssessment';

type Assessment = components['schemas']['AssessmentResponse'];
const LEVELS = [1, 2, 3, 4, 5] as const;
const STATUS_BADGE = {
  MISSING: { tone: 'neutral', label: 'Not started' },
  DRAFT: { tone: 'warn', label: 'Draft' },
  SUBMITTED: { tone: 'good', label: 'Submitted' },
} as const;

export function SelfAssessment() {
  const { personId } = useSession();
  const requested = new URLSearchParams(useSearch()).get('cycle');
  const [data, reload] = useLoad(async () => {
    const [person, cycles] = await Promise.all([
      call(api.GET('/api/v1/people/{id}', { params: { path: { id: personId } } })),
      call(api.GET('/api/v1/people/{id}/cycles', { params: { path: { id: personId }, query: { limit: 200 } } })),
    ]);
    const cycle = chooseCycle(cycles, today(), requested);
    if (!cycle) return { person, cycles, chosen: undefined };
    // rated against the framework version the cycle was started with, not whatever is current now
    const [framework, mine] = await Promise.all([
      frameworkVersion(cycle.frameworkVersion!),
      cycle.selfAssessmentId
        ? call(api.GET('/api/v1/assessments/{id}', { params: { path: { id: cycle.selfAssessmentId } } }))
        : undefined,
    ]);
    return { person, cycles, chosen: { cycle, framework, mine } };
  }, `${personId}:${requested ?? ''}`);

  return (
    <>
      <h1>Self-assessment</h1>
      {data.state === 'loading' && <Loading what="your cycles and the framework" />}
      {data.state === 'error' && <ErrorNotice error={data.error} retry={reload} />}
      {data.state === 'ready' && !data.data.chosen && (
        <Empty>No assessment cycle includes you yet. When your manager starts one, you can rate yourself here.</Empty>
      )}
      {data.state === 'ready' && data.data.chosen && (() => {
        const { cycle, framework, mine } = data.data.chosen;
        return (
          <>
            <CycleChoice cycles={data.data.cycles} chosen={cycle} requested={requested} />
            {mine?.status === 'SUBMITTED' ? (
              <Submitted assessment={mine} framework={framework} />
            ) : (
              <AssessmentForm
                key={cycle.id}
                framework={framework}
                targetLevel={data.data.person.targetLevel}
                cycleId={cycle.id!}
                saved={mine}
                personId={personId}
                onSubmitted={reload}
              />
            )}
          </>
        );
      })()}
    </>
  );
}

/** Which cycle this is, and a choice of the others the member takes part in (kept in ?cycle=). */
function CycleChoice({ cycles, chosen, requested }: { cycles: ParticipantCycle[]; chosen: ParticipantCycle; requested: string | null }) {
  const status = STATUS_BADGE[chosen.selfStatus ?? 'MISSING'];
  const open = isOpen(chosen, today());
  return (
    <section className="card cycle-choice" aria-labelledby="cycle-title">
      <h2 id="cycle-title">{chosen.name}</h2>
      <p>
        {formatDate(chosen.startsOn)} to {formatDate(chosen.endsOn)}{' '}
        <Badge tone={open ? 'good' : 'neutral'}>{open ? 'Open' : 'Not open today'}</Badge>{' '}
        <Badge tone={status.tone}>{status.label}</Badge>
      </p>
      {requested && requested !== chosen.id && (
        <p className="muted" role="status">The cycle in the address does not include you; showing {chosen.name} instead.</p>
      )}
      {cycles.length > 1 && (
        <div className="field">
          <label htmlFor="cycle-choice">Cycle</label>
          <select id="cycle-choice" value={chosen.id}
                  onChange={(e) => navigate(`/self-assessment?cycle=${encodeURIComponent(e.target.value)}`, { replace: true })}>
            {cycles.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({formatDate(c.startsOn)} to {formatDate(c.endsOn)}): {STATUS_BADGE[c.selfStatus ?? 'MISSING'].label}
              </option>
            ))}
          </select>
        </div>
      )}
    </section>
  );
}

function Submitted({ assessment, framework }: { assessment: Assessment; framework: FrameworkDocument }) {
  const drafts = draftsFrom(assessment);
  return (
    <section className="card" aria-labelledby="submitted-title">
      <h2 id="submitted-title">Submitted</h2>
      <p><Badge tone="good">Submitted</Badge> on {formatDateTime(assessment.submittedAt)}. A submitted assessment cannot change.</p>
      <div className="table-scroll" role="region" aria-labelledby="submitted-caption" tabIndex={0}>
        <table className="data-table">
          <caption id="submitted-caption">Your ratings</caption>
          <thead><tr><th scope="col">Competency</th><th scope="col">Rating</th><th scope="col">Comment</th></tr></thead>
          <tbody>
            {framework.competencies.filter((c) => drafts[c.code]).map((c) => (
              <tr key={c.code}><th scope="row">{c.name}</th><td>{drafts[c.code]?.rating}</td><td>{drafts[c.code]?.comment}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function AssessmentForm({ framework, targetLevel, cycleId, saved, personId, onSubmitted }: {
  framework: FrameworkDocument; targetLevel: string | undefined; cycleId: string; saved: Assessment | undefined;
  personId: string; onSubmitted: () => void;
}) {
  const [assessment, setAssessment] = useState<Assessment | undefined>(saved);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => draftsFrom(saved));
  const [error, setError] = useState<{ failure: unknown; codeAt: string[] } | undefined>();
  const [busy, setBusy] = useState<'save' | 'submit' | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const order = framework.competencies.map((c) => c.code);
  const expected = targetLevel ? framework.expectations[targetLevel] ?? {} : {};

  useEffect(() => setMessage(undefined), [drafts]);

  // violations name `ratings[i].…`; i is the position in what was sent, so map it back to a competency
  const indexFields = (error?.codeAt ?? []).map((_, i) => `ratings[${i}]`);
  const problem = error?.failure instanceof ApiError ? error.failure.problem : undefined;
  const { byField, unmatched } = fieldErrors(problem, [...indexFields, 'ratings', 'cycleId', 'subjectId', 'kind']);
  const errorFor = (code: string) => {
    const i = error?.codeAt.indexOf(code) ?? -1;
    return i >= 0 ? byField[`ratings[${i}]`] : undefined;
  };

  async function save(): Promise<Assessment> {
    const { ratings, codeAt } = ratingsToSend(order, drafts);
    try {
      const result = assessment?.id
        ? await call(api.PUT('/api/v1/assessments/{id}/ratings', { params: { path: { id: assessment.id } }, body: { ratings } }))
        : await call(api.POST('/api/v1/assessments', { body: { cycleId, subjectId: personId, kind: 'SELF', ratings } }));
      setAssessment(result);
      return result;
    } catch (failure) {
      setError({ failure, codeAt });
      throw failure;
    }
  }

  async function run(kind: 'save' | 'submit') {
    setBusy(kind);
    setError(undefined);
    setMessage(undefined);
    try {
      const draft = await save();
      if (kind === 'submit') {
        await call(api.POST('/api/v1/assessments/{id}/submit', { params: { path: { id: draft.id! } } }))
          .catch((failure: unknown) => {
            setError({ failure, codeAt: [] });
            throw failure;
          });
        onSubmitted();
      } else {
        setMessage('Draft saved. Only you can see it until you submit.');
      }
    } catch {
      // shown through `error`
    } finally {
      setBusy(undefined);
    }
  }

  const update = (code: string, change: Partial<Draft>) =>
    setDrafts((current) => ({ ...current, [code]: { comment: '', ...current[code], ...change } }));
  const rated = order.filter((code) => drafts[code]?.rating !== undefined).length;

  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); void run('submit'); }} noValidate>
      <p>
        Rate yourself on each competency: choose the level whose behaviours match what you do today.
        {targetLevel && <> Your target level, {humanize(targetLevel)}, expects the level shown beside each one.</>}
      </p>
      <p className="muted">{assessment ? <>Draft saved {formatDateTime(assessment.updatedAt)}.</> : 'Not saved yet.'} {rated} of {order.length} rated.</p>
      {error && <ErrorNotice error={error.failure} unmatched={unmatched} />}
      {byField.ratings && <p className="field-error" role="alert">{byField.ratings}</p>}
      {framework.competencies.map((competency) => {
        const draft = drafts[competency.code];
        const fieldError = errorFor(competency.code);
        const errorId = `rating-${competency.code}-error`;
        const want = expected[competency.code]?.proficiency;
        return (
          <fieldset key={competency.code} className="card competency-rating"
                    {...(fieldError ? { 'aria-describedby': errorId, 'aria-invalid': true } : {})}>
            <legend>{competency.name}</legend>
            {competency.description && <p className="muted">{competency.description}</p>}
            {want !== undefined && want > 0 && <p className="small"><Badge tone="neutral">Expected: level {want}</Badge></p>}
            <div className="levels">
              {LEVELS.map((level) => (
                <label key={level} className={`level${draft?.rating === level ? ' level-chosen' : ''}`}>
                  <input type="radio" name={`rating-${competency.code}`} value={level}
                         checked={draft?.rating === level} onChange={() => update(competency.code, { rating: level })} />
                  <span className="level-number">Level {level}</span>
                  <span className="level-behaviours">{(competency.behaviours[String(level)] ?? []).join(' ') || 'No behaviours described.'}</span>
                </label>
              ))}
            </div>
            <div className="field">
              <label htmlFor={`comment-${competency.code}`}>Comment on {competency.name} <span className="muted">(optional)</span></label>
              <textarea id={`comment-${competency.code}`} rows={2} maxLength={4000} value={draft?.comment ?? ''}
                        onChange={(e) => update(competency.code, { comment: e.target.value })} />
            </div>
            <FieldError id={errorId} message={fieldError} />
          </fieldset>
        );
      })}
      {message && <Success>{message}</Success>}
      <div className="actions sticky-actions">
        <button type="button" className="button-secondary" disabled={busy !== undefined} onClick={() => void run('save')}>Save draft</button>
        <button type="submit" className="button" disabled={busy !== undefined}>Submit</button>
      </div>
    </form>
  );
}
