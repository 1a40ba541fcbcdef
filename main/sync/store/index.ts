/** The sync engine's SQLite state (migration 006): plain functions taking the database, one file per table. */
export * from './bases-repository';
export * from './conflict-answers-repository';
export * from './entries-repository';
export * from './journal-repository';
export * from './list-backups-repository';
export * from './outbox-repository';
export * from './runs-repository';
export { planSchema, sideEntriesSchema, sideEntrySchema, sideStateSchema, writeErrorSchema, writeValuesSchema, type WriteValues } from './state-schema';
