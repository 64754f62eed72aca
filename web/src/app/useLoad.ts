import { useCallback, useEffect, useRef, useState } from 'react';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; data: T };

/**
 * Runs `load` when `key` changes and on `reload()`. A new key shows the loading state; a reload
 * keeps what is shown until the answer arrives (no flicker after a save). An answer that arrives
 * after a newer request started is dropped, so a fast filter change never shows stale rows.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadedKey = useRef<string | undefined>(undefined);

  useEffect(() => {
    let current = true;
    if (loadedKey.current !== key) setResult({ state: 'loading' });
    loadedKey.current = key;
    load().then(
      (data) => current && setResult({ state: 'ready', data }),
      (error: unknown) => current && setResult({ state: 'error', error }),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `key` says when what it loads has changed
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [result, reload];
}
