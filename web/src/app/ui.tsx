import type { ReactNode } from 'react';
import { messageOf, type Violation } from '../api/problem';

/** A region that announces itself while data is on its way. */
export function Loading({ what }: { what: string }) {
  return <p className="state state-loading" role="status">Loading {what}…</p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** Any failure: the problem's detail, violations no field claimed, and a way to try again. */
export function ErrorNotice({ error, unmatched = [], retry }: { error: unknown; unmatched?: Violation[]; retry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p><strong>Error: </strong>{messageOf(error)}</p>
      {unmatched.length > 0 && (
        <ul>
          {unmatched.map((v) => <li key={`${v.field}:${v.message}`}><code>{v.field}</code>: {v.message}</li>)}
        </ul>
      )}
      {retry && <button type="button" className="button-secondary" onClick={retry}>Try again</button>}
    </div>
  );
}

export function Success({ children }: { children: ReactNode }) {
  return <p className="notice notice-success" role="status">{children}</p>;
}

/** The message the server gave for one field, tied to its input by `id` (aria-describedby). */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return <p id={id} className="field-error">{message}</p>;
}

/** Props that connect an input to its error message for assistive technology. */
export function describedBy(id: string, message: string | undefined) {
  return message ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
}

/** A status shown as words and a shape, never by colour alone. */
export function Badge({ tone, children }: { tone: 'good' | 'warn' | 'bad' | 'neutral'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
