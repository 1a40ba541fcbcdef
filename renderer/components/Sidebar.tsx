import { useStore } from 'zustand';
import { screenHash, screens, screenTitles, type Screen } from '../state/router';
import { useStores } from '../state/stores-context';
import { ConnectionNotice } from './ConnectionNotice';
import { LogoMark, ScreenIcon } from './Icons';

/**
 * Plain links to #/screen: the browser handles Enter, middle-click and history, and the navigation store
 * follows the hashchange. Each link's accessible name is exactly the screen's title.
 */
export function Sidebar() {
  const { navigation } = useStores();
  const current = useStore(navigation, (state) => state.screen);

  return (
    <aside className="sidebar">
      <div className="sidebar__inner">
        <div className="sidebar__brand">
          <LogoMark />
          <span className="sidebar__name">Kizuna</span>
        </div>
        <nav className="sidebar__nav" aria-label="Main">
          <ul className="nav-list">
            {screens.map((screen: Screen) => (
              <li key={screen}>
                <a
                  className="nav-link"
                  href={screenHash(screen)}
                  aria-current={screen === current ? 'page' : undefined}
                >
                  <ScreenIcon screen={screen} />
                  <span>{screenTitles[screen]}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <ConnectionNotice />
      </div>
    </aside>
  );
}
