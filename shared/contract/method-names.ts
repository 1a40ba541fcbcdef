/**
 * The method names alone, free of zod, for code that only routes by name (the preload bundle stays a few
 * kilobytes). methods.ts must declare exactly these; the compiler checks it.
 */
export const methodNames = [
  'app.info',
  'settings.get',
  'settings.update',
  'accounts.list',
  'accounts.connect',
  'accounts.cancel',
  'accounts.connectWithToken',
  'accounts.disconnect',
  'clients.list',
  'clients.set',
  'clients.reset',
  'plex.servers',
  'plex.selectServer',
  'plex.setLibrary',
  'review.list',
  'review.decide',
  'review.search',
  'overrides.list',
  'overrides.delete',
  'overrides.export',
  'overrides.import',
  'mapping.status',
  'mapping.update',
  'sync.status',
  'sync.plan',
  'sync.run',
  'sync.runs',
  'sync.journal',
  'sync.undo',
  'sync.backups',
  'sync.restore',
  'sync.resolveConflict',
  'sync.outbox',
  'sync.edit',
  'sync.pause',
  'sync.resume',
  'library.list',
  'watchlist.list',
  'watchlist.search',
  'watchlist.add',
  'watchlist.remove',
  'watchlist.import',
] as const;

export type MethodName = (typeof methodNames)[number];

const known: ReadonlySet<string> = new Set(methodNames);

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && known.has(name);
}
