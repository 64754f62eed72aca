import { describe, expect, it, vi } from 'vitest';
import { askAhead, FRESH_FOR_MS, takeOrAsk } from './askedAhead';

describe('answers asked ahead of their screen', () => {
  it('are taken once by the same key; after that the screen asks itself', async () => {
    askAhead('readiness:p-1', () => Promise.resolve('early'), 1_000);
    const ask = vi.fn(() => Promise.resolve('asked'));

    expect(await takeOrAsk('readiness:p-1', ask, 1_500)).toBe('early');
    expect(ask).not.toHaveBeenCalled();
    expect(await takeOrAsk('readiness:p-1', ask, 1_600)).toBe('asked');
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('are never taken by another key', async () => {
    askAhead('readiness:p-1', () => Promise.resolve('p-1'), 1_000);
    expect(await takeOrAsk('readiness:p-2', () => Promise.resolve('p-2'), 1_000)).toBe('p-2');
  });

  it('are not taken once they are too old to be current', async () => {
    askAhead('readiness:p-1', () => Promise.resolve('early'), 1_000);
    expect(await takeOrAsk('readiness:p-1', () => Promise.resolve('asked'), 1_000 + FRESH_FOR_MS + 1)).toBe('asked');
  });

  it('hand a failure to whoever takes them', async () => {
    askAhead('readiness:p-1', () => Promise.reject(new Error('offline')), 1_000);
    await expect(takeOrAsk('readiness:p-1', () => Promise.resolve('asked'), 1_000)).rejects.toThrow('offline');
  });
});
