export * from './errors';
export * from './settings';
export * from './methods';
export * from './events';
export * from './client';
export * from './bridge';
export * from './library';
export * from './watchlist';
