import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { askForSessionAtStart } from './api/session';
import { App } from './app/App';
import './styles.css';

askForSessionAtStart();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
