import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import { publishedFramework, type FrameworkDocument } from '../api/framework';
import { ApiError, fieldErrors } from '../api/problem';
import type { components } from '../api/schema';
import { formatDateTime, humanize } from '../app/labels';
import { useSearch } from '../app/router';
import { useSession } from '../app/session';
import { useLoad } from '../app/useLoad';
import { Badge, Empty, ErrorNotice, FieldError, Loading, Success } from '../app/ui';
import { chooseCycle, draftsFrom, ratingsToSend, type Draft } from './selfAssessment';

type Assessment = components['schemas']['AssessmentResponse'];
const LEVELS = [1, 2, 3, 4, 5] as const;

export function SelfAssessment() {
  const { personId } = useSession();
  const requested = new URLSearchParams(useSearch()).get('cycle');
  const [data, reload] = useLoad(async () => {
    const [framework, person, assessments] = await Promise.all([
      publishedFramework(),
      call(api.GET('/api/v1/people/{id}', { params: { path: { id: personId } } })),
      call(api.GET('/api/v1/people/{id}/assessments', { params: { path: { id: personId }, query: { limit: 200 } } })),
    ]);
    return { framework, person, choice: chooseCycle(assessments, personId, requested) };
  }, `${personId}:${requested ?? ''}`);

  return (
    <>
      <h1>Self-assessment</h1>
      {data.state === 'loading' && <Loading what="the framework and your assessments" />}
      {data.state === 'error' && <ErrorNotice error={data.error} retry={reload} />}
      {data.state === 'ready' && !data.data.choice.cycleId && (
        <Empty>No assessment cycle includes you yet. When your manager starts one, you can rate yourself here.</Empty>
      )}
      {data.state === 'ready' && data.data.choice.alreadySubmitted && (
        <Submitted assessment={data.data.choice.alreadySubmitted} framework={data.data.framework} />
      )}
      {data.state === 'ready' && data.data.choice.cycleId && !data.data.choice.alreadySubmitted && (
        <AssessmentForm
          key={data.data.choice.cycleId}
          framework={data.data.framework}
          targetLevel={data.data.person.targetLevel}
          cycleId={data.data.choice.cycleId}
          saved={data.data.choice.mine}
          personId={personId}
          onSubmitted={reload}
        />
      )}
    </>
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
        // the document leaves this answer untyped; the service answers the created assessment
        : (await call(api.POST('/api/v1/assessments', {
            body: { cycleId, subjectId: personId, kind: 'SELF', ratings },
          }))) as unknown as Assessment;
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
