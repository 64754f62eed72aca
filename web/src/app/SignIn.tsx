import { useEffect, useState } from 'react';
import { devSignIn, fetchDevPeople, fetchSignInOptions, type DevPerson, type SignInOptions } from '../api/session';
import { humanize } from './labels';
import { currentLocation } from './router';
import { Empty, ErrorNotice, Loading } from './ui';

/** The signed-out screen: the provider's sign-in, and in the local profile a list of people to be. */
export function SignIn() {
  const [options, setOptions] = useState<SignInOptions | undefined>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    fetchSignInOptions().then(setOptions, setError);
  }, []);

  return (
    <main className="centred sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in to Ascent</h1>
      <p className="lede">Your growth as a product manager, level by level.</p>
      {error !== undefined && <ErrorNotice error={error} />}
      {!options && error === undefined && <Loading what="sign-in options" />}
      {options?.oidc && <ProviderSignIn next={currentLocation() === '/signed-out' ? '/' : currentLocation()} />}
      {options?.devSignIn && <DevSignIn />}
      {options && !options.oidc && !options.devSignIn && (
        <Empty>This deployment offers no way to sign in. Ask your administrator to configure an identity provider.</Empty>
      )}
    </main>
  );
}

function DevSignIn() {
  const [people, setPeople] = useState<DevPerson[] | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string | undefined>();

  useEffect(() => {
    fetchDevPeople().then(setPeople, setError);
  }, []);

  async function become(person: DevPerson) {
    setBusy(person.email);
    setError(undefined);
    try {
      await devSignIn(person.email, person.suggestedRoles);
      window.location.reload();
    } catch (failure) {
      setError(failure);
      setBusy(undefined);
    }
  }

  return (
    <section className="card dev-sign-in" aria-labelledby="dev-sign-in-title">
      <h2 id="dev-sign-in-title">Development sign-in</h2>
      <p>Local use only: choose who to be.</p>
      {error !== undefined && <ErrorNotice error={error} />}
      {!people && error === undefined && <Loading what="people" />}
      {people?.length === 0 && <Empty>Nobody exists yet. Load the demo organisation with <code>./ascent demo</code>.</Empty>}
      {people && people.length > 0 && (
        <ul className="people-list">
          {people.map((person) => (
            <li key={person.email}>
              <button type="button" className="button-secondary person-choice" disabled={busy !== undefined}
                      onClick={() => void become(person)}>
                <span className="person-name">{person.name}</span>
                <span className="person-meta">{humanize(person.level)} · {person.suggestedRoles.map(humanize).join(', ')} · {person.email}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * A plain GET form, so "Sign in" is a real button and the browser, not script, goes to the
 * provider: /auth/login?next=<where the person was>.
 */
function ProviderSignIn({ next }: { next: string }) {
  return (
    <form method="get" action="/auth/login" className="provider-sign-in">
      <input type="hidden" name="next" value={next} />
      <button type="submit" className="button">Sign in</button>
    </form>
  );
}

export function SignedOut() {
  const [options, setOptions] = useState<SignInOptions | undefined>();
  useEffect(() => {
    fetchSignInOptions().then(setOptions, () => setOptions({ oidc: false, devSignIn: false }));
  }, []);
  return (
    <main className="centred sign-in" aria-labelledby="signed-out-title">
      <h1 id="signed-out-title">You are signed out</h1>
      <p className="lede">Thanks for using Ascent.</p>
      {options?.oidc
        ? <ProviderSignIn next="/" />
        : <form method="get" action="/"><button type="submit" className="button">Sign in</button></form>}
    </main>
  );
}
