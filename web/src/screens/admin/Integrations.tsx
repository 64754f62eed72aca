import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDate, formatDateTime, humanize } from '../../app/labels';
import { useLoad } from '../../app/useLoad';
import { Badge, Empty, ErrorNotice, Loading, Success } from '../../app/ui';
import { allPeople, SelectField, TextField, useSubmit, type Person } from './adminKit';
import { MappingRules } from './MappingRules';

type Source = components['schemas']['SourceResponse'];
type SourceKind = components['schemas']['SourceKind'];
const KINDS: SourceKind[] = ['GITHUB', 'JIRA', 'LINEAR', 'GENERIC'];

/** Sources, their identity links and unmatched queue, API keys, and the mapping rules. */
export function Integrations() {
  const [data, reload] = useLoad(async () => {
    const [sources, people] = await Promise.all([
      call(api.GET('/api/v1/integrations', { params: { query: { limit: 200 } } })),
      allPeople(),
    ]);
    return { sources: sources.items ?? [], people };
  }, 'integrations');
  const [selected, setSelected] = useState<string | undefined>();

  return (
    <>
      <h1>Integrations</h1>
      {data.state === 'loading' && <Loading what="integrations" />}
      {data.state === 'error' && <ErrorNotice error={data.error} retry={reload} />}
      {data.state === 'ready' && (() => {
        const { sources, people } = data.data;
        const source = sources.find((s) => s.id === selected);
        return (
          <>
            <section aria-labelledby="sources-title">
              <h2 id="sources-title">Sources</h2>
              {sources.length === 0 ? <Empty>No source yet. Add one below to receive webhooks.</Empty> : (
                <div className="table-scroll" role="region" aria-labelledby="sources-caption" tabIndex={0}>
                  <table className="data-table">
                    <caption id="sources-caption">Registered sources (their secrets are never shown again)</caption>
                    <thead><tr><th scope="col">Name</th><th scope="col">Tool</th><th scope="col">Webhook URL</th>
                      <th scope="col">Registered</th><th scope="col"><span className="visually-hidden">Manage</span></th></tr></thead>
                    <tbody>
                      {sources.map((s) => (
                        <tr key={s.id}>
                          <th scope="row">{s.name}</th><td>{humanize(s.kind)}</td>
                          <td><code>{webhookUrl(s)}</code></td><td>{formatDate(s.createdAt)}</td>
                          <td><button type="button" className="button-secondary" aria-pressed={s.id === selected}
                                      onClick={() => setSelected(s.id)}>Manage {s.name}</button></td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <AddSource onAdded={(s) => { setSelected(s.id); reload(); }} />
            </section>
            {source && <SourcePanel key={source.id} source={source} people={people} />}
            <ApiKeys sources={sources} />
            <MappingRules />
          </>
        );
      })()}
    </>
  );
}

/** Where the tool sends its webhooks: this gateway's address (the gateway serves the app too). */
function webhookUrl(source: Source): string {
  return source.webhookPath ? `${window.location.origin}${source.webhookPath}` : '–';
}

function AddSource({ onAdded }: { onAdded: (s: Source) => void }) {
  const [kind, setKind] = useState<SourceKind>('GITHUB');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<Source | undefined>();
  const submit = useSubmit(['kind', 'name', 'secret']);

  function add(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const source = await call(api.POST('/api/v1/integrations', { body: { kind, name } }));
      setCreated(source);
      setName('');
      onAdded(source);
    });
  }

  return (
    <div className="card">
      <h3 id="add-source-title">Add a source</h3>
      <form className="form" onSubmit={add} noValidate aria-labelledby="add-source-title">
        {submit.error !== undefined && <ErrorNotice error={submit.error} unmatched={submit.unmatched} />}
        <div className="field-row">
          <SelectField id="source-kind" label="Tool" value={kind} error={submit.byField.kind}
                       onChange={(v) => setKind(KINDS.find((k) => k === v) ?? 'GITHUB')}>
            {KINDS.map((k) => <option key={k} value={k}>{humanize(k)}</option>)}
          </SelectField>
          <TextField id="source-name" label="Source name" value={name} onChange={(e) => setName(e.target.value)} error={submit.byField.name} />
        </div>
        <button type="submit" className="button" disabled={submit.busy}>Add source</button>
      </form>
      {created && (
        <div className="notice notice-warn" role="status">
          <p><strong>{created.name} is registered.</strong> Copy the secret now: it is shown this once.
            {created.kind === 'GENERIC' ? ' Generic sources push batches with an API key (below).' : ' Give the tool this webhook URL and secret.'}</p>
          <div className="field">
            <label htmlFor="created-webhook-url">Webhook URL</label>
            <input id="created-webhook-url" readOnly value={webhookUrl(created)} onFocus={(e) => e.target.select()} />
          </div>
          <div className="field">
            <label htmlFor="created-webhook-secret">Webhook secret</label>
            <input id="created-webhook-secret" readOnly value={created.secret ?? ''} onFocus={(e) => e.target.select()} />
          </div>
          <button type="button" className="button-secondary" onClick={() => setCreated(undefined)}>I have copied the secret</button>
        </div>
      )}
    </div>
  );
}

function PersonSelect({ id, label, people, value, onChange, error }: {
  id: string; label: string; people: Person[]; value: string; onChange: (v: string) => void; error?: string | undefined;
}) {
  return (
    <SelectField id={id} label={label} value={value} onChange={onChange} error={error}>
      <option value="">Choose a person</option>
      {people.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.email})</option>)}
    </SelectField>
  );
}

