import { api, call } from './client';
import type { components } from './schema';

export type FrameworkDocument = components['schemas']['FrameworkDocument'];

// the framework is answered as JSON or YAML by Accept; the app asks for JSON and checks it got it
const JSON_ONLY = { Accept: 'application/json' };
function asJson(body: FrameworkDocument | string): FrameworkDocument {
  if (typeof body === 'string') throw new Error('The framework came back as YAML, not JSON');
  return body;
}

let current: Promise<FrameworkDocument> | undefined;
const versions = new Map<number, Promise<FrameworkDocument>>();

/** The published framework, fetched once per page load (it changes only when an admin publishes). */
export function publishedFramework(): Promise<FrameworkDocument> {
  current ??= call(api.GET('/api/v1/frameworks/current', { headers: JSON_ONLY })).then(asJson);
  current.catch(() => {
    current = undefined; // a failure is not remembered: the next screen asks again
  });
  return current;
}

/** One framework version, such as the one a cycle rates against; a published version never changes. */
export function frameworkVersion(version: number): Promise<FrameworkDocument> {
  let found = versions.get(version);
  if (!found) {
    found = call(api.GET('/api/v1/frameworks/versions/{version}', { params: { path: { version } }, headers: JSON_ONLY }))
      .then(asJson);
    versions.set(version, found);
    found.catch(() => versions.delete(version));
  }
  return found;
}

export function competencyName(framework: FrameworkDocument | undefined, code: string): string {
  return framework?.competencies.find((c) => c.code === code)?.name ?? code;
}
