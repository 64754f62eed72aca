import type { ReactElement } from 'react';
import { Frameworks } from './Frameworks';
import { Integrations } from './Integrations';
import { Organisation } from './Organisation';
import { People } from './People';
import { Playbook } from './Playbook';

/** The admin's screens, shown to callers with the ADMIN role, in the navigation's order. */
export const ADMIN_SCREENS: { path: string; name: string; render: () => ReactElement }[] = [
  { path: '/admin/people', name: 'People', render: () => <People /> },
  { path: '/admin/organisation', name: 'Organisation', render: () => <Organisation /> },
  { path: '/admin/frameworks', name: 'Frameworks', render: () => <Frameworks /> },
  { path: '/admin/playbook', name: 'Playbook', render: () => <Playbook /> },
  { path: '/admin/integrations', name: 'Integrations', render: () => <Integrations /> },
];
