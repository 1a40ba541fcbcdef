import type { AppInfo } from '../../../shared/contract';

export { serviceLabels } from '../../state/service-labels';

export const hostLabels: Record<AppInfo['host'], string> = {
  electron: 'Desktop app',
  server: 'Headless server (kizuna serve)',
  cli: 'Command line',
};

export const secretStoreLabels: Record<AppInfo['secretStore']['kind'], string> = {
  keychain: 'System keychain',
  'encrypted-file': 'Encrypted file',
  unavailable: 'Unavailable',
};

/** Node's process.platform names, as people know them. */
export function platformLabel(platform: string): string {
  const known: Record<string, string> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux', freebsd: 'FreeBSD' };
  return known[platform] ?? platform;
}

/** Warnings for stores that are not the OS keychain, which is the only place sign-ins belong by design. */
export function secretStoreWarning(kind: AppInfo['secretStore']['kind']): string | null {
  if (kind === 'unavailable') return 'Kizuna cannot keep sign-ins on this machine, so connected accounts will not be remembered.';
  if (kind === 'encrypted-file') return 'Sign-ins are kept in an encrypted file instead of the system keychain.';
  return null;
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
