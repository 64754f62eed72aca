import { useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { api, call } from '../../api/client';
import { ApiError, fieldErrors } from '../../api/problem';
import type { components } from '../../api/schema';
import { describedBy, FieldError } from '../../app/ui';

export type Person = components['schemas']['PersonResponse'];

/** Every person in the directory, following the pages (the admin screens need the whole list). */
export async function allPeople(): Promise<Person[]> {
  const people: Person[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(api.GET('/api/v1/people', { params: { query: { limit: 200, ...(cursor && { cursor }) } } }));
    people.push(...(page.items ?? []));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return people;
}

/**
 * A form's submission: busy while it runs, and the failure (with its violations split between the
 * form's fields and the rest) until the next try.
 */
export function useSubmit(fields: readonly string[]) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const { byField, unmatched } = fieldErrors(error instanceof ApiError ? error.problem : undefined, fields);
  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, byField, unmatched, run, clear: () => setError(undefined) };
}

/** A labelled input with the server's message for it beside it. */
export function TextField({ id, label, error, ...input }: { id: string; label: string; error?: string | undefined }
  & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} {...describedBy(`${id}-error`, error)} />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function SelectField({ id, label, error, value, onChange, children }: {
  id: string; label: string; error?: string | undefined; value: string; onChange: (value: string) => void; children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...describedBy(`${id}-error`, error)}>
        {children}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function TextAreaField({ id, label, error, value, onChange, rows = 10, hint }: {
  id: string; label: string; error?: string | undefined; value: string; onChange: (value: string) => void; rows?: number; hint?: string;
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="muted small">{hint}</p>}
      <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false}
                className="code-input" aria-invalid={error ? true : undefined}
                aria-describedby={described || undefined} />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
