import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError, fieldErrors } from '../../api/problem';
import type { components } from '../../api/schema';
import { formatDate, humanize, today } from '../../app/labels';
import { Link, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { Badge, describedBy, Empty, ErrorNotice, FieldError, Loading, Success } from '../../app/ui';

type Report = components['schemas']['ReportResponse'];

function loadLine(managerId: string) {
  return call(api.GET('/api/v1/people/{id}/reports', { params: { path: { id: managerId }, query: { depth: 'all', limit: 200 } } }))
    .then((page) => page.items ?? []);
}

export function Cycles() {
  const { personId } = useSession();
  const [cycles, reload] = useLoad(() => call(api.GET('/api/v1/cycles', { params: { query: { limit: 200 } } })), personId);
  const [line] = useLoad(() => loadLine(personId), personId);
  const items = cycles.state === 'ready' ? [...(cycles.data.items ?? [])].reverse() : [];
  return (
    <>
      <h1>Cycles</h1>
      {line.state === 'loading' && <Loading what="the people in your line" />}
      {line.state === 'error' && <ErrorNotice error={line.error} />}
      {line.state === 'ready' && <NewCycle people={line.data} onCreated={(id) => navigate(`/team/cycles/${id}`)} />}
      <section aria-labelledby="cycles-title">
        <h2 id="cycles-title">Your cycles</h2>
        {cycles.state === 'loading' && <Loading what="cycles" />}
        {cycles.state === 'error' && <ErrorNotice error={cycles.error} retry={reload} />}
        {cycles.state === 'ready' && items.length === 0 && <Empty>No cycles yet. Start one above.</Empty>}
        {items.length > 0 && (
          <ul className="plain cycle-list">
            {items.map((c) => (
              <li key={c.id} className="card">
                <Link href={`/team/cycles/${c.id}`}>{c.name}</Link>
                <span className="muted small"> · {formatDate(c.startsOn)} to {formatDate(c.endsOn)} · {c.participants} participant{c.participants === 1 ? '' : 's'}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

const CYCLE_FIELDS = ['name', 'startsOn', 'endsOn', 'participantIds'] as const;

function NewCycle({ people, onCreated }: { people: Report[]; onCreated: (id: string) => void }) {
  const [name, setName] = useState('');
  const [startsOn, setStartsOn] = useState(today());
  const [endsOn, setEndsOn] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const { byField, unmatched } = fieldErrors(error instanceof ApiError ? error.problem : undefined, CYCLE_FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await call(api.POST('/api/v1/cycles', { body: { name, startsOn, endsOn, participantIds: chosen } }));
      const id = (created as { id?: string } | undefined)?.id;
      if (id) onCreated(id);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));

  return (
    <section className="card" aria-labelledby="new-cycle-title">
      <h2 id="new-cycle-title">Start a cycle</h2>
      {people.length === 0 ? <Empty>Nobody is in your line yet, so there is nobody to assess.</Empty> : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {error !== undefined && <ErrorNotice error={error} unmatched={unmatched} />}
          <div className="field">
            <label htmlFor="cycle-name">Name</label>
            <input id="cycle-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)}
                   {...describedBy('cycle-name-error', byField.name)} />
            <FieldError id="cycle-name-error" message={byField.name} />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="cycle-starts">Starts on</label>
              <input id="cycle-starts" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)}
                     {...describedBy('cycle-starts-error', byField.startsOn)} />
              <FieldError id="cycle-starts-error" message={byField.startsOn} />
            </div>
            <div className="field">
              <label htmlFor="cycle-ends">Ends on</label>
              <input id="cycle-ends" type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)}
                     {...describedBy('cycle-ends-error', byField.endsOn)} />
              <FieldError id="cycle-ends-error" message={byField.endsOn} />
            </div>
          </div>
          <fieldset {...describedBy('cycle-participants-error', byField.participantIds)}>
            <legend>Participants</legend>
            <div className="checkbox-grid">
              {people.map((p) => (
                <label key={p.id} className="checkbox">
                  <input type="checkbox" checked={chosen.includes(p.id!)} onChange={(e) => toggle(p.id!, e.target.checked)} />
                  {p.name} <span className="muted small">({humanize(p.level)})</span>
                </label>
              ))}
            </div>
            <FieldError id="cycle-participants-error" message={byField.participantIds} />
          </fieldset>
          <button type="submit" className="button" disabled={busy}>Start cycle</button>
        </form>
      )}
    </section>
  );
}

const STEP_TONE = { SUBMITTED: 'good', DRAFT: 'warn', MISSING: 'neutral' } as const;
const stepBadge = (status: string | undefined) => {
  const s = (status ?? 'MISSING') as keyof typeof STEP_TONE;
  return <Badge tone={STEP_TONE[s] ?? 'neutral'}>{s === 'MISSING' ? 'Not started' : humanize(s)}</Badge>;
};

export function CycleDetail({ cycleId }: { cycleId: string }) {
  const { personId } = useSession();
  const [cycle, reload] = useLoad(() => call(api.GET('/api/v1/cycles/{id}', { params: { path: { id: cycleId } } })), cycleId);
  const [line] = useLoad(() => loadLine(personId), personId);
  const people = line.state === 'ready' ? line.data : [];
  const nameOf = (id: string | undefined) => people.find((p) => p.id === id)?.name ?? id ?? '';
  const participants = cycle.state === 'ready' ? cycle.data.participants ?? [] : [];
  return (
    <>
      <p className="breadcrumb"><Link href="/team/cycles">← Cycles</Link></p>
      <h1>{cycle.state === 'ready' ? cycle.data.name : 'Cycle'}</h1>
      {cycle.state === 'loading' && <Loading what="the cycle" />}
      {cycle.state === 'error' && <ErrorNotice error={cycle.error} retry={reload} />}
      {cycle.state === 'ready' && (
        <>
          <p>
            {formatDate(cycle.data.startsOn)} to {formatDate(cycle.data.endsOn)} · framework version {cycle.data.frameworkVersion} ·{' '}
            <strong>{cycle.data.complete ?? 0} of {participants.length} complete</strong>
          </p>
          <div className="table-scroll" role="region" aria-labelledby="completion-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="completion-caption">Completion per participant</caption>
              <thead>
                <tr>
                  <th scope="col">Participant</th><th scope="col">Self-assessment</th><th scope="col">Manager's assessment</th>
                  <th scope="col">Peers</th><th scope="col">Complete</th><th scope="col">Assess</th>
                </tr>
              </thead>
              <tbody>
                {participants.map((p) => (
                  <tr key={p.personId}>
                    <th scope="row">{nameOf(p.personId)}</th>
                    <td>{stepBadge(p.self)}</td>
                    <td>{stepBadge(p.manager)}</td>
                    <td>{p.peersSubmitted ?? 0} of {p.peersInvited ?? 0} submitted</td>
                    <td>{p.complete ? <Badge tone="good">Complete</Badge> : <Badge tone="neutral">Incomplete</Badge>}</td>
                    <td><Link href={`/team/people/${p.personId}/assess?cycle=${cycleId}`}>Assess {nameOf(p.personId)}</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <InvitePeer cycleId={cycleId} participants={participants.map((p) => p.personId!)} people={people} nameOf={nameOf} onInvited={reload} />
        </>
      )}
    </>
  );
}

function InvitePeer({ cycleId, participants, people, nameOf, onInvited }: {
  cycleId: string; participants: string[]; people: Report[]; nameOf: (id: string) => string; onInvited: () => void;
}) {
  const [subjectId, setSubjectId] = useState(participants[0] ?? '');
  const [peerId, setPeerId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | undefined>();
  const { byField, unmatched } = fieldErrors(error instanceof ApiError ? error.problem : undefined, ['subjectId', 'peerId']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await call(api.POST('/api/v1/cycles/{id}/peer-invitations', { params: { path: { id: cycleId } }, body: { subjectId, peerId } }));
      setDone(`${nameOf(peerId)} is invited to assess ${nameOf(subjectId)}.`);
      setPeerId('');
      onInvited();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a peer</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {error !== undefined && <ErrorNotice error={error} unmatched={unmatched} />}
        {done && <Success>{done}</Success>}
        <div className="field-row">
          <div className="field">
            <label htmlFor="invite-subject">Participant</label>
            <select id="invite-subject" value={subjectId} onChange={(e) => setSubjectId(e.target.value)}
                    {...describedBy('invite-subject-error', byField.subjectId)}>
              {participants.map((id) => <option key={id} value={id}>{nameOf(id)}</option>)}
            </select>
            <FieldError id="invite-subject-error" message={byField.subjectId} />
          </div>
          <div className="field">
            <label htmlFor="invite-peer">Peer</label>
            <select id="invite-peer" value={peerId} onChange={(e) => setPeerId(e.target.value)}
                    {...describedBy('invite-peer-error', byField.peerId)}>
              <option value="">Choose a peer</option>
              {people.filter((p) => p.id !== subjectId).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
            <FieldError id="invite-peer-error" message={byField.peerId} />
          </div>
        </div>
        <button type="submit" className="button" disabled={busy}>Invite peer</button>
      </form>
    </section>
  );
}
