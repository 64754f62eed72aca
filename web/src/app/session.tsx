import { createContext, useContext } from 'react';
import type { Session } from '../api/session';

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; screens render only inside the signed-in shell, so it is always there. */
export function useSession(): Session & { personId: string } {
  const session = useContext(SessionContext);
  if (!session?.personId) throw new Error('useSession outside a signed-in person\'s shell');
  return session as Session & { personId: string };
}
