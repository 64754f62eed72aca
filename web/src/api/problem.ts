/**
 * RFC 9457 problem documents as the services write them (service-kit's Problem): a readable
 * `detail`, and for a rejected request each offending field's path and message.
 */
export interface Violation {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  violations?: Violation[];
}

/** Thrown by the API layer for any answer that is not a success, so screens handle one shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

function isViolation(value: unknown): value is Violation {
  return typeof value === 'object' && value !== null
    && typeof (value as Violation).field === 'string'
    && typeof (value as Violation).message === 'string';
}

/** Reads whatever came back as a problem; a body that is not one still gives a readable message. */
export function toProblem(status: number, body: unknown, statusText = ''): Problem {
  if (typeof body === 'object' && body !== null) {
    const raw = body as Record<string, unknown>;
    const problem: Problem = { status };
    if (typeof raw.type === 'string') problem.type = raw.type;
    if (typeof raw.title === 'string') problem.title = raw.title;
    if (typeof raw.detail === 'string') problem.detail = raw.detail;
    if (typeof raw.instance === 'string') problem.instance = raw.instance;
    if (Array.isArray(raw.violations)) problem.violations = raw.violations.filter(isViolation);
    if (problem.detail || problem.title) return problem;
  }
  return { status, title: statusText || 'Request failed', detail: `The server answered ${status}${statusText ? ` ${statusText}` : ''}.` };
}

/** The message to show for an error of any kind (network failures included). */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title ?? error.message;
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/**
 * Splits a problem's violations between the form's fields and the rest. A violation belongs to a
 * field when its path is the field's name, or starts with it followed by `.` or `[` (so
 * `ratings[2].rating` lands beside `ratings` when the form has no finer field). A path the server
 * prefixes with the request body's parameter name (`request.title`) matches on its tail.
 * Several messages for one field are joined; fields keep the form's spelling.
 */
export function fieldErrors(problem: Problem | undefined, fields: readonly string[]): {
  byField: Record<string, string>;
  unmatched: Violation[];
} {
  const byField: Record<string, string> = {};
  const unmatched: Violation[] = [];
  for (const violation of problem?.violations ?? []) {
    const field = matchField(violation.field, fields);
    if (field === undefined) {
      unmatched.push(violation);
    } else {
      byField[field] = byField[field] ? `${byField[field]} ${violation.message}` : violation.message;
    }
  }
  return { byField, unmatched };
}

function matchField(path: string, fields: readonly string[]): string | undefined {
  const candidates = [path];
  const dot = path.indexOf('.');
  if (dot > 0) candidates.push(path.slice(dot + 1));
  for (const candidate of candidates) {
    // the longest form field that the path names wins: `items[0].rating` over `items`
    let best: string | undefined;
    for (const field of fields) {
      const names = candidate === field
        || candidate.startsWith(`${field}.`) || candidate.startsWith(`${field}[`);
      if (names && (best === undefined || field.length > best.length)) best = field;
    }
    if (best !== undefined) return best;
  }
  return undefined;
}
