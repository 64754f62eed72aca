import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { askForSessionAtStart } from './api/session';
import { App } from './app/App';
import { askAhead } from './app/askedAhead';
import { askReadiness, readinessAhead } from './screens/readiness';
import './styles.css';

const session = askForSessionAtStart();
// My growth, the first screen at /, waits on the person's readiness: ask for it as soon as the session says
// who they are, not after the shell around it has rendered.
if (window.location.pathname === '/') {
  session.then((signedIn) => {
    const personId = signedIn?.personId;
    if (personId) askAhead(readinessAhead(personId), () => askReadiness(personId));
  }, () => undefined);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
