import { api, call } from '../api/client';
import { humanize } from '../app/labels';
import { useSession } from '../app/session';
import { useLoad } from '../app/useLoad';
import { ErrorNotice, Loading } from '../app/ui';

export function Profile() {
  const session = useSession();
  const { personId } = session;
  const [profile, reload] = useLoad(async () => {
    const person = await call(api.GET('/api/v1/people/{id}', { params: { path: { id: personId } } }));
    // a member may not read their manager's record (SELF_OR_LINE), so the name shows only where allowed
    const manager = person.managerId
      ? await call(api.GET('/api/v1/people/{id}', { params: { path: { id: person.managerId } } })).catch(() => undefined)
      : undefined;
    return { person, manager };
  }, personId);

  return (
    <>
      <h1>Profile</h1>
      {profile.state === 'loading' && <Loading what="your profile" />}
      {profile.state === 'error' && <ErrorNotice error={profile.error} retry={reload} />}
      {profile.state === 'ready' && (
        <section className="card" aria-labelledby="profile-title">
          <h2 id="profile-title" className="visually-hidden">About you</h2>
          <dl className="facts facts-vertical">
            <div><dt>Name</dt><dd>{profile.data.person.name}</dd></div>
            <div><dt>Email</dt><dd>{profile.data.person.email}</dd></div>
            <div><dt>Level</dt><dd>{humanize(profile.data.person.level)}</dd></div>
            <div><dt>Target level</dt><dd>{humanize(profile.data.person.targetLevel) || 'Not set'}</dd></div>
            <div><dt>Manager</dt><dd>{profile.data.manager?.name
              ?? (profile.data.person.managerId ? 'Assigned (their profile is not visible to you)' : 'None')}</dd></div>
            <div><dt>Roles</dt><dd>{session.roles.map(humanize).join(', ')}</dd></div>
          </dl>
        </section>
      )}
    </>
  );
}
