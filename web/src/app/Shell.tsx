import { useEffect, useRef, type ReactElement } from 'react';
import type { Session } from '../api/session';
import { Evidence } from '../screens/Evidence';
import { GrowthPlan } from '../screens/GrowthPlan';
import { MyGrowth } from '../screens/MyGrowth';
import { Profile } from '../screens/Profile';
import { PromotionCasePage, PromotionCases } from '../screens/Promotion';
import { SelfAssessment } from '../screens/SelfAssessment';
import { ADMIN_SCREENS } from '../screens/admin';
import { MANAGER_NAV, managerScreen, managerSection } from '../screens/manager/routes';
import { humanize } from './labels';
import { Link, usePathname } from './router';

interface Screen { path: string; name: string; render: () => ReactElement }

/** The member's screens, in the navigation's order; the first is the home page. */
export const SCREENS: Screen[] = [
  { path: '/', name: 'My growth', render: () => <MyGrowth /> },
  { path: '/evidence', name: 'Evidence', render: () => <Evidence /> },
  { path: '/growth-plan', name: 'Growth plan', render: () => <GrowthPlan /> },
  { path: '/self-assessment', name: 'Self-assessment', render: () => <SelfAssessment /> },
  { path: '/promotion', name: 'Promotion', render: () => <PromotionCases /> },
  { path: '/profile', name: 'Profile', render: () => <Profile /> },
];

const CASE_PAGE = /^\/promotion\/([0-9a-fA-F-]{36})$/;
// one object per case, so the shell's effects (title, focus) run on navigation, not on every render
const casePages = new Map<string, Screen>();

/** Trailing slashes do not make another page: /evidence/ is /evidence. */
export function screenFor(pathname: string): Screen | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const caseId = CASE_PAGE.exec(path)?.[1];
  if (caseId) {
    if (!casePages.has(caseId)) {
      casePages.set(caseId, { path, name: 'Promotion case', render: () => <PromotionCasePage key={caseId} caseId={caseId} /> });
    }
    return casePages.get(caseId);
  }
  return SCREENS.find((screen) => screen.path === path);
}

export function Shell({ session }: { session: Session }) {
  const pathname = usePathname();
  // the manager's section: managers and admins; the admin section: admins only
  const isManager = session.roles.includes('MANAGER') || session.roles.includes('ADMIN');
  const adminScreens = session.roles.includes('ADMIN') ? ADMIN_SCREENS : [];
  const adminScreen = adminScreens.find((s) => s.path === pathname.replace(/\/+$/, ''));
  const screen = screenFor(pathname) ?? (isManager ? managerScreen(pathname) : undefined) ?? adminScreen;
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    document.title = `${screen?.name ?? 'Not found'} · Ascent`;
    // after a client-side navigation, move focus to the new page so screen readers announce it
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [screen]);

  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="app-header">
        <div className="brand">Ascent</div>
        <div className="account">
          <span className="account-name">{session.name ?? session.email}</span>
          <span className="account-roles">{session.roles.map(humanize).join(', ')}</span>
          {/* a plain form: the gateway ends the session (and the provider's) and redirects */}
          <form method="post" action="/auth/logout" className="sign-out">
            <input type="hidden" name="csrf" value={session.csrfToken} />
            <button type="submit" className="button-secondary">Sign out</button>
          </form>
        </div>
      </header>
      <nav className="app-nav" aria-label="Main">
        <ul>
          {SCREENS.map((s) => (
            <li key={s.path}>
              <Link href={s.path} aria-current={s === screen || (s.path === '/promotion' && screen?.name === 'Promotion case') ? 'page' : undefined}>{s.name}</Link>
            </li>
          ))}
          {isManager && MANAGER_NAV.map((s) => (
            <li key={s.path} className={s === MANAGER_NAV[0] ? 'nav-section-start' : undefined}>
              <Link href={s.path} aria-current={managerSection(pathname) === s.path ? 'page' : undefined}>{s.name}</Link>
            </li>
          ))}
        </ul>
        {adminScreens.length > 0 && (
          <ul aria-label="Administration">
            {adminScreens.map((s) => (
              <li key={s.path}>
                <Link href={s.path} aria-current={s === screen ? 'page' : undefined}>{s.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </nav>
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        {adminScreen ? adminScreen.render()
          : !session.personId ? <NoPerson email={session.email} /> : screen ? screen.render() : <NotFound />}
      </main>
    </>
  );
}

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address. <Link href="/">Go to My growth</Link>.</p>
    </>
  );
}

/** Signed in, but the email matches nobody in Ascent yet: nothing to show until an admin adds them. */
function NoPerson({ email }: { email: string }) {
  return (
    <>
      <h1>Welcome to Ascent</h1>
      <p>You are signed in as {email}, but no person in Ascent has this email yet. Ask your administrator to add you.</p>
    </>
  );
}
