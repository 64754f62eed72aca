import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import type { FrameworkDocument } from '../../api/framework';
import { formatDateTime, humanize } from '../../app/labels';
import { useLoad } from '../../app/useLoad';
import { Badge, Empty, ErrorNotice, Loading, Success } from '../../app/ui';
import { SelectField, TextAreaField, useSubmit } from './adminKit';
import { diffFrameworks, isUnchanged, type FrameworkDiff } from './frameworkDiff';

const JSON_ONLY = { Accept: 'application/json' };

/** One version as JSON, fetched fresh: an admin's draft may be replaced by a later import. */
async function fetchVersion(version: number): Promise<FrameworkDocument> {
  const body = await call(api.GET('/api/v1/frameworks/versions/{version}', { params: { path: { version } }, headers: JSON_ONLY }));
  if (typeof body === 'string') throw new Error('The framework came back as YAML, not JSON');
  return body;
}

/** Framework versions: each one's levels × competencies, import a new draft, compare two, publish. */
export function Frameworks() {
  const [versions, reload] = useLoad(() => call(api.GET('/api/v1/frameworks/versions')), 'versions');
  const [shown, setShown] = useState<number | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const list = versions.state === 'ready' ? versions.data : [];
  const current = shown ?? list.find((v) => v.status === 'PUBLISHED')?.version ?? list[0]?.version;

  return (
    <>
      <h1>Frameworks</h1>
      {notice && <Success>{notice}</Success>}
      {versions.state === 'loading' && <Loading what="framework versions" />}
      {versions.state === 'error' && <ErrorNotice error={versions.error} retry={reload} />}
      {versions.state === 'ready' && (
        <>
          <section aria-labelledby="versions-title">
            <h2 id="versions-title">Versions</h2>
            {list.length === 0 ? <Empty>No framework yet. Import one below.</Empty> : (
              <div className="table-scroll" role="region" aria-labelledby="versions-caption" tabIndex={0}>
                <table className="data-table">
                  <caption id="versions-caption">Newest first; a published version never changes</caption>
                  <thead><tr><th scope="col">Version</th><th scope="col">Name</th><th scope="col">Status</th>
                    <th scope="col">Imported</th><th scope="col">Published</th><th scope="col">Actions</th></tr></thead>
                  <tbody>
                    {list.map((v) => (
                      <tr key={v.version}>
                        <th scope="row">{v.version}</th>
                        <td>{v.name}</td>
                        <td><Badge tone={v.status === 'PUBLISHED' ? 'good' : 'warn'}>{humanize(v.status)}</Badge></td>
                        <td>{formatDateTime(v.createdAt)}</td>
                        <td>{formatDateTime(v.publishedAt)}</td>
                        <td className="actions">
                          <button type="button" className="button-secondary" aria-pressed={v.version === current}
                                  onClick={() => setShown(v.version)}>View version {v.version}</button>
                          {v.status === 'DRAFT' && (
                            <Publish version={v.version!} onPublished={() => { setNotice(`Version ${v.version} is published.`); reload(); }} />
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          {current !== undefined && <Matrix version={current} />}
          {list.length >= 2 && <Compare versions={list.map((v) => v.version!)} />}
          <Import onImported={(message) => { setNotice(message); setShown(undefined); reload(); }} />
        </>
      )}
    </>
  );
}

function Publish({ version, onPublished }: { version: number; onPublished: () => void }) {
  const submit = useSubmit([]);
  return (
    <>
      <button type="button" className="button" disabled={submit.busy}
              onClick={() => void submit.run(async () => {
                await call(api.POST('/api/v1/frameworks/versions/{version}/publish', { params: { path: { version } } }));
                onPublished();
              })}>Publish version {version}</button>
      {submit.error !== undefined && <ErrorNotice error={submit.error} unmatched={submit.unmatched} />}
    </>
  );
}

/** The levels × competencies matrix: what each level expects (proficiency, pieces of evidence). */
function Matrix({ version }: { version: number }) {
  const [doc, reload] = useLoad(() => fetchVersion(version), String(version));
  return (
    <section aria-labelledby="matrix-title">
      <h2 id="matrix-title">Version {version}: levels × competencies</h2>
      {doc.state === 'loading' && <Loading what={`version ${version}`} />}
      {doc.state === 'error' && <ErrorNotice error={doc.error} retry={reload} />}
      {doc.state === 'ready' && (
        <div className="table-scroll" role="region" aria-labelledby="matrix-caption" tabIndex={0}>
          <table className="data-table matrix">
            <caption id="matrix-caption">{doc.data.name}: proficiency (1–5) and pieces of evidence each level expects</caption>
            <thead>
              <tr>
                <th scope="col">Level</th>
                {doc.data.competencies.map((c) => <th scope="col" key={c.code}>{c.name}</th>)}
              </tr>
            </thead>
            <tbody>
              {doc.data.levels.map((level) => (
                <tr key={level.code}>
                  <th scope="row">{level.name} <span className="muted small">({humanize(level.tier)})</span></th>
                  {doc.data.competencies.map((c) => {
                    const e = doc.data.expectations[level.code]?.[c.code];
                    return <td key={c.code}>{e ? `P${e.proficiency} · ${e.evidence} evidence` : '–'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Compare({ versions }: { versions: number[] }) {
  const [from, setFrom] = useState(String(versions[1]));
  const [to, setTo] = useState(String(versions[0]));
  const [result, setResult] = useState<{ from: number; to: number; diff: FrameworkDiff; names: Map<string, string> } | undefined>();
  const submit = useSubmit([]);

  function compare(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const [a, b] = await Promise.all([fetchVersion(Number(from)), fetchVersion(Number(to))]);
      const names = new Map([...a.competencies, ...b.competencies, ...a.levels, ...b.levels].map((x) => [x.code, x.name]));
      setResult({ from: Number(from), to: Number(to), diff: diffFrameworks(a, b), names });
    });
  }

  return (
    <section className="card" aria-labelledby="compare-title">
      <h2 id="compare-title">Compare two versions</h2>
      <form className="filters" onSubmit={compare}>
        <SelectField id="compare-from" label="From version" value={from} onChange={setFrom}>
          {versions.map((v) => <option key={v} value={v}>{v}</option>)}
        </SelectField>
        <SelectField id="compare-to" label="To version" value={to} onChange={setTo}>
          {versions.map((v) => <option key={v} value={v}>{v}</option>)}
        </SelectField>
        <button type="submit" className="button" disabled={submit.busy}>Compare</button>
      </form>
      {submit.error !== undefined && <ErrorNotice error={submit.error} />}
      {result && <DiffView {...result} />}
    </section>
  );
}

function DiffView({ from, to, diff, names }: { from: number; to: number; diff: FrameworkDiff; names: Map<string, string> }) {
  const name = (code: string) => names.get(code) ?? code;
  if (isUnchanged(diff)) return <p role="status">Versions {from} and {to} are the same.</p>;
  const cell = (e?: { proficiency: number; evidence: number }) => (e ? `P${e.proficiency} · ${e.evidence} evidence` : 'not expected');
  return (
    <div role="region" aria-label={`Changes from version ${from} to ${to}`} className="diff">
      <h3>Changes from version {from} to {to}</h3>
      <ul>
        {diff.nameChanged && <li>Name: “{diff.nameChanged.from}” → “{diff.nameChanged.to}”</li>}
        {diff.levels.added.map((c) => <li key={`la-${c}`}>Level added: {name(c)}</li>)}
        {diff.levels.removed.map((c) => <li key={`lr-${c}`}>Level removed: {name(c)}</li>)}
        {diff.levels.changed.map((c) => <li key={`lc-${c.code}`}>Level {name(c.code)} changed: {c.fields.join(', ')}</li>)}
        {diff.competencies.added.map((c) => <li key={`ca-${c}`}>Competency added: {name(c)}</li>)}
        {diff.competencies.removed.map((c) => <li key={`cr-${c}`}>Competency removed: {name(c)}</li>)}
        {diff.competencies.changed.map((c) => <li key={`cc-${c.code}`}>Competency {name(c.code)} changed: {c.fields.join(', ')}</li>)}
        {diff.lists.map((l) => (
          <li key={l.list}>{humanize(l.list.replace('Competencies', ''))} competencies:
            {l.added.length > 0 && ` added ${l.added.map(name).join(', ')}`}
            {l.removed.length > 0 && ` removed ${l.removed.map(name).join(', ')}`}</li>
        ))}
      </ul>
      {diff.expectations.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="diff-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="diff-caption">Expectations that changed</caption>
            <thead><tr><th scope="col">Level</th><th scope="col">Competency</th><th scope="col">Version {from}</th><th scope="col">Version {to}</th></tr></thead>
            <tbody>
              {diff.expectations.map((e) => (
                <tr key={`${e.level}/${e.competency}`}>
                  <th scope="row">{name(e.level)}</th><td>{name(e.competency)}</td><td>{cell(e.from)}</td><td>{cell(e.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Import a whole framework document as the next draft; YAML or JSON, as pasted. */
function Import({ onImported }: { onImported: (message: string) => void }) {
  const [text, setText] = useState('');
  const [format, setFormat] = useState<'application/json' | 'application/yaml'>('application/json');
  const submit = useSubmit(['document', 'body']);
  const starter = useSubmit([]);

  function importDraft(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      await call(api.POST('/api/v1/frameworks/versions', {
        body: text, headers: { 'Content-Type': format }, bodySerializer: (body: string) => body,
      }));
      setText('');
      onImported('The framework is imported as a draft; publish it to make it current.');
    });
  }

  function loadCurrent() {
    void starter.run(async () => {
      const current = await call(api.GET('/api/v1/frameworks/current', { headers: JSON_ONLY }));
      setFormat('application/json');
      setText(JSON.stringify(current, null, 2));
    });
  }

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">Import a framework</h2>
      <form className="form" onSubmit={importDraft} noValidate>
        {submit.error !== undefined && <ErrorNotice error={submit.error} unmatched={submit.unmatched} />}
        {starter.error !== undefined && <ErrorNotice error={starter.error} />}
        <SelectField id="import-format" label="Format" value={format}
                     onChange={(v) => setFormat(v === 'application/yaml' ? 'application/yaml' : 'application/json')}>
          <option value="application/json">JSON</option>
          <option value="application/yaml">YAML</option>
        </SelectField>
        <TextAreaField id="import-document" label="Framework document" value={text} onChange={setText} rows={14}
                       error={submit.byField.document ?? submit.byField.body}
                       hint="The whole framework: name, levels, competencies, expectations. It becomes the draft of the next version." />
        <div className="actions">
          <button type="submit" className="button" disabled={submit.busy || !text.trim()}>Import as draft</button>
          <button type="button" className="button-secondary" disabled={starter.busy} onClick={loadCurrent}>Start from the current version</button>
        </div>
      </form>
    </section>
  );
}
