import { z } from 'zod';
import { pairIdSchema, pairSettingsSchema } from './sync';
import { defaultPairs } from './sync-defaults';

export const themeSchema = z.enum(['system', 'light', 'dark']);

const sections = {
  appearance: z.object({
    theme: themeSchema,
  }),
  schedule: z.object({
    paused: z.boolean(),
    intervalMinutes: z
      .number({ error: 'Enter a number of minutes.' })
      .int('Enter whole minutes.')
      .min(15, 'Sync at most every 15 minutes (services limit how often we may ask).')
      .max(24 * 60, 'Sync at least once a day (1440 minutes).'),
    /** A cron expression (for example "0 8,20 * * *") used instead of the interval when set; empty: use the interval. */
    cron: z.string().trim().max(100, 'A cron expression is at most 100 characters.'),
  }),
  notifications: z.object({
    enabled: z.boolean(),
  }),
  desktop: z.object({
    closeToTray: z.boolean(),
  }),
  sync: z.object({
    /** Each pair's fields, directions and conflict rules; a pair left out is off. */
    pairs: z.partialRecord(pairIdSchema, pairSettingsSchema),
    /** Ask before a run that changes more than this share of a list… */
    guardShare: z.number({ error: 'Enter a share from 0 to 1.' }).min(0.01, 'Use at least 1%.').max(1, 'Use at most 100%.'),
    /** …or more than this many of its entries. */
    guardEntries: z.number({ error: 'Enter a number of entries.' }).int('Enter whole entries.').min(1, 'Use at least 1 entry.').max(100000),
    /** Copy AniList entries marked private to services without a private flag (MyAnimeList, Trakt). */
    syncPrivate: z.boolean(),
    /** Let a sync mark episodes unwatched in Plex (progress lowered elsewhere); off by default. */
    plexUnwatch: z.boolean(),
  }),
  signIn: z.object({
    /** The loopback port in every registered redirect URI (http://127.0.0.1:<port>/callback); services match it exactly. */
    loopbackPort: z
      .number({ error: 'Enter a port number.' })
      .int('Enter a whole port number.')
      .min(1024, 'Use a port from 1024 to 65535 (lower ones need administrator rights).')
      .max(65535, 'Use a port from 1024 to 65535.'),
  }),
};

/** Every user preference. Stored copies are normalised field by field (see normalizeSettings). */
export const settingsSchema = z.object(sections).strict();
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  appearance: { theme: 'system' },
  schedule: { paused: false, intervalMinutes: 60, cron: '' },
  notifications: { enabled: true },
  desktop: { closeToTray: true },
  sync: { pairs: defaultPairs, guardShare: 0.2, guardEntries: 50, syncPrivate: false, plexUnwatch: false },
  signIn: { loopbackPort: 47824 },
};

/** A patch names only what changes: any section, any field within it. */
export const settingsPatchSchema = z
  .object({
    appearance: sections.appearance.partial().strict(),
    schedule: sections.schedule.partial().strict(),
    notifications: sections.notifications.partial().strict(),
    desktop: sections.desktop.partial().strict(),
    sync: sections.sync.partial().strict(),
    signIn: sections.signIn.partial().strict(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

type SectionName = keyof Settings;
const sectionNames = Object.keys(sections) as SectionName[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads settings written by any version (or damaged by hand-editing): each field that is valid is kept,
 * each missing or invalid field falls back to its default, unknown fields are dropped.
 */
export function normalizeSettings(stored: unknown): Settings {
  const source = isRecord(stored) ? stored : {};
  const result: Record<string, Record<string, unknown>> = {};
  for (const name of sectionNames) {
    const storedSection = isRecord(source[name]) ? source[name] : {};
    const defaults: Record<string, unknown> = defaultSettings[name];
    const shape: Record<string, z.ZodType> = sections[name].shape;
    const section: Record<string, unknown> = {};
    for (const [field, schema] of Object.entries(shape)) {
      const parsed = schema.safeParse(storedSection[field]);
      section[field] = parsed.success ? parsed.data : defaults[field];
    }
    result[name] = section;
  }
  return settingsSchema.parse(result);
}

export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return settingsSchema.parse({
    appearance: { ...current.appearance, ...patch.appearance },
    schedule: { ...current.schedule, ...patch.schedule },
    notifications: { ...current.notifications, ...patch.notifications },
    desktop: { ...current.desktop, ...patch.desktop },
    sync: { ...current.sync, ...patch.sync },
    signIn: { ...current.signIn, ...patch.signIn },
  });
}
