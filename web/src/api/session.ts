import { ApiError, toProblem } from './problem';

/**
 * The gateway's browser-session endpoints (/auth/*). They are not part of the public OpenAPI
 * document (the gateway handles them itself), so their shapes are written out here, to the
 * contract in docs of the gateway's sign-in.
 */
export type Role = 'MEMBER' | 'MANAGER' | 'ADMIN' | 'INTEGRATION';

export interface Session {
  personId: string | null;
  email: string;
  name: string | null;
  roles: Role[];
  csrfToken: string;
  method: 'oidc' | 'dev';
}

export interface SignInOptions {
  oidc: boolean;
  devSignIn: boolean;
}

export interface DevPerson {
  email: string;
  name: string;
  level: string;
  suggestedRoles: Role[];
}

async function json<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(response.status, toProblem(response.status, body, response.statusText));
  return body as T;
}

const get = (path: string) => fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });

/** The signed-in session, or null when there is none (401). */
export async function fetchSession(): Promise<Session | null> {
  const response = await get('/auth/session');
  if (response.status === 401) return null;
  return json<Session>(response);
}

let askedAtStart: Promise<Session | null> | undefined;

/**
 * Asks for the session as the app's script starts, before React first renders: the first screen waits on
 * the answer, and the request then goes out while React mounts instead of after.
 */
export function askForSessionAtStart(): Promise<Session | null> {
  const asked = fetchSession();
  asked.catch(() => undefined); // its failure is reported to whoever takes it
  askedAtStart = asked;
  return asked;
}

/** The session asked for at start, the first time; a fresh answer every time after (a retry, a sign-in). */
export function currentSession(): Promise<Session | null> {
  const early = askedAtStart;
  askedAtStart = undefined;
  return early ?? fetchSession();
}

export const fetchSignInOptions = async (): Promise<SignInOptions> => json<SignInOptions>(await get('/auth/options'));

export const fetchDevPeople = async (): Promise<DevPerson[]> => json<DevPerson[]>(await get('/auth/dev/people'));

/** Development sign-in (local profile only): the gateway answers 204 and sets the session cookie. */
export async function devSignIn(email: string, roles: Role[]): Promise<void> {
  const response = await fetch('/auth/dev', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email, roles }),
  });
  if (!response.ok) await json(response);
}
