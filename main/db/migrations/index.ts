import { migration001Accounts } from './001-accounts';
import { migration002AccountSettings } from './002-account-settings';
import { migration003ReadCache } from './003-read-cache';
import { migration004MappingIndex } from './004-mapping-index';
import { migration005MatchOverrides } from './005-match-overrides';
import { migration006Sync } from './006-sync';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** In order. Never edit a released migration: add the next number. */
export const migrations: readonly Migration[] = [migration001Accounts, migration002AccountSettings, migration003ReadCache, migration004MappingIndex, migration005MatchOverrides, migration006Sync];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
