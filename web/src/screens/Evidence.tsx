import { useEffect, useState, type FormEvent } from 'react';
import { api, call } from '../api/client';
import { competencyName, publishedFramework, type FrameworkDocument } from '../api/framework';
import { ApiError, fieldErrors } from '../api/problem';
import type { components } from '../api/schema';
import { formatDate, formatDateTime, humanize, today } from '../app/labels';
import { navigate, useSearch } from '../app/router';
import { useSession } from '../app/session';
import { useLoad } from '../app/useLoad';
import { Badge, describedBy, Empty, ErrorNotice, FieldError, Loading, Success } from '../app/ui';
import {
  filtersToSearch, isFiltered, listQuery, parseFilters, SOURCES, STATUSES, type EvidenceFilters,
} from './evidenceFilters';

type EvidenceItem = components['schemas']['EvidenceResponse'];
type EvidenceKind = components['schemas']['EvidenceKind'];
/** evidence-service owns the kinds; the app lists what it serves, with its words for them. */
type KindDescription = components['schemas']['EvidenceKindDescription'];
const STATUS_TONE = { SUGGESTED: 'warn', CONFIRMED: 'good', VERIFIED: 'good', REJECTED: 'bad' } as const;

export function Evidence() {
  const { personId } = useSession();
  const search = useSearch();
  const filters = parseFilters(search);
  const [framework, setFramework] = useState<FrameworkDocument | undefined>();
  const [frameworkError, setFrameworkError] = useState<unknown>();
  const [more, setMore] = useState<{ items: EvidenceItem[]; cursor?: string }>({ items: [] });

  const [kinds, setKinds] = useState<KindDescription[] | undefined>();
  const [kindsError, setKindsError] = useState<unknown>();

  useEffect(() => {
    publishedFramework().then(setFramework, setFrameworkError);
    call(api.GET('/api/v1/evidence-kinds')).then(setKinds, setKindsError);
  }, []);

  const [page, reload] = useLoad(async () => {
    setMore({ items: [] });
    return call(api.GET('/api/v1/evidence', {
      params: { query: { ...listQuery(personId, filters), limit: 100 } },
    }));
  }, `${personId}${search}`);

  async function loadMore(cursor: string) {
    const next = await call(api.GET('/api/v1/evidence', {
      params: { query: { ...listQuery(personId, filters), limit: 100, cursor } },
    }));
    setMore((previous) => ({ items: [...previous.items, ...(next.items ?? [])], cursor: next.nextCursor ?? undefined }));
  }

  const setFilters = (next: EvidenceFilters) => navigate(`/evidence${filtersToSearch(next)}`, { replace: true });
  const items = page.state === 'ready' ? [...(page.data.items ?? []), ...more.items] : [];
  const cursor = more.items.length ? more.cursor : page.state === 'ready' ? page.data.nextCursor ?? undefined : undefined;

  return (
    <>
      <h1>Evidence</h1>
      <LogEvidence personId={personId} framework={framework} kinds={kinds} frameworkError={frameworkError ?? kindsError}
                   onLogged={reload} />

      <section aria-labelledby="evidence-list-title">
        <h2 id="evidence-list-title">Your evidence</h2>
        <form className="filters" role="search" aria-label="Filter evidence" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="filter-status">Status</label>
            <select id="filter-status" value={filters.status ?? ''}
                    onChange={(e) => setFilters({ ...filters, status: (e.target.value || undefined) as EvidenceFilters['status'] })}>
              <option value="">Any status</option>
              {STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-source">Source</label>
            <select id="filter-source" value={filters.source ?? ''}
                    onChange={(e) => setFilters({ ...filters, source: (e.target.value || undefined) as EvidenceFilters['source'] })}>
              <option value="">Any source</option>
              {SOURCES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-competency">Competency</label>
            <select id="filter-competency" value={filters.competency ?? ''}
                    onChange={(e) => setFilters({ ...filters, competency: e.target.value || undefined })}>
              <option value="">Any competency</option>
              {framework?.competencies.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
              {filters.competency && !framework?.competencies.some((c) => c.code === filters.competency) && (
                <option value={filters.competency}>{filters.competency}</option>
              )}
            </select>
          </div>
          {isFiltered(filters) && (
            <button type="button" className="button-secondary" onClick={() => setFilters({})}>Clear filters</button>
          )}
        </form>

        {page.state === 'loading' && <Loading what="evidence" />}
        {page.state === 'error' && <ErrorNotice error={page.error} retry={reload} />}
        {page.state === 'ready' && items.length === 0 && (
          <Empty>{isFiltered(filters) ? 'No evidence matches these filters.' : 'No evidence yet. Log your first piece of work above.'}</Empty>
        )}
        {items.length > 0 && (
          <ul className="evidence-list">
            {items.map((item) => (
              <li key={item.id}>
                <EvidenceCard item={item} framework={framework} onChanged={reload} />
              </li>
            ))}
          </ul>
        )}
        {cursor && <LoadMore onLoad={() => loadMore(cursor)} />}
      </section>
    </>
  );
}

function LoadMore({ onLoad }: { onLoad: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <>
      {error !== undefined && <ErrorNotice error={error} />}
      <button type="button" className="button-secondary" disabled={busy}
              onClick={() => { setBusy(true); onLoad().then(() => setError(undefined), setError).finally(() => setBusy(false)); }}>
        Load more evidence
      </button>
    </>
  );
}

const LOG_FIELDS = ['kind', 'competencies', 'title', 'summary', 'impact', 'links', 'occurredAt'] as const;

function LogEvidence({ personId, framework, kinds, frameworkError, onLogged }: {
  personId: string; framework: FrameworkDocument | undefined; kinds: KindDescription[] | undefined;
  frameworkError: unknown; onLogged: () => void;
}) {
  const [kind, setKind] = useState<EvidenceKind>('DELIVERY');
  const [competencies, setCompetencies] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [impact, setImpact] = useState('');
  const [links, setLinks] = useState('');
  const [occurredAt, setOccurredAt] = useState(today());
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [logged, setLogged] = useState<string | undefined>();

  const { byField, unmatched } = fieldErrors(error instanceof ApiError ? error.problem : undefined, LOG_FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    setLogged(undefined);
    try {
      await call(api.POST('/api/v1/evidence', {
        body: {
          personId, kind, competencies, title, occurredAt,
          ...(summary.trim() && { summary }),
          ...(impact.trim() && { impact }),
          ...(links.trim() && { links: links.split(/\s+/).filter(Boolean) }),
        },
      }));
      setLogged(title);
      setTitle(''); setSummary(''); setImpact(''); setLinks(''); setCompetencies([]);
      onLogged();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  const toggle = (code: string, on: boolean) =>
    setCompetencies((current) => (on ? [...current, code] : current.filter((c) => c !== code)));

  return (
    <section className="card" aria-labelledby="log-title">
      <h2 id="log-title">Log new work</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {error !== undefined && <ErrorNotice error={error} unmatched={unmatched} />}
        {logged && <Success>Logged “{logged}”.</Success>}
        <div className="field">
          <label htmlFor="evidence-title">Title</label>
          <input id="evidence-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} required
                 {...describedBy('evidence-title-error', byField.title)} />
          <FieldError id="evidence-title-error" message={byField.title} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="evidence-kind">Kind of work</label>
            <select id="evidence-kind" value={kind} onChange={(e) => setKind(e.target.value as EvidenceKind)}
                    {...describedBy('evidence-kind-error', byField.kind)}>
              {(kinds ?? []).map((k) => <option key={k.code} value={k.code}>{k.name}</option>)}
            </select>
            <p className="muted small" id="evidence-kind-hint">{kinds?.find((k) => k.code === kind)?.description}</p>
            <FieldError id="evidence-kind-error" message={byField.kind} />
          </div>
          <div className="field">
            <label htmlFor="evidence-date">When it happened</label>
            <input id="evidence-date" type="date" value={occurredAt} max={today()} required
                   onChange={(e) => setOccurredAt(e.target.value)}
                   {...describedBy('evidence-date-error', byField.occurredAt)} />
            <FieldError id="evidence-date-error" message={byField.occurredAt} />
          </div>
        </div>
        <fieldset className="field competencies" {...describedBy('evidence-competencies-error', byField.competencies)}>
          <legend>Competencies it shows</legend>
          {frameworkError !== undefined && <ErrorNotice error={frameworkError} />}
          {!framework && frameworkError === undefined && <Loading what="competencies" />}
          <div className="checkbox-grid">
            {framework?.competencies.map((c) => (
              <label key={c.code} className="checkbox">
                <input type="checkbox" checked={competencies.includes(c.code)}
                       onChange={(e) => toggle(c.code, e.target.checked)} />
                {c.name}
              </label>
            ))}
          </div>
          <FieldError id="evidence-competencies-error" message={byField.competencies} />
        </fieldset>
        <div className="field">
          <label htmlFor="evidence-summary">Summary <span className="muted">(optional)</span></label>
          <textarea id="evidence-summary" rows={3} value={summary} maxLength={4000}
                    onChange={(e) => setSummary(e.target.value)} {...describedBy('evidence-summary-error', byField.summary)} />
          <FieldError id="evidence-summary-error" message={byField.summary} />
        </div>
        <div className="field">
          <label htmlFor="evidence-impact">Impact <span className="muted">(optional)</span></label>
          <textarea id="evidence-impact" rows={2} value={impact} maxLength={2000}
                    onChange={(e) => setImpact(e.target.value)} {...describedBy('evidence-impact-error', byField.impact)} />
          <FieldError id="evidence-impact-error" message={byField.impact} />
        </div>
        <div className="field">
          <label htmlFor="evidence-links">Links <span className="muted">(optional, one per line)</span></label>
          <textarea id="evidence-links" rows={2} value={links}
                    onChange={(e) => setLinks(e.target.value)} {...describedBy('evidence-links-error', byField.links)} />
          <FieldError id="evidence-links-error" message={byField.links} />
        </div>
        <button type="submit" className="button" disabled={saving}>Log evidence</button>
      </form>
    </section>
  );
}

function EvidenceCard({ item, framework, onChanged }: { item: EvidenceItem; framework: FrameworkDocument | undefined; onChanged: () => void }) {
  const id = item.id!;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const { byField, unmatched } = fieldErrors(error instanceof ApiError ? error.problem : undefined, ['reason']);

  async function act(action: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      onChanged();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const confirm = () => act(() => call(api.POST('/api/v1/evidence/{id}/confirm', { params: { path: { id } } })));
  const reject = (event: FormEvent) => {
    event.preventDefault();
    void act(() => call(api.POST('/api/v1/evidence/{id}/reject', {
      params: { path: { id } }, body: reason.trim() ? { reason } : {},
    })));
  };

  const headingId = `evidence-${id}-title`;
  return (
    <article className="card evidence" aria-labelledby={headingId}>
      <header className="evidence-header">
        <h3 id={headingId}>{item.title}</h3>
        {item.status && <Badge tone={STATUS_TONE[item.status]}>{humanize(item.status)}</Badge>}
      </header>
      <p className="muted small">
        {humanize(item.kind)} · from {humanize(item.source)} · {formatDate(item.occurredAt)}
      </p>
      <p className="tags">
        {(item.competencies ?? []).map((c) => <span key={c} className="tag">{competencyName(framework, c)}</span>)}
      </p>
      {item.summary && <p>{item.summary}</p>}
      {item.impact && <p><strong>Impact:</strong> {item.impact}</p>}
      {(item.links ?? []).length > 0 && (
        <ul className="plain small">{item.links!.map((l) => <li key={l}><a href={l} rel="noreferrer noopener" target="_blank">{l}</a></li>)}</ul>
      )}
      {error !== undefined && <ErrorNotice error={error} unmatched={unmatched} />}
      {item.status === 'SUGGESTED' && (
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => void confirm()}>Confirm</button>
          {!rejecting && (
            <button type="button" className="button-secondary" disabled={busy} onClick={() => setRejecting(true)}>Reject…</button>
          )}
        </div>
      )}
      {item.status === 'SUGGESTED' && rejecting && (
        <form className="form reject-form" onSubmit={reject}>
          <div className="field">
            <label htmlFor={`reason-${id}`}>Reason for rejecting</label>
            <textarea id={`reason-${id}`} rows={2} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)}
                      {...describedBy(`reason-${id}-error`, byField.reason)} />
            <FieldError id={`reason-${id}-error`} message={byField.reason} />
          </div>
          <div className="actions">
            <button type="submit" className="button-danger" disabled={busy}>Reject</button>
            <button type="button" className="button-secondary" onClick={() => setRejecting(false)}>Cancel</button>
          </div>
        </form>
      )}
      <History id={id} />
    </article>
  );
}

/** The item's status changes, fetched the first time someone opens them. */
function History({ id }: { id: string }) {
  const { personId } = useSession();
  const [open, setOpen] = useState(false);
  return (
    <details className="history" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>History</summary>
      {open && <HistoryList id={id} personId={personId} />}
    </details>
  );
}

function HistoryList({ id, personId }: { id: string; personId: string }) {
  const [history, reload] = useLoad(() => call(api.GET('/api/v1/evidence/{id}/history', { params: { path: { id } } })), id);
  if (history.state === 'loading') return <Loading what="history" />;
  if (history.state === 'error') return <ErrorNotice error={history.error} retry={reload} />;
  if (history.data.length === 0) return <Empty>No changes recorded.</Empty>;
  const who = (actorId: string | undefined | null) =>
    !actorId ? 'the integration' : actorId === personId ? 'you' : 'someone else';
  return (
    <ol className="timeline">
      {history.data.map((change, index) => (
        <li key={`${change.at}-${index}`}>
          <time dateTime={change.at}>{formatDateTime(change.at)}</time>:{' '}
          {change.from ? `${humanize(change.from)} → ${humanize(change.to)}` : humanize(change.to)}, by {who(change.actorId)}
          {change.reason && <>. Reason: “{change.reason}”</>}
        </li>
      ))}
    </ol>
  );
}
