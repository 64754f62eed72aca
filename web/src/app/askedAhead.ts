/**
 * Answers asked for ahead of the screen that shows them: the first screen's data goes out as soon as
 * the session is known, instead of after React has drawn the shell around the screen and the screen's
 * effect has run. The screen takes the answer once, by the same key; a screen that finds none (or one
 * asked too long ago to still be current) asks itself.
 */

/** How long an answer asked ahead stays good to take. */
export const FRESH_FOR_MS = 10_000;

const ahead = new Map<string, { asked: number; answer: Promise<unknown> }>();

export function askAhead<T>(key: string, ask: () => Promise<T>, now = Date.now()): void {
  const answer = ask();
  answer.catch(() => undefined); // a failure is reported to whoever takes it
  ahead.set(key, { asked: now, answer });
}

/** The answer asked ahead under `key` if there is a fresh one (taken, so only once); else `ask()`. */
export function takeOrAsk<T>(key: string, ask: () => Promise<T>, now = Date.now()): Promise<T> {
  const kept = ahead.get(key);
  ahead.delete(key);
  return kept && now - kept.asked <= FRESH_FOR_MS ? (kept.answer as Promise<T>) : ask();
}
