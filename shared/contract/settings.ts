import { z } from 'zod';

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
  }),
  notifications: z.object({
    enabled: z.boolean(),
  }),
  desktop: z.object({
    closeToTray: z.boolean(),
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
  schedule: { paused: false, intervalMinutes: 60 },
  notifications: { enabled: true },
  desktop: { closeToTray: true },
  signIn: { loopbackPort: 47824 },
};

/** A patch names only what changes: any section, any field within it. */
export const settingsPatchSchema = z
  .object({
    appearance: sections.appearance.partial().strict(),
    schedule: sections.schedule.partial().strict(),
    notifications: sections.notifications.partial().strict(),
    desktop: sections.desktop.partial().strict(),
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
    signIn: { ...current.signIn, ...patch.signIn },
  });
}
