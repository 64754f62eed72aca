import type { ReactElement } from 'react';
import { AssessPage } from './AssessPage';
import { CycleDetail, Cycles } from './Cycles';
import { ReportPage } from './ReportPage';
import { TalentPool } from './TalentPool';
import { Team } from './Team';
import { VerifyQueue } from './VerifyQueue';

export interface ManagerScreen { path: string; name: string; render: () => ReactElement }

/** The manager's section of the navigation (managers and admins see it). */
export const MANAGER_NAV: ManagerScreen[] = [
  { path: '/team', name: 'Team', render: () => <Team /> },
  { path: '/team/verify', name: 'Verify evidence', render: () => <VerifyQueue /> },
  { path: '/team/cycles', name: 'Cycles', render: () => <Cycles /> },
  { path: '/team/talent', name: 'Talent pool', render: () => <TalentPool /> },
];

const UUID = '([0-9a-fA-F-]{36})';
const PATTERNS: [RegExp, string, (id: string) => ReactElement][] = [
  [new RegExp(`^/team/people/${UUID}$`), 'Report', (id) => <ReportPage personId={id} />],
  [new RegExp(`^/team/people/${UUID}/assess$`), 'Assess', (id) => <AssessPage subjectId={id} />],
  [new RegExp(`^/team/cycles/${UUID}$`), 'Cycle', (id) => <CycleDetail cycleId={id} />],
];

// one object per path, so the shell's effects (title, focus) run on navigation, not on every render
const cache = new Map<string, ManagerScreen | undefined>();

export function managerScreen(pathname: string): ManagerScreen | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (cache.has(path)) return cache.get(path);
  let found = MANAGER_NAV.find((s) => s.path === path);
  if (!found) {
    for (const [pattern, name, render] of PATTERNS) {
      const match = pattern.exec(path);
      if (match) {
        const id = match[1]!;
        found = { path, name, render: () => <div key={path}>{render(id)}</div> };
        break;
      }
    }
  }
  cache.set(path, found);
  return found;
}

/** The nav entry a page belongs to: /team/people/… under Team, /team/cycles/… under Cycles. */
export function managerSection(pathname: string): string | undefined {
  if (pathname.startsWith('/team/verify')) return '/team/verify';
  if (pathname.startsWith('/team/cycles')) return '/team/cycles';
  if (pathname.startsWith('/team/talent')) return '/team/talent';
  if (pathname.startsWith('/team')) return '/team';
  return undefined;
}
