import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { createClient } from '../shared/contract';
import { App } from './App';
import { createAppStores } from './state/app-stores';
import { errorMessage } from './state/error-message';
import { browserHashLocation } from './state/navigation-store';
import { StoresProvider } from './state/stores-context';
import { syncTheme, type ThemeMemory } from './state/theme-sync';
import { pickTransport } from './transport/pick-transport';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/feedback.css';
import './styles/accounts.css';
import './styles/sync.css';
import './styles/matches.css';
import './styles/library.css';

function localStorageOrNull(): ThemeMemory | null {
  try {
    return window.localStorage;
  } catch {
    // Reading the property itself throws when storage is blocked.
    return null;
  }
}

// zod probes for eval support with new Function(); under our CSP that probe only produces a violation report.
z.config({ jitless: true });

const transport = pickTransport();
const client = createClient(transport);
const stores = createAppStores({ client, transport, location: browserHashLocation() });
syncTheme(stores.settings, document.documentElement, localStorageOrNull());

// A promise nobody awaited still deserves a message rather than silence.
window.addEventListener('unhandledrejection', (event) => {
  stores.toasts.getState().show(errorMessage(event.reason));
});

stores.start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoresProvider stores={stores}>
      <App />
    </StoresProvider>
  </StrictMode>,
);
