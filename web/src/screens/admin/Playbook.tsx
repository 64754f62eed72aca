import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { formatDateTime, humanize } from '../../app/labels';
import { useLoad } from '../../app/useLoad';
import { Empty, ErrorNotice, Loading, Success } from '../../app/ui';
import { SelectField, TextAreaField, useSubmit } from './adminKit';

/**
 * Playbook versions: the actions plans are made of. The API publishes a version as it imports it
 * (there is no draft to publish), so the screen lists, shows and imports.
 */
export function Playbook() {
  const [versions, reload] = useLoad(async () => {
    const all = [];
    let cursor: string | undefined;
    do {
      const page = await call(api.GET('/api/v1/playbook/versions', { params: { query: { limit: 200, ...(cursor && { cursor }) } } }));
      all.push(...(page.items ?? []));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all.reverse(); // newest first, as the frameworks are listed
  }, 'playbook-versions');
  const [shown, setShown] = useState<number | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const list = versions.state === 'ready' ? versions.data : [];
  const current = shown ?? list[0]?.version;

  return (
    <>
      <h1>Playbook</h1>
      {notice && <Success>{notice}</Success>}
      {versions.state === 'loading' && <Loading what="playbook versions" />}
      {versions.state === 'error' && <ErrorNotice error={versions.error} retry={reload} />}
      {versions.state === 'ready' && (
        <>
          <section aria-labelledby="playbook-versions-title">
            <h2 id="playbook-versions-title">Versions</h2>
            {list.length === 0 ? <Empty>No playbook version yet.</Empty> : (
              <div className="table-scroll" role="region" aria-labelledby="playbook-versions-caption" tabIndex={0}>
                <table className="data-table">
                  <caption id="playbook-versions-caption">Newest first; the newest is the one new plans use</caption>
                  <thead><tr><th scope="col">Version</th><th scope="col">Description</th><th scope="col">Source</th>
                    <th scope="col">Actions</th><th scope="col">Imported</th><th scope="col"><span className="visually-hidden">View</span></th></tr></thead>
                  <tbody>
                    {list.map((v) => (
                      <tr key={v.version}>
                        <th scope="row">{v.version}</th><td>{v.description ?? '–'}</td><td>{v.source ?? '–'}</td>
                        <td>{v.actionCount}</td><td>{formatDateTime(v.createdAt)}</td>
                        <td><button type="button" className="button-secondary" aria-pressed={v.version === current}
                                    onClick={() => setShown(v.version)}>View playbook version {v.version}</button></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          {current !== undefined && <Actions version={current} />}
          <Import onImported={() => { setNotice('The playbook is imported as the newest version; plans made from now on use it.'); setShown(undefined); reload(); }} />
        </>
      )}
    </>
  );
}

function Actions({ version }: { version: number }) {
  const [doc, reload] = useLoad(async () => {
    const body = await call(api.GET('/api/v1/playbook/versions/{version}', {
      params: { path: { version } }, headers: { Accept: 'application/json' },
    }));
    if (typeof body === 'string') throw new Error('The playbook came back as YAML, not JSON');
    return body;
  }, String(version));
  return (
    <section aria-labelledby="playbook-actions-title">
      <h2 id="playbook-actions-title">Version {version}: actions</h2>
      {doc.state === 'loading' && <Loading what={`playbook version ${version}`} />}
      {doc.state === 'error' && <ErrorNotice error={doc.error} retry={reload} />}
      {doc.state === 'ready' && (
        <div className="table-scroll" role="region" aria-labelledby="playbook-actions-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="playbook-actions-caption">{doc.data.description ?? `${doc.data.actions?.length ?? 0} actions`}</caption>
            <thead><tr><th scope="col">Action</th><th scope="col">Competency</th><th scope="col">Category</th><th scope="col">Days</th><th scope="col">Tiers</th></tr></thead>
            <tbody>
              {(doc.data.actions ?? []).map((a) => (
                <tr key={a.code}>
                  <th scope="row"><span className="competency-name">{a.title}</span><span className="muted small">{a.why}</span></th>
                  <td>{humanize(a.competency)}</td><td>{humanize(a.category)}</td><td>{a.durationDays}</td>
                  <td>{(a.tiers ?? []).map(humanize).join(', ') || 'All'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Import({ onImported }: { onImported: () => void }) {
  const [text, setText] = useState('');
  const [format, setFormat] = useState<'application/json' | 'application/yaml'>('application/json');
  const submit = useSubmit(['description', 'actions']);

  function importVersion(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      await call(api.POST('/api/v1/playbook/versions', {
        // the document goes as pasted (JSON or YAML): the service reads either
        body: {}, headers: { 'Content-Type': format }, bodySerializer: () => text,
      }));
      setText('');
      onImported();
    });
  }

  return (
    <section className="card" aria-labelledby="playbook-import-title">
      <h2 id="playbook-import-title">Import a playbook</h2>
      <form className="form" onSubmit={importVersion} noValidate>
        {submit.error !== undefined && <ErrorNotice error={submit.error} unmatched={submit.unmatched} />}
        <SelectField id="playbook-format" label="Format" value={format}
                     onChange={(v) => setFormat(v === 'application/yaml' ? 'application/yaml' : 'application/json')}>
          <option value="application/json">JSON</option>
          <option value="application/yaml">YAML</option>
        </SelectField>
        <TextAreaField id="playbook-document" label="Playbook document" value={text} onChange={setText} rows={12}
                       error={submit.byField.actions ?? submit.byField.description}
                       hint="A description and the actions; it becomes the next version, used by plans made from now on." />
        <button type="submit" className="button" disabled={submit.busy || !text.trim()}>Import playbook</button>
      </form>
    </section>
  );
}

