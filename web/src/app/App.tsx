import { useCallback, useEffect, useState } from 'react';
import { useCsrfToken, whenUnauthorised } from '../api/client';
import { currentSession, type Session } from '../api/session';
import { usePathname } from './router';
import { SessionContext } from './session';
import { Shell } from './Shell';
import { SignIn, SignedOut } from './SignIn';
import { ErrorNotice } from './ui';

type State = { kind: 'loading' } | { kind: 'signed-out' } | { kind: 'failed'; error: unknown } | { kind: 'signed-in'; session: Session };

export function App() {
  const pathname = usePathname();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback(() => {
    setState({ kind: 'loading' });
    currentSession().then(
      (session) => setState(session ? { kind: 'signed-in', session } : { kind: 'signed-out' }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
  }, []);

  useEffect(() => {
    // any 401 from the API means the session ended: back to the sign-in screen
    whenUnauthorised(() => setState({ kind: 'signed-out' }));
    load();
  }, [load]);

  useCsrfToken(state.kind === 'signed-in' ? state.session.csrfToken : undefined);

  if (pathname === '/signed-out') return <SignedOut />;
  switch (state.kind) {
    case 'loading':
      return <main className="centred" aria-busy="true"><p role="status">Loading Ascent…</p></main>;
    case 'failed':
      return <main className="centred"><h1>Ascent</h1><ErrorNotice error={state.error} retry={load} /></main>;
    case 'signed-out':
      return <SignIn />;
    case 'signed-in':
      return (
        <SessionContext.Provider value={state.session}>
          <Shell session={state.session} />
        </SessionContext.Provider>
      );
  }
}
