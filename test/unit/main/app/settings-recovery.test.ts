import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openSettingsFile } from '../../../../main/app/bootstrap';
import { createLogger } from '../../../../main/app/logger';
import { createRedactor } from '../../../../main/app/redact';
import { openWithRecovery } from '../../../../main/app/settings-recovery';
import { createSettingsStore } from '../../../../main/app/settings-store';
import { defaultSettings } from '../../../../shared/contract';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

function capturingLogger() {
  const lines: Array<{ level: string; message: string }> = [];
  const logger = createLogger({ redactor: createRedactor(), sink: (line) => lines.push(JSON.parse(line) as { level: string; message: string }) });
  return { logger, lines };
}

describe('settings file recovery', () => {
  it('moves a damaged settings.json aside, keeps its bytes, and starts from defaults', () => {
    const dir = tempDir();
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{"schedule": {"paused": tru');
    const { logger, lines } = capturingLogger();
    const settings = createSettingsStore(openSettingsFile(dir, logger));
    expect(settings.read()).toEqual(defaultSettings);
    const aside = readdirSync(dir).filter((name) => name.startsWith('settings.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe('{"schedule": {"paused": tru');
    expect(lines.some((line) => line.level === 'warn' && /damaged/.test(line.message))).toBe(true);
  });

  it('keeps settings across reopening', () => {
    const dir = tempDir();
    const { logger } = capturingLogger();
    createSettingsStore(openSettingsFile(dir, logger)).write({ ...defaultSettings, schedule: { paused: true, intervalMinutes: 90, cron: '' } });
    expect(createSettingsStore(openSettingsFile(dir, logger)).read().schedule).toEqual({ paused: true, intervalMinutes: 90, cron: '' });
    expect(existsSync(join(dir, 'settings.json'))).toBe(true);
  });

  it('passes on errors that are not about the file (nothing to move)', () => {
    const { logger } = capturingLogger();
    const rename = vi.fn();
    const failing = () => {
      throw new Error('EACCES');
    };
    expect(() => openWithRecovery({ open: failing, file: '/data/settings.json', logger, exists: () => false, rename })).toThrow('EACCES');
    expect(rename).not.toHaveBeenCalled();
  });
});
