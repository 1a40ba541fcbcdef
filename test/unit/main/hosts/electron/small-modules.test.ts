import { describe, expect, it } from 'vitest';
import { drawAppIcon, appIconPng, encodePng } from '../../../../../main/hosts/electron/app-icon';
import { createAppUrlCheck } from '../../../../../main/hosts/electron/app-url';
import { isPermissionAllowed } from '../../../../../main/hosts/electron/session-policy';

describe('isPermissionAllowed', () => {
  const isAppUrl = createAppUrlCheck();
  it('lets the app page write to the clipboard and nothing else', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://kizuna/index.html', isAppUrl)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://kizuna', isAppUrl)).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'hid', 'usb', 'unknown']) {
      expect(isPermissionAllowed(permission, 'app://kizuna/index.html', isAppUrl), permission).toBe(false);
    }
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/', isAppUrl)).toBe(false);
  });
});

describe('app icon', () => {
  it('draws an opaque tile with transparent corners', () => {
    const size = 64;
    const pixels = drawAppIcon(size);
    const alpha = (x: number, y: number) => pixels[(y * size + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(size / 2, size - 6)).toBe(255);
  });

  it('encodes a valid PNG of the requested size', () => {
    const png = appIconPng(32);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);
    expect(png.subarray(-8, -4).toString('ascii')).toBe('IEND');
  });

  it('rejects sizes it cannot draw and buffers that do not match', () => {
    expect(() => drawAppIcon(4)).toThrow(RangeError);
    expect(() => encodePng(new Uint8Array(3), 1, 1)).toThrow(RangeError);
  });
});
