import { useState, type FormEvent } from 'react';
import { api, call } from '../api/client';
import { ApiError, fieldErrors } from '../api/problem';
import type { components } from '../api/schema';
import { formatDate, humanize, today } from '../app/labels';
import { useSession } from '../app/session';
import { useLoad } from '../app/useLoad';
import { Badge, describedBy, Empty, ErrorNotice, FieldError, Loading, Success } from '../app/ui';
import { actionProgress, currentPlan, isOverdue } from './planProgress';

type PlanView = components['schemas']['PlanView'];
type ActionView = components['schemas']['ActionView'];

export function GrowthPlan() {
  const { personId } = useSession();
  const [plan, reload] = useLoad(async () => {
    const plans = await call(api.GET('/api/v1/plans', { params: { query: { personId, limit: 200 } } }));
    const summary = currentPlan(plans.items ?? []);
    if (!summary?.id) return undefined;
    return call(api.GET('/api/v1/plans/{id}', { params: { path: { id: summary.id } } }));
  }, personId);

  return (
    <>
      <h1>Growth plan</h1>
      {plan.state === 'loading' && <Loading what="your plan" />}
      {plan.state === 'error' && <ErrorNotice error={plan.error} retry={reload} />}
      {plan.state === 'ready' && !plan.data && <NoPlan personId={personId} onCreated={reload} />}
      {plan.state === 'ready' && plan.data && <PlanDetail plan={plan.data} onChanged={reload} />}
    </>
  );
}

