/**
 * Development only (`npm run dev`): stands in for the gateway's browser sessions, which the platform
 * on :8080 may not have yet. It answers /auth/* to the contract, keeps "who you are" in memory,
 * and the /api proxy adds a development bearer token minted by `./ascent token` for that person.
 * Never part of the build: vite.config.ts uses it for the dev server alone.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

// the launcher of the repository this web/ sits in, unless ASCENT_HOME names another checkout
const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const ascent = join(process.env.ASCENT_HOME ?? repositoryRoot, 'ascent');
export const gatewayUrl = process.env.ASCENT_URL ?? 'http://localhost:8080';

interface DevSession { email: string; roles: string[]; token: string; personId: string | null; name: string | null; csrfToken: string }
let session: DevSession | undefined;

function token(email: string, roles: string[]): string {
  const args = ['token', email, ...roles.flatMap((r) => ['--role', r.toLowerCase()])];
  return execFileSync(ascent, args, { encoding: 'utf8' }).trim();
}

export function bearer(): string | undefined {
  return session ? `Bearer ${session.token}` : undefined;
}

function send(res: ServerResponse, status: number, body?: unknown, type = 'application/json') {
  res.statusCode = status;
  if (body !== undefined) {
    res.setHeader('Content-Type', type);
    res.end(JSON.stringify(body));
  } else res.end();
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) text += chunk;
  if (req.headers['content-type']?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const problem = (status: number, detail: string) => ({ type: 'about:blank', title: 'Dev sign-in', status, detail });

type Next = (error?: unknown) => void;

export function devBackend(): Plugin {
  return {
    name: 'ascent-dev-backend',
    configureServer(server) {
      server.middlewares.use(answer);
    },
    // `vite preview` serves the production build the same way, under the gateway's CSP
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        res.setHeader('Content-Security-Policy', CSP);
        answer(req, res, next);
      });
    },
  };
}

/** The gateway's policy (see the web contract), so a preview shows what CSP would block. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
  + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'";

async function answer(req: IncomingMessage, res: ServerResponse, next: Next) {
  const url = new URL(req.url ?? '/', 'http://dev');
  try {
    switch (`${req.method} ${url.pathname}`) {
      case 'GET /auth/options':
        return send(res, 200, { oidc: false, devSignIn: true });
      case 'GET /auth/session':
        if (!session) return send(res, 401, problem(401, 'Not signed in'));
        return send(res, 200, { personId: session.personId, email: session.email, name: session.name,
          roles: session.roles, csrfToken: session.csrfToken, method: 'dev' });
      case 'GET /auth/dev/people': {
        const admin = token('admin@example.com', ['ADMIN']);
        const answer = await fetch(`${gatewayUrl}/api/v1/people?limit=200`, { headers: { Authorization: `Bearer ${admin}` } });
        const page = (await answer.json()) as { items: { email: string; name: string; level: string; managerId?: string }[] };
        const managers = new Set(page.items.map((p) => p.managerId).filter(Boolean));
        return send(res, 200, page.items.map((p) => ({ email: p.email, name: p.name, level: p.level,
          suggestedRoles: managers.has((p as { id?: string }).id) ? ['MEMBER', 'MANAGER'] : ['MEMBER'] })));
      }
      case 'POST /auth/dev': {
        const body = await readJson(req);
        const email = String(body.email ?? '');
        const roles = Array.isArray(body.roles) && body.roles.length ? body.roles.map(String) : ['MEMBER'];
        const minted = token(email, roles);
        const me = await fetch(`${gatewayUrl}/api/v1/me/overview`, { headers: { Authorization: `Bearer ${minted}` } });
        const overview = me.ok ? ((await me.json()) as { personId?: string; profile?: { name?: string } }) : {};
        session = { email, roles, token: minted, personId: overview.personId ?? null,
          name: overview.profile?.name ?? null, csrfToken: randomUUID() };
        return send(res, 204);
      }
      case 'POST /auth/logout': {
        const body = await readJson(req);
        if (!session || body.csrf !== session.csrfToken) return send(res, 403, problem(403, 'CSRF token invalid'));
        session = undefined;
        res.statusCode = 303;
        res.setHeader('Location', '/signed-out');
        return res.end();
      }
      default:
        if (url.pathname.startsWith('/api/') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method ?? '')
          && session && req.headers['x-csrf-token'] !== session.csrfToken) {
          return send(res, 403, { ...problem(403, 'Missing or wrong X-CSRF-Token'), type: 'urn:ascent:problem:csrf-token-invalid' });
        }
        return next();
    }
  } catch (error) {
    return send(res, 500, problem(500, String(error)));
  }
}
