import { ScreenFrame } from '../components/ScreenFrame';
import { AccountsCard } from './dashboard/AccountsCard';
import { ActivityCard } from './dashboard/ActivityCard';
import { InstallationCard } from './dashboard/InstallationCard';
import { SyncCard } from './dashboard/SyncCard';

export function DashboardScreen() {
  return (
    <ScreenFrame title="Dashboard" description="Your sync at a glance: when it ran, what it changed, and the accounts it keeps in step.">
      <div className="card-grid">
        <SyncCard />
        <ActivityCard />
        <AccountsCard />
        <InstallationCard />
      </div>
    </ScreenFrame>
  );
}
