import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError, fieldErrors, messageOf } from '../../api/problem';
import type { components } from '../../api/schema';
import { formatDate, humanize } from '../../app/labels';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { describedBy, Empty, ErrorNotice, FieldError, Loading, Success } from '../../app/ui';

type EvidenceItem = components['schemas']['EvidenceResponse'];
interface Waiting { item: EvidenceItem; owner: string }

/** Everyone below the manager, then each one's confirmed evidence (the API filters by one person at a time). */
async function loadQueue(managerId: string): Promise<Waiting[]> {
  const reports = await call(api.GET('/api/v1/people/{id}/reports', {
    params: { path: { id: managerId }, query: { depth: 'all', limit: 200 } },
  }));
  const people = reports.items ?? [];
  const pages = await Promise.all(people.map((p) => call(api.GET('/api/v1/evidence', {
    params: { query: { personId: p.id, status: 'CONFIRMED', limit: 100 } },
  })).then((page) => (page.items ?? []).map((item) => ({ item, owner: p.name ?? p.email ?? '' })))));
  return pages.flat().sort((a, b) => (b.item.occurredAt ?? '').localeCompare(a.item.occurredAt ?? ''));
}

interface Outcome { done: string[]; failed: { title: string; message: string }[] }

export function VerifyQueue() {
  const { personId } = useSession();
  const [queue, reload] = useLoad(() => loadQueue(personId), personId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ verb: string } & Outcome | undefined>();
  const [reasonError, setReasonError] = useState<unknown>();

  const items = queue.state === 'ready' ? queue.data : [];
  const chosen = items.filter((w) => selected.has(w.item.id!));
  const toggle = (id: string, on: boolean) => setSelected((s) => {
    const next = new Set(s);
    if (on) next.add(id); else next.delete(id);
    return next;
  });

  /** One call per item: the API verifies and rejects one item at a time; each result is reported. */
  async function act(verb: 'Verified' | 'Rejected', targets: Waiting[]) {
    setBusy(true);
    setOutcome(undefined);
    setReasonError(undefined);
    const result: Outcome = { done: [], failed: [] };
    for (const { item } of targets) {
      const id = item.id!;
      try {
        if (verb === 'Verified') await call(api.POST('/api/v1/evidence/{id}/verify', { params: { path: { id } } }));
        else await call(api.POST('/api/v1/evidence/{id}/reject', { params: { path: { id } }, body: { reason } }));
        result.done.push(item.title ?? id);
      } catch (failure) {
        if (verb === 'Rejected' && failure instanceof ApiError && fieldErrors(failure.problem, ['reason']).byField.reason) {
          setReasonError(failure);
        }
        result.failed.push({ title: item.title ?? id, message: messageOf(failure) });
      }
    }
    setOutcome({ verb, ...result });
    setSelected(new Set());
    if (result.done.length > 0 && verb === 'Rejected') setReason('');
    setBusy(false);
    reload();
  }

  const reasonMessage = fieldErrors(reasonError instanceof ApiError ? reasonError.problem : undefined, ['reason']).byField.reason;
  function reject(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(new ApiError(400, { detail: 'Say why these items are rejected.', violations: [{ field: 'reason', message: 'A reason is required to reject.' }] }));
      return;
    }
    void act('Rejected', chosen);
  }

  return (
    <>
      <h1>Verify evidence</h1>
      <p className="lede">Work your reports have confirmed, waiting for you to verify it. Verified evidence counts fully towards readiness.</p>
      {outcome && outcome.done.length > 0 && <Success>{outcome.verb}: {outcome.done.join('; ')}.</Success>}
      {outcome && outcome.failed.length > 0 && (
        <div className="notice notice-error" role="alert">
          <p><strong>Not {outcome.verb.toLowerCase()}:</strong></p>
          <ul>{outcome.failed.map((f) => <li key={f.title}>{f.title}: {f.message}</li>)}</ul>
        </div>
      )}
      {queue.state === 'loading' && <Loading what="the queue" />}
      {queue.state === 'error' && <ErrorNotice error={queue.error} retry={reload} />}
      {queue.state === 'ready' && items.length === 0 && <Empty>Nothing is waiting for verification.</Empty>}
      {items.length > 0 && (
        <>
          <form className="card form" onSubmit={reject} aria-label="Act on the selected items" noValidate>
            <p role="status">{chosen.length} of {items.length} selected.</p>
            <div className="actions">
              <button type="button" className="button-secondary" onClick={() => setSelected(new Set(items.map((w) => w.item.id!)))}>Select all</button>
              <button type="button" className="button" disabled={busy || chosen.length === 0} onClick={() => void act('Verified', chosen)}>
                Verify selected
              </button>
            </div>
            <div className="field">
              <label htmlFor="reject-reason">Reason for rejecting</label>
              <textarea id="reject-reason" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)}
                        {...describedBy('reject-reason-error', reasonMessage)} />
              <FieldError id="reject-reason-error" message={reasonMessage} />
            </div>
            <div className="actions">
              <button type="submit" className="button-danger" disabled={busy || chosen.length === 0}>Reject selected</button>
            </div>
          </form>
          <div className="table-scroll" role="region" aria-labelledby="queue-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="queue-caption">Confirmed evidence waiting for verification</caption>
              <thead>
                <tr>
                  <th scope="col">Select</th><th scope="col">Work</th><th scope="col">Person</th>
                  <th scope="col">When</th><th scope="col">Competencies</th><th scope="col">Verify</th>
                </tr>
              </thead>
              <tbody>
                {items.map(({ item, owner }) => (
                  <tr key={item.id}>
                    <td>
                      <input type="checkbox" aria-label={`Select ${item.title}`} checked={selected.has(item.id!)}
                             onChange={(e) => toggle(item.id!, e.target.checked)} />
                    </td>
                    <th scope="row">
                      {item.title}
                      {item.summary && <><br /><span className="muted small">{item.summary}</span></>}
                      {(item.links ?? []).map((l) => <span key={l} className="small"><br /><a href={l} rel="noreferrer noopener" target="_blank">{l}</a></span>)}
                    </th>
                    <td><Link href={`/team/people/${item.personId}`}>{owner}</Link></td>
                    <td>{formatDate(item.occurredAt)}</td>
                    <td>{(item.competencies ?? []).map(humanize).join(', ')}</td>
                    <td>
                      <button type="button" className="button-secondary" disabled={busy}
                              aria-label={`Verify ${item.title}`} onClick={() => void act('Verified', [{ item, owner }])}>
                        Verify
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
