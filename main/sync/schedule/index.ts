/**
 * The sync schedule (issue: interval or cron, catch-up after sleep or being offline, pause and resume).
 * Hosts create one scheduler around the same sync engine that "Sync now" and `kizuna sync` call.
 */
export { MIN_SYNC_GAP_MINUTES, nextRunAt, usesCron, validateCron, type ScheduleSettings, type ScheduleTiming } from './next-run';
export { createSyncScheduler, MAX_STEP_MS, type SyncRunReason, type SyncScheduler, type SyncSchedulerDeps, type SyncSchedulerStatus } from './sync-scheduler';
