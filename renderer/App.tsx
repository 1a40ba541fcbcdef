import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Sidebar } from './components/Sidebar';
import { ToastRegion } from './components/ToastRegion';
import { screenTitles } from './state/router';
import { useStores } from './state/stores-context';
import { ScreenView } from './screens/ScreenView';

export function App() {
  const { navigation } = useStores();
  const screen = useStore(navigation, (state) => state.screen);
  const main = useRef<HTMLElement>(null);
  const firstScreen = useRef(true);

  useEffect(() => {
    document.title = `${screenTitles[screen]} · Kizuna`;
    // Not on start-up: focus belongs where the browser put it. After navigating, land on the new heading.
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [screen]);

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={() => main.current?.querySelector<HTMLElement>('h1')?.focus()}>
        Skip to content
      </button>
      <Sidebar />
      <main className="content" ref={main}>
        <ErrorBoundary resetKey={screen}>
          <ScreenView screen={screen} />
        </ErrorBoundary>
      </main>
      <ToastRegion />
    </div>
  );
}