/** One source: the tool's users linked to people, and the events waiting for a link. */
function SourcePanel({ source, people }: { source: Source; people: Person[] }) {
  const id = source.id!;
  const [data, reload] = useLoad(async () => {
    const [links, unmatched] = await Promise.all([
      call(api.GET('/api/v1/integrations/{id}/identity-links', { params: { path: { id }, query: { limit: 200 } } })),
      call(api.GET('/api/v1/integrations/{id}/unmatched', { params: { path: { id }, query: { limit: 200 } } })),
    ]);
    return { links: links.items ?? [], unmatched: unmatched.items ?? [] };
  }, id);
  const [notice, setNotice] = useState<string | undefined>();
  const nameOf = (personId?: string) => people.find((p) => p.id === personId)?.name ?? personId ?? '–';

  return (
    <section aria-labelledby="source-panel-title" className="card">
      <h2 id="source-panel-title">{source.name}</h2>
      <p className="muted">{humanize(source.kind)} · webhook <code>{webhookUrl(source)}</code></p>
      {notice && <Success>{notice}</Success>}
      {data.state === 'loading' && <Loading what="links and queued events" />}
      {data.state === 'error' && <ErrorNotice error={data.error} retry={reload} />}
      {data.state === 'ready' && (
        <>
          <h3 id="unmatched-title">Unmatched queue</h3>
          <button type="button" className="button-secondary" onClick={reload}>Refresh the queue</button>
          {data.data.unmatched.length === 0 ? <Empty>No events are waiting for a person.</Empty> : (
            <div className="table-scroll" role="region" aria-labelledby="unmatched-caption" tabIndex={0}>
              <table className="data-table">
                <caption id="unmatched-caption">Events whose user is not linked to anyone yet, oldest first</caption>
                <thead><tr><th scope="col">User</th><th scope="col">Event</th><th scope="col">Happened</th><th scope="col">Resolve</th></tr></thead>
                <tbody>
                  {data.data.unmatched.map((e) => (
                    <tr key={e.eventId}>
                      <th scope="row"><code>{e.externalId}</code> <span className="muted small">{humanize(e.identityKind)}</span></th>
                      <td><span className="competency-name">{e.title}</span><span className="muted small">{e.eventType} · {humanize(e.kind)}</span></td>
                      <td>{formatDate(e.occurredAt)}</td>
                      <td><Resolve sourceId={id} externalId={e.externalId!} people={people}
                                   onResolved={(link) => { setNotice(`${e.externalId} is linked to ${nameOf(link.personId)}; ${link.releasedEvents ?? 0} queued event(s) became suggested evidence.`); reload(); }} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3 id="links-title">Identity links</h3>
          {data.data.links.length === 0 ? <Empty>No one is linked yet.</Empty> : (
            <ul className="plain">
              {data.data.links.map((l) => (
                <li key={l.id}>
                  <code>{l.externalId}</code> ({humanize(l.identityKind)}) → {nameOf(l.personId)}{' '}
                  <Unlink sourceId={id} linkId={l.id!} label={`Unlink ${l.externalId}`} onDone={reload} />
                </li>
              ))}
            </ul>
          )}
          <AddLink sourceId={id} people={people} onAdded={(link) => { setNotice(`${link.externalId} is linked to ${nameOf(link.personId)}.`); reload(); }} />
        </>
      )}
    </section>
  );
}

type Link = components['schemas']['IdentityLinkResponse'];

function Resolve({ sourceId, externalId, people, onResolved }: {
  sourceId: string; externalId: string; people: Person[]; onResolved: (l: Link) => void;
}) {
  const [personId, setPersonId] = useState('');
  const submit = useSubmit(['personId']);
  const id = `resolve-${externalId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <form className="form" noValidate onSubmit={(event) => {
      event.preventDefault();
      void submit.run(async () => {
        onResolved(await call(api.POST('/api/v1/integrations/{id}/unmatched/resolve', {
          params: { path: { id: sourceId } }, body: { externalId, personId },
        })));
      });
    }}>
      {submit.error !== undefined && <ErrorNotice error={submit.error} unmatched={submit.unmatched} />}
      <PersonSelect id={id} label={`Person for ${externalId}`} people={people} value={personId} onChange={setPersonId}
                    error={submit.byField.personId} />
      <button type="submit" className="button" disabled={submit.busy}>Resolve {externalId}</button>
    </form>
  );
}

function AddLink({ sourceId, people, onAdded }: {
  sourceId: string; people: Person[]; onAdded: (l: { externalId: string; personId: string }) => void;
}) {
  const [externalId, setExternalId] = useState('');
  const [personId, setPersonId] = useState('');
  const submit = useSubmit(['externalId', 'personId', 'identityKind']);
  return (
    <form className="form" noValidate aria-label="Link a user" onSubmit={(event) => {
      event.preventDefault();
      void submit.run(async () => {
        // the answer (201, or 200 when the link existed) is not needed: the list reloads
        await call(api.POST('/api/v1/integrations/{id}/identity-links', {
          params: { path: { id: sourceId } }, body: { externalId, personId },
        }));
        setExternalId(''); setPersonId('');
        onAdded({ externalId, personId });
      });
    }}>
      {submit.error !== undefined && <ErrorNotice error={submit.error} unmatched={submit.unmatched} />}
      <div className="field-row">
        <TextField id="link-external-id" label="User in the tool (login, account id or email)" value={externalId}
                   onChange={(e) => setExternalId(e.target.value)} error={submit.byField.externalId ?? submit.byField.identityKind} />
        <PersonSelect id="link-person" label="Person" people={people} value={personId} onChange={setPersonId} error={submit.byField.personId} />
      </div>
      <button type="submit" className="button-secondary" disabled={submit.busy}>Link user</button>
    </form>
  );
}

function Unlink({ sourceId, linkId, label, onDone }: { sourceId: string; linkId: string; label: string; onDone: () => void }) {
  const submit = useSubmit([]);
  return (
    <>
      <button type="button" className="button-secondary" aria-label={label} disabled={submit.busy}
              onClick={() => void submit.run(async () => {
                await call(api.DELETE('/api/v1/integrations/{id}/identity-links/{linkId}', { params: { path: { id: sourceId, linkId } } }));
                onDone();
              })}>Unlink</button>
      {submit.error !== undefined && <ErrorNotice error={submit.error} />}
    </>
  );
}

/** Keys integrations push with, one source each; a key is shown once, and can be revoked. */
function ApiKeys({ sources }: { sources: Source[] }) {
  const [keys, reload] = useLoad(() => call(api.GET('/api/v1/api-keys', { params: { query: { limit: 200 } } })), 'keys');
  const [sourceId, setSourceId] = useState('');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ name: string; key: string } | undefined>();
  const submit = useSubmit(['sourceId', 'name']);
  const revoke = useSubmit([]);
  const sourceName = (id?: string) => sources.find((s) => s.id === id)?.name ?? id ?? '–';

  function create(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const key = await call(api.POST('/api/v1/api-keys', { body: { sourceId, name } }));
      setCreated({ name: key.name ?? name, key: key.key ?? '' });
      setName('');
      reload();
    });
  }

  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      {keys.state === 'loading' && <Loading what="API keys" />}
      {keys.state === 'error' && <ErrorNotice error={keys.error} retry={reload} />}
      {revoke.error !== undefined && <ErrorNotice error={revoke.error} />}
      {keys.state === 'ready' && (keys.data.length === 0 ? <Empty>No API keys yet.</Empty> : (
        <div className="table-scroll" role="region" aria-labelledby="keys-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="keys-caption">Newest first; the keys themselves are never shown again</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Source</th><th scope="col">Starts with</th>
              <th scope="col">Created</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {keys.data.map((k) => (
                <tr key={k.id}>
                  <th scope="row">{k.name}</th><td>{sourceName(k.sourceId)}</td><td><code>{k.prefix}</code></td>
                  <td>{formatDateTime(k.createdAt)}</td>
                  <td>{k.revokedAt ? <Badge tone="bad">Revoked {formatDate(k.revokedAt)}</Badge> : (
                    <button type="button" className="button-danger" disabled={revoke.busy}
                            onClick={() => void revoke.run(async () => {
                              await call(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id: k.id! } } }));
                              reload();
                            })}>Revoke {k.name}</button>
                  )}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <div className="card">
        <h3 id="add-key-title">Create a key</h3>
        <form className="form" onSubmit={create} noValidate aria-labelledby="add-key-title">
          {submit.error !== undefined && <ErrorNotice error={submit.error} unmatched={submit.unmatched} />}
          <div className="field-row">
            <SelectField id="key-source" label="Source the key pushes to" value={sourceId} onChange={setSourceId} error={submit.byField.sourceId}>
              <option value="">Choose a source</option>
              {sources.map((s) => <option key={s.id} value={s.id}>{s.name} ({humanize(s.kind)})</option>)}
            </SelectField>
            <TextField id="key-name" label="Key name" value={name} onChange={(e) => setName(e.target.value)} error={submit.byField.name} />
          </div>
          <button type="submit" className="button" disabled={submit.busy}>Create key</button>
        </form>
        {created && (
          <div className="notice notice-warn" role="status">
            <p><strong>Key “{created.name}” created.</strong> Copy it now: it is shown this once.</p>
            <div className="field">
              <label htmlFor="created-api-key">API key</label>
              <input id="created-api-key" readOnly value={created.key} onFocus={(e) => e.target.select()} />
            </div>
            <button type="button" className="button-secondary" onClick={() => setCreated(undefined)}>I have copied the key</button>
          </div>
        )}
      </div>
    </section>
  );
}
