import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { humanize } from '../../app/labels';
import { useLoad } from '../../app/useLoad';
import { Badge, Empty, ErrorNotice, Loading } from '../../app/ui';
import { SelectField, TextAreaField, TextField, useSubmit } from './adminKit';

type DryRun = components['schemas']['DryRunResponse'];
type Rule = components['schemas']['MappingRuleResponse'];

/** The rules in the order they are tried, and a dry run of them on a pasted sample payload. */
export function MappingRules() {
  const [rules, reload] = useLoad(async () => {
    const all: Rule[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(api.GET('/api/v1/mapping-rules', { params: { query: { limit: 200, ...(cursor && { cursor }) } } }));
      all.push(...(page.items ?? []));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }, 'rules');

  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">Mapping rules</h2>
      <DryRunForm />
      {rules.state === 'loading' && <Loading what="mapping rules" />}
      {rules.state === 'error' && <ErrorNotice error={rules.error} retry={reload} />}
      {rules.state === 'ready' && (rules.data.length === 0 ? <Empty>No rules: no event becomes evidence.</Empty> : (
        <div className="table-scroll" role="region" aria-labelledby="rules-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="rules-caption">Tried in this order; the first that matches decides</caption>
            <thead><tr><th scope="col">Rule</th><th scope="col">Priority</th><th scope="col">Matches</th>
              <th scope="col">Suggests</th><th scope="col">Enabled</th></tr></thead>
            <tbody>
              {rules.data.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.name}</th><td>{r.priority}</td><td>{criteria(r)}</td>
                  <td>{humanize(r.kind)}: {(r.competencies ?? []).map(humanize).join(', ')}</td>
                  <td>{r.enabled ? <Badge tone="good">Enabled</Badge> : <Badge tone="neutral">Disabled</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

function criteria(r: Rule): string {
  const parts = [
    r.source && `source ${humanize(r.source)}`,
    r.eventTypes?.length && `events ${r.eventTypes.join(', ')}`,
    r.labels?.length && `labels ${r.labels.join(', ')}`,
    r.issueTypes?.length && `issue types ${r.issueTypes.join(', ')}`,
    r.components?.length && `components ${r.components.join(', ')}`,
    r.keywords?.length && `words ${r.keywords.join(', ')}`,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : 'anything';
}

function DryRunForm() {
  const [source, setSource] = useState('GITHUB');
  const [event, setEvent] = useState('pull_request');
  const [payload, setPayload] = useState('');
  const [result, setResult] = useState<DryRun | undefined>();
  const submit = useSubmit(['source', 'event', 'payload']);

  function run(e: FormEvent) {
    e.preventDefault();
    setResult(undefined);
    void submit.run(async () => {
      let parsed;
      try {
        parsed = JSON.parse(payload); // the service says what it cannot read, beside the field
      } catch {
        throw new Error('The sample payload is not valid JSON.');
      }
      setResult(await call(api.POST('/api/v1/mapping-rules/dry-run', {
        body: { source, payload: parsed, ...(source === 'GITHUB' && { event }) },
      })));
    });
  }

  return (
    <div className="card">
      <h3 id="dry-run-title">Dry run on a sample payload</h3>
      <p className="muted">Paste what the tool would send; nothing is stored.</p>
      <form className="form" onSubmit={run} noValidate aria-labelledby="dry-run-title">
        {submit.error !== undefined && <ErrorNotice error={submit.error} unmatched={submit.unmatched} />}
        <div className="field-row">
          <SelectField id="dry-run-source" label="Tool" value={source} onChange={setSource} error={submit.byField.source}>
            {['GITHUB', 'JIRA', 'LINEAR', 'GENERIC'].map((k) => <option key={k} value={k}>{humanize(k)}</option>)}
          </SelectField>
          {source === 'GITHUB' && (
            <TextField id="dry-run-event" label="GitHub event (X-GitHub-Event)" value={event}
                       onChange={(e) => setEvent(e.target.value)} error={submit.byField.event} />
          )}
        </div>
        <TextAreaField id="dry-run-payload" label="Sample payload (JSON)" value={payload} onChange={setPayload}
                       rows={10} error={submit.byField.payload} />
        <button type="submit" className="button" disabled={submit.busy || !payload.trim()}>Try the rules</button>
      </form>
      {result && (
        <div role="region" aria-label="Dry run result" className="notice">
          <dl className="facts facts-vertical">
            <div><dt>Event</dt><dd>{result.eventType ?? '–'}</dd></div>
            <div><dt>Title</dt><dd>{result.title ?? '–'}</dd></div>
            <div><dt>User</dt><dd>{result.externalUser ?? result.email ?? '–'}</dd></div>
            <div><dt>Labels</dt><dd>{result.labels?.join(', ') || '–'}</dd></div>
            <div><dt>Outcome</dt><dd>{result.ignoredReason ? `Ignored: ${result.ignoredReason}`
              : result.match ? `Rule “${result.match.ruleName}” suggests ${humanize(result.match.kind)} for ${(result.match.competencies ?? []).map(humanize).join(', ')}`
                : 'No rule matches: not evidence'}</dd></div>
          </dl>
        </div>
      )}
    </div>
  );
}
