import { ScreenFrame } from '../components/ScreenFrame';
import { AccountsCard } from './dashboard/AccountsCard';
import { InstallationCard } from './dashboard/InstallationCard';

export function DashboardScreen() {
  return (
    <ScreenFrame title="Dashboard" description="This installation of Kizuna and the accounts it keeps in step.">
      <div className="card-grid">
        <InstallationCard />
        <AccountsCard />
      </div>
    </ScreenFrame>
  );
}
