import type { Screen } from '../state/router';
import { DashboardScreen } from './DashboardScreen';
import { isUnbuiltScreen } from './not-built-copy';
import { NotBuiltScreen } from './NotBuiltScreen';
import { SettingsScreen } from './SettingsScreen';

export function ScreenView({ screen }: { screen: Screen }) {
  if (screen === 'dashboard') return <DashboardScreen />;
  if (screen === 'settings') return <SettingsScreen />;
  if (isUnbuiltScreen(screen)) return <NotBuiltScreen screen={screen} />;
  return null;
}
