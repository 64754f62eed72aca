import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, toProblem } from './problem';

/**
 * The one way the app talks to the API: openapi-fetch typed by the schema generated from the
 * gateway's public OpenAPI document, so a renamed path or field fails the type check.
 * The session cookie goes along (same origin); the browser never holds a token.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | undefined;
let onUnauthorised: () => void = () => {};

/** The session's CSRF token, sent as X-CSRF-Token on every unsafe call. */
export function useCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called on any 401: the session is gone, so the app shows its sign-in screen. */
export function whenUnauthorised(handler: () => void): void {
  onUnauthorised = handler;
}

const session: Middleware = {
  onRequest({ request }) {
    if (csrfToken && UNSAFE.has(request.method.toUpperCase())) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    request.headers.set('Accept', request.headers.get('Accept') ?? 'application/json');
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) onUnauthorised();
    return response;
  },
};
api.use(session);

/**
 * Unwraps an openapi-fetch answer: the data on success, an ApiError carrying the problem otherwise.
 * `T` is inferred from the operation, so callers keep the schema's types.
 */
export async function call<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw new ApiError(response.status, toProblem(response.status, error, response.statusText));
  return data as T;
}
