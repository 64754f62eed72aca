import { useEffect, useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { useLoad } from '../../app/useLoad';
import { ErrorNotice, Loading, Success } from '../../app/ui';
import { useSubmit } from './adminKit';

/** The organisation's settings: whether it is founder-led (teams may decide otherwise for themselves). */
export function Organisation() {
  const [settings, reload] = useLoad(() => call(api.GET('/api/v1/organisation')), 'organisation');
  const [founderLed, setFounderLed] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = useSubmit(['founderLed']);

  useEffect(() => {
    if (settings.state === 'ready') setFounderLed(settings.data.founderLed);
  }, [settings]);

  function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    void submit.run(async () => {
      await call(api.PUT('/api/v1/organisation', { body: { founderLed } }));
      setSaved(true);
      reload();
    });
  }

  return (
    <>
      <h1>Organisation</h1>
      {settings.state === 'loading' && <Loading what="the organisation's settings" />}
      {settings.state === 'error' && <ErrorNotice error={settings.error} retry={reload} />}
      {settings.state === 'ready' && (
        <section className="card" aria-labelledby="org-settings-title">
          <h2 id="org-settings-title">Settings</h2>
          <form className="form" onSubmit={save} noValidate>
            {submit.error !== undefined && <ErrorNotice error={submit.error} unmatched={submit.unmatched} />}
            {saved && <Success>Settings saved.</Success>}
            <label className="checkbox">
              <input type="checkbox" checked={founderLed} onChange={(e) => setFounderLed(e.target.checked)} />
              Founder-led organisation: for a strategy-heavy target, strategy competencies earn no readiness
              credit until every credibility competency the target expects is demonstrated. A team's own
              founder-led setting (on its manager, under People) decides for that team instead.
            </label>
            <button type="submit" className="button" disabled={submit.busy}>Save settings</button>
          </form>
        </section>
      )}
    </>
  );
}
