import { describe, expect, it } from 'vitest';
import { applySettingsPatch, defaultSettings, normalizeSettings, settingsPatchSchema } from '../../../shared/contract';

describe('settings', () => {
  it('a patch changes only the fields it names', () => {
    const current = { ...defaultSettings, schedule: { paused: false, intervalMinutes: 30, cron: '' }, appearance: { theme: 'dark' as const } };
    const patch = settingsPatchSchema.parse({ schedule: { paused: true } });
    expect(patch).toEqual({ schedule: { paused: true } });
    expect(applySettingsPatch(current, patch)).toEqual({ ...current, schedule: { paused: true, intervalMinutes: 30, cron: '' } });
  });

  it('rejects unknown fields and out-of-range values in a patch', () => {
    expect(settingsPatchSchema.safeParse({ schedule: { every: 5 } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ schedule: { intervalMinutes: 1 } }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ appearance: { theme: 'pink' } }).success).toBe(false);
  });

  it('normalises a damaged stored copy field by field, keeping what is valid', () => {
    const stored = { schedule: { paused: true, intervalMinutes: 'often' }, appearance: 'dark', extra: { x: 1 } };
    expect(normalizeSettings(stored)).toEqual({ ...defaultSettings, schedule: { paused: true, intervalMinutes: 60, cron: '' } });
    expect(normalizeSettings(null)).toEqual(defaultSettings);
    expect(normalizeSettings([1, 2])).toEqual(defaultSettings);
  });
});
