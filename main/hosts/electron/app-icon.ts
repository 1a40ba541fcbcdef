import { crc32, deflateSync } from 'node:zlib';

/**
 * Kizuna's icon, drawn in code so the window, the tray and the installers share one source and no image
 * file has to be found inside the asar. build/icon.png is this drawing at INSTALLER_ICON_SIZE; a test
 * checks that it is current (run it with KIZUNA_WRITE_ICON=1 to redraw the file after changing this one).
 * Two linked rings, "kizuna" being a bond between people, on an indigo tile.
 */
export const INSTALLER_ICON_SIZE = 512;

type Rgba = readonly [number, number, number, number];

const TILE: Rgba = [79, 70, 229, 255];
const LEFT_RING: Rgba = [255, 255, 255, 255];
const RIGHT_RING: Rgba = [249, 168, 212, 255];
const CLEAR: Rgba = [0, 0, 0, 0];
const SAMPLES = 4;

function insideRoundedTile(x: number, y: number): boolean {
  const margin = 0.04;
  const radius = 0.22;
  const cx = Math.min(Math.max(x, margin + radius), 1 - margin - radius);
  const cy = Math.min(Math.max(y, margin + radius), 1 - margin - radius);
  return x >= margin && x <= 1 - margin && y >= margin && y <= 1 - margin && Math.hypot(x - cx, y - cy) <= radius;
}

function onRing(x: number, y: number, centerX: number): boolean {
  const distance = Math.hypot(x - centerX, y - 0.5);
  return Math.abs(distance - 0.2) <= 0.055;
}

/** Colour at a point of the unit square; where the rings cross, each passes over the other once, like a chain. */
function colourAt(x: number, y: number): Rgba {
  if (!insideRoundedTile(x, y)) return CLEAR;
  const left = onRing(x, y, 0.39);
  const right = onRing(x, y, 0.61);
  if (left && right) return y < 0.5 ? LEFT_RING : RIGHT_RING;
  if (left) return LEFT_RING;
  if (right) return RIGHT_RING;
  return TILE;
}

/** Straight (non-premultiplied) RGBA pixels, supersampled so edges stay smooth at tray sizes. */
export function drawAppIcon(size: number): Uint8Array {
  if (!Number.isInteger(size) || size < 8 || size > 2048) throw new RangeError(`icon size must be an integer from 8 to 2048, not ${size}`);
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [cr, cg, cb, ca] = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const offset = (py * size + px) * 4;
      pixels[offset] = a ? Math.round(r / a) : 0;
      pixels[offset + 1] = a ? Math.round(g / a) : 0;
      pixels[offset + 2] = a ? Math.round(b / a) : 0;
      pixels[offset + 3] = Math.round(a / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A minimal PNG encoder (8-bit RGBA, no filtering): enough for an icon, no image library needed. */
export function encodePng(pixels: Uint8Array, width: number, height: number): Buffer {
  if (pixels.length !== width * height * 4) throw new RangeError('pixel buffer does not match the image size');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0;
    rows.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array())]);
}

export function appIconPng(size: number): Buffer {
  return encodePng(drawAppIcon(size), size, size);
}