function NoPlan({ personId, onCreated }: { personId: string; onCreated: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  async function create() {
    setBusy(true);
    setError(undefined);
    try {
      await call(api.POST('/api/v1/plans', { body: { personId } }));
      onCreated();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }
  return (
    <section className="card">
      <Empty>You have no growth plan yet. Ascent builds one from the gaps in your readiness.</Empty>
      {error !== undefined && <ErrorNotice error={error} />}
      <button type="button" className="button" disabled={busy} onClick={() => void create()}>Create my plan</button>
    </section>
  );
}

export function PlanDetail({ plan, onChanged }: { plan: PlanView; onChanged: () => void }) {
  const actions = [...(plan.actions ?? [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const now = today();
  return (
    <>
      <section className="card summary" aria-labelledby="plan-summary-title">
        <h2 id="plan-summary-title">Towards {humanize(plan.targetLevel)}</h2>
        <dl className="facts">
          <div><dt>Status</dt><dd><Badge tone={plan.status === 'ACTIVE' ? 'good' : 'neutral'}>{humanize(plan.status)}</Badge></dd></div>
          <div><dt>Runs</dt><dd>{formatDate(plan.startsOn)} to {formatDate(plan.endsOn)}</dd></div>
          <div>
            <dt id="plan-progress-term">Plan progress</dt>
            <dd>
              {plan.progressStale || plan.progressPercent === undefined || plan.progressPercent === null
                ? 'Unknown just now'
                : <>
                    <progress max={100} value={plan.progressPercent} aria-labelledby="plan-progress-term" />{' '}
                    {plan.progressPercent}% ({plan.actionsDone ?? 0} of {plan.actionsTotal ?? 0} actions done)
                  </>}
            </dd>
          </div>
        </dl>
        {plan.progressStale && (
          <p className="notice notice-warn" role="status">Progress could not be counted from your evidence just now; it will update when evidence is reachable again.</p>
        )}
        {(plan.focus ?? []).length > 0 && (
          <p>Focus: {(plan.focus ?? []).map((f) => humanize(f.competency)).join(', ')}.</p>
        )}
        {plan.status === 'DRAFT' && <StartPlan planId={plan.id!} onDone={onChanged} />}
        <Regenerate planId={plan.id!} onDone={onChanged} />
      </section>

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">Actions</h2>
        {actions.length === 0 ? <Empty>This plan has no actions: nothing stands between you and your target level.</Empty> : (
          <ol className="action-list">
            {actions.map((action) => <li key={action.id}><Action action={action} overdue={isOverdue(action, now)} /></li>)}
          </ol>
        )}
      </section>

      <CheckIns planId={plan.id!} />
    </>
  );
}

function Action({ action, overdue }: { action: ActionView; overdue: boolean }) {
  const progress = actionProgress(action);
  const headingId = `action-${action.id}`;
  return (
    <article className="card action" aria-labelledby={headingId}>
      <header className="evidence-header">
        <h3 id={headingId}>{action.title}</h3>
        {action.done ? <Badge tone="good">Done</Badge> : overdue ? <Badge tone="bad">Overdue</Badge> : <Badge tone="neutral">In progress</Badge>}
      </header>
      <p className="muted small">
        {humanize(action.competency)} · {humanize(action.category)} · due {formatDate(action.dueOn)}
      </p>
      <div className="progress-row">
        {progress === undefined
          ? <span>Progress unknown just now</span>
          : <>
              <progress max={100} value={progress} aria-label={`Progress of ${action.title}`} />
              <span>{progress}%</span>
            </>}
      </div>
      {action.why && <p><strong>Why:</strong> {action.why}</p>}
      {action.how && <p><strong>How:</strong> {action.how}</p>}
      {action.artefact && <p><strong>Leaves behind:</strong> {action.artefact}</p>}
      {(action.evidence ?? []).length > 0 && (
        <ul className="plain small">
          {action.evidence!.map((e, i) => (
            <li key={i}>
              {humanize(e.kind)} for {humanize(e.competency)}
              {e.tag && <> mentioning <code>{e.tag}</code></>}: {e.matched ?? '?'} of {e.count}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** A generated plan starts as a draft; the member makes it theirs by starting it. */
function StartPlan({ planId, onDone }: { planId: string; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  async function start() {
    setBusy(true);
    setError(undefined);
    try {
      await call(api.PUT('/api/v1/plans/{id}/status', { params: { path: { id: planId } }, body: { status: 'ACTIVE' } }));
      onDone();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }
  return (
    <div className="actions">
      {error !== undefined && <ErrorNotice error={error} />}
      <button type="button" className="button" disabled={busy} onClick={() => void start()}>Start this plan</button>
    </div>
  );
}

function Regenerate({ planId, onDone }: { planId: string; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  async function regenerate() {
    setBusy(true);
    setError(undefined);
    try {
      await call(api.POST('/api/v1/plans/{id}/regenerate', { params: { path: { id: planId } }, body: {} }));
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div>
      {error !== undefined && <ErrorNotice error={error} />}
      <button type="button" className="button-secondary" disabled={busy} onClick={() => void regenerate()}>Regenerate plan</button>
      <span className="muted small"> Builds a new plan from your current readiness; this one is kept in your history.</span>
    </div>
  );
}

function CheckIns({ planId }: { planId: string }) {
  const [checkIns, reload] = useLoad(
    () => call(api.GET('/api/v1/plans/{id}/check-ins', { params: { path: { id: planId }, query: { limit: 50 } } })),
    planId,
  );
  const { personId } = useSession();
  const [note, setNote] = useState('');
  const [date, setDate] = useState(today());
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const { byField, unmatched } = fieldErrors(error instanceof ApiError ? error.problem : undefined, ['note', 'date']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    setSaved(false);
    try {
      await call(api.POST('/api/v1/plans/{id}/check-ins', { params: { path: { id: planId } }, body: { note, date } }));
      setNote('');
      setSaved(true);
      reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  const items = checkIns.state === 'ready' ? [...(checkIns.data.items ?? [])] : [];
  return (
    <section aria-labelledby="check-ins-title">
      <h2 id="check-ins-title">Check-ins</h2>
      <form className="card form" onSubmit={(e) => void submit(e)} noValidate>
        {error !== undefined && <ErrorNotice error={error} unmatched={unmatched} />}
        {saved && <Success>Check-in saved.</Success>}
        <div className="field">
          <label htmlFor="check-in-note">Note</label>
          <textarea id="check-in-note" rows={3} value={note} maxLength={4000} onChange={(e) => setNote(e.target.value)}
                    {...describedBy('check-in-note-error', byField.note)} />
          <FieldError id="check-in-note-error" message={byField.note} />
        </div>
        <div className="field">
          <label htmlFor="check-in-date">Date</label>
          <input id="check-in-date" type="date" value={date} onChange={(e) => setDate(e.target.value)}
                 {...describedBy('check-in-date-error', byField.date)} />
          <FieldError id="check-in-date-error" message={byField.date} />
        </div>
        <button type="submit" className="button" disabled={saving}>Add check-in</button>
      </form>
      {checkIns.state === 'loading' && <Loading what="check-ins" />}
      {checkIns.state === 'error' && <ErrorNotice error={checkIns.error} retry={reload} />}
      {checkIns.state === 'ready' && items.length === 0 && <Empty>No check-ins yet.</Empty>}
      {items.length > 0 && (
        <ol className="timeline">
          {items.map((c) => (
            <li key={c.id}>
              <p className="muted small">
                <time dateTime={c.date}>{formatDate(c.date)}</time> · {c.authorId === personId ? 'You' : humanize(c.authorRole)}
              </p>
              <p className="pre-line">{c.note}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
