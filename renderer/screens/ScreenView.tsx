import type { Screen } from '../state/router';
import { AccountsScreen } from './AccountsScreen';
import { DashboardScreen } from './DashboardScreen';
import { HistoryScreen } from './HistoryScreen';
import { MatchesScreen } from './MatchesScreen';
import { LibraryScreen } from './LibraryScreen';
import { WatchlistScreen } from './WatchlistScreen';
import { SettingsScreen } from './SettingsScreen';

export function ScreenView({ screen }: { screen: Screen }) {
  if (screen === 'dashboard') return <DashboardScreen />;
  if (screen === 'settings') return <SettingsScreen />;
  if (screen === 'accounts') return <AccountsScreen />;
  if (screen === 'history') return <HistoryScreen />;
  if (screen === 'matches') return <MatchesScreen />;
  if (screen === 'library') return <LibraryScreen />;
  if (screen === 'watchlist') return <WatchlistScreen />;
  return null;
}
