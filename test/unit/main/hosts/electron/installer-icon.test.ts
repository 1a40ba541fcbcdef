import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appIconPng, INSTALLER_ICON_SIZE } from '../../../../../main/hosts/electron/app-icon';

const iconFile = join(import.meta.dirname, '..', '..', '..', '..', '..', 'build', 'icon.png');

describe('build/icon.png', () => {
  it('is the app icon drawing, large enough for every installer (macOS wants 512 px)', () => {
    const expected = appIconPng(INSTALLER_ICON_SIZE);
    // Like a snapshot update: KIZUNA_WRITE_ICON=1 npx vitest run test/unit/main/hosts/electron/installer-icon.test.ts
    if (process.env.KIZUNA_WRITE_ICON === '1') writeFileSync(iconFile, expected);
    expect(INSTALLER_ICON_SIZE).toBeGreaterThanOrEqual(512);
    expect(readFileSync(iconFile).equals(expected), 'build/icon.png is stale: rerun this test with KIZUNA_WRITE_ICON=1').toBe(true);
  });
});
