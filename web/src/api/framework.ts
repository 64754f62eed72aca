import { api, call } from './client';

/**
 * The published framework as GET /api/v1/frameworks/current answers it. The public OpenAPI document
 * leaves this answer untyped (the resource returns JSON or YAML), so its shape is written out here
 * from assessment-service's FrameworkDocument; it is the one answer not checked against the schema.
 */
export interface FrameworkDocument {
  name: string;
  levels: { code: string; name: string; tier: string }[];
  competencies: {
    code: string;
    name: string;
    focus: string;
    description?: string;
    /** observable behaviours per proficiency "1"–"5" */
    behaviours: Record<string, string[]>;
  }[];
  /** level code → competency code → what that level expects */
  expectations: Record<string, Record<string, { proficiency: number; evidence: number }>>;
  leadershipCompetencies?: string[];
  credibilityCompetencies?: string[];
  strategyCompetencies?: string[];
}

let current: Promise<FrameworkDocument> | undefined;

/** The published framework, fetched once per page load (it changes only when an admin publishes). */
export function publishedFramework(): Promise<FrameworkDocument> {
  current ??= call(api.GET('/api/v1/frameworks/current')).then((body) => body as unknown as FrameworkDocument);
  current.catch(() => {
    current = undefined; // a failure is not remembered: the next screen asks again
  });
  return current;
}

export function competencyName(framework: FrameworkDocument | undefined, code: string): string {
  return framework?.competencies.find((c) => c.code === code)?.name ?? code;
}
