import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { publishedFramework } from '../../api/framework';
import { humanize } from '../../app/labels';
import { useLoad } from '../../app/useLoad';
import { Badge, Empty, ErrorNotice, Loading, Success } from '../../app/ui';
import { allPeople, SelectField, TextField, useSubmit, type Person } from './adminKit';
import { buildTree, type TreeNode } from './peopleTree';

const PERSON_FIELDS = ['name', 'email', 'level', 'targetLevel', 'managerId', 'founderLed'] as const;

/** The directory and its reporting lines: add people, edit them, move them to another manager. */
export function People() {
  const [data, reload] = useLoad(async () => {
    const [people, framework] = await Promise.all([allPeople(), publishedFramework()]);
    return { people, levels: framework.levels.map((l) => l.code) };
  }, 'people');
  const [editing, setEditing] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();

  return (
    <>
      <h1>People</h1>
      {data.state === 'loading' && <Loading what="the directory" />}
      {data.state === 'error' && <ErrorNotice error={data.error} retry={reload} />}
      {data.state === 'ready' && (
        <>
          <PersonForm people={data.data.people} levels={data.data.levels}
                      onSaved={(p) => { setSaved(`Added ${p.name}.`); reload(); }} />
          {saved && <Success>{saved}</Success>}
          <section aria-labelledby="directory-title">
            <h2 id="directory-title">Directory</h2>
            {data.data.people.length === 0 ? <Empty>Nobody yet. Add the first person above.</Empty> : (
              <div className="table-scroll" role="region" aria-labelledby="directory-caption" tabIndex={0}>
                <table className="data-table">
                  <caption id="directory-caption">{data.data.people.length} people</caption>
                  <thead>
                    <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Level</th>
                      <th scope="col">Target</th><th scope="col">Manager</th><th scope="col">Founder-led</th><th scope="col">Actions</th></tr>
                  </thead>
                  <tbody>
                    {data.data.people.map((person) => (
                      editing === person.id ? (
                        <tr key={person.id}>
                          <td colSpan={7}>
                            <PersonForm person={person} people={data.data.people} levels={data.data.levels}
                                        onCancel={() => setEditing(undefined)}
                                        onSaved={(p) => { setEditing(undefined); setSaved(`Saved ${p.name}.`); reload(); }} />
                          </td>
                        </tr>
                      ) : (
                        <tr key={person.id}>
                          <th scope="row">{person.name}</th>
                          <td>{person.email}</td>
                          <td>{humanize(person.level)}</td>
                          <td>{humanize(person.targetLevel) || '–'}</td>
                          <td>{data.data.people.find((p) => p.id === person.managerId)?.name ?? '–'}</td>
                          <td>{person.effectiveFounderLed ? <Badge tone="neutral">Yes{person.founderLed ? '' : ' (organisation)'}</Badge> : 'No'}</td>
                          <td>
                            <button type="button" className="button-secondary" aria-label={`Edit ${person.name}`}
                                    onClick={() => { setSaved(undefined); setEditing(person.id); }}>Edit</button>
                          </td>
                        </tr>
                      )
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="tree-title">
            <h2 id="tree-title">Reporting lines</h2>
            {data.data.people.length > 0 && <Tree nodes={buildTree(data.data.people)} label="Reporting lines" />}
          </section>
        </>
      )}
    </>
  );
}

function Tree({ nodes, label }: { nodes: TreeNode<Person>[]; label?: string }) {
  return (
    <ul className="tree" aria-label={label}>
      {nodes.map((node) => (
        <li key={node.person.id}>
          <span className="tree-person">{node.person.name}</span> <span className="muted small">{humanize(node.person.level)}</span>
          {node.reports.length > 0 && <Tree nodes={node.reports} label={`Reports of ${node.person.name}`} />}
        </li>
      ))}
    </ul>
  );
}

/** Adds a person, or edits one (`person` given): name, level, target, manager (moving them), founder-led. */
function PersonForm({ person, people, levels, onSaved, onCancel }: {
  person?: Person; people: Person[]; levels: string[]; onSaved: (p: Person) => void; onCancel?: () => void;
}) {
  const prefix = person ? `edit-${person.id}` : 'new-person';
  const [name, setName] = useState(person?.name ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [level, setLevel] = useState(person?.level ?? levels[0] ?? '');
  const [targetLevel, setTargetLevel] = useState(person?.targetLevel ?? '');
  const [managerId, setManagerId] = useState(person?.managerId ?? '');
  const [founderLed, setFounderLed] = useState(person?.founderLed ?? false);
  const submit = useSubmit(PERSON_FIELDS);
  const { byField } = submit;

  function save(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const common = {
        name, level, founderLed,
        ...(targetLevel && { targetLevel }),
        ...(managerId && { managerId }),
      };
      const saved = person
        ? await call(api.PUT('/api/v1/people/{id}', { params: { path: { id: person.id! } }, body: common }))
        : await call(api.POST('/api/v1/people', { body: { ...common, email } }));
      if (!person) { setName(''); setEmail(''); setTargetLevel(''); setManagerId(''); setFounderLed(false); }
      onSaved(saved);
    });
  }

  // someone cannot report to themselves; the service refuses cycles further down the line
  const managers = people.filter((p) => p.id !== person?.id);
  const body = (
    <form className="form" onSubmit={save} noValidate aria-label={person ? `Edit ${person.name}` : 'Add a person'}>
      {submit.error !== undefined && <ErrorNotice error={submit.error} unmatched={submit.unmatched} />}
      <div className="field-row">
        <TextField id={`${prefix}-name`} label="Name" value={name} onChange={(e) => setName(e.target.value)} error={byField.name} />
        {!person && <TextField id={`${prefix}-email`} label="Email" type="email" value={email}
                               onChange={(e) => setEmail(e.target.value)} error={byField.email} />}
      </div>
      <div className="field-row">
        <SelectField id={`${prefix}-level`} label="Level" value={level} onChange={setLevel} error={byField.level}>
          {levels.map((l) => <option key={l} value={l}>{humanize(l)}</option>)}
        </SelectField>
        <SelectField id={`${prefix}-target`} label="Target level" value={targetLevel} onChange={setTargetLevel} error={byField.targetLevel}>
          <option value="">None</option>
          {levels.map((l) => <option key={l} value={l}>{humanize(l)}</option>)}
        </SelectField>
        <SelectField id={`${prefix}-manager`} label="Manager" value={managerId} onChange={setManagerId} error={byField.managerId}>
          <option value="">No manager</option>
          {managers.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.email})</option>)}
        </SelectField>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={founderLed} onChange={(e) => setFounderLed(e.target.checked)} />
        Founder-led team (this person's team; when off, the organisation's setting applies)
      </label>
      <div className="actions">
        <button type="submit" className="button" disabled={submit.busy}>{person ? 'Save' : 'Add person'}</button>
        {onCancel && <button type="button" className="button-secondary" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
  return person ? body : (
    <section className="card" aria-labelledby="add-person-title">
      <h2 id="add-person-title">Add a person</h2>
      {body}
    </section>
  );
}
