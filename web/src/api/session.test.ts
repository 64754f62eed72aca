import { afterEach, describe, expect, it, vi } from 'vitest';
import { askForSessionAtStart, currentSession } from './session';

const signedIn = (personId: string) =>
  new Response(JSON.stringify({ personId, email: 'ada@example.com', name: null, roles: ['MEMBER'], csrfToken: 't', method: 'dev' }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });

describe('the session asked for as the app starts', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is the first answer taken; every later one is asked for anew', async () => {
    const fetch = vi.fn().mockResolvedValueOnce(signedIn('p-1')).mockResolvedValueOnce(signedIn('p-2'));
    vi.stubGlobal('fetch', fetch);
    askForSessionAtStart();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe('/auth/session');

    expect((await currentSession())?.personId).toBe('p-1');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((await currentSession())?.personId).toBe('p-2');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('is asked for when it was not asked for at start, and a 401 is no session', async () => {
    const fetch = vi.fn().mockResolvedValueOnce(new Response(null, { status: 401 }));
    vi.stubGlobal('fetch', fetch);
    expect(await currentSession()).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('hands a failure at start to whoever takes it', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValueOnce(new TypeError('offline')));
    askForSessionAtStart();
    await expect(currentSession()).rejects.toThrow('offline');
  });
});
