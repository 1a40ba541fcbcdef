import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { TableSourceName } from '../data/index';

/**
 * The last good copy of each table on disk: `<dataDir>/mappings/<source>.<ext>` beside `<source>.meta.json`
 * (where and when it came from, its validators and hash). Only a file that parsed whole is written, and it is
 * written to a temporary name first and renamed, so a crash never leaves half a copy under the real name.
 */
const metaSchema = z.object({
  url: z.string(),
  file: z.string(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  fetchedAt: z.number(),
  entries: z.number().int().nonnegative(),
});
export type CopyMeta = z.infer<typeof metaSchema>;

export interface LocalCopy {
  meta: CopyMeta;
  text: string;
}

/** UTF-8 without a byte-order mark: JSON.parse refuses one, and some editors save the lists with it. */
export function decodeText(body: Buffer): string {
  return body.toString('utf8').replace(/^\uFEFF/, '');
}

export function mappingsDir(dataDir: string): string {
  return join(dataDir, 'mappings');
}

const metaPath = (dataDir: string, source: TableSourceName): string => join(mappingsDir(dataDir), `${source}.meta.json`);

/** The kept copy's metadata, or null when there is none or it cannot be read (then there is no usable copy). */
export function readCopyMeta(dataDir: string, source: TableSourceName): CopyMeta | null {
  try {
    const parsed = metaSchema.safeParse(JSON.parse(readFileSync(metaPath(dataDir, source), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function readCopy(dataDir: string, source: TableSourceName): LocalCopy | null {
  const meta = readCopyMeta(dataDir, source);
  if (!meta) return null;
  try {
    return { meta, text: decodeText(readFileSync(join(mappingsDir(dataDir), meta.file))) };
  } catch {
    return null;
  }
}

function writeAtomically(path: string, content: string | Buffer): void {
  const temporary = `${path}.partial`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/** Saves a validated file as the new last good copy; the data file first, then the meta that points at it. */
export function writeCopy(dataDir: string, source: TableSourceName, body: Buffer, meta: CopyMeta): void {
  const dir = mappingsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  writeAtomically(join(dir, meta.file), body);
  writeAtomically(metaPath(dataDir, source), `${JSON.stringify(meta, null, 2)}\n`);
  // A copy under another extension (v3 moved from YAML to JSON) is stale now.
  for (const name of readdirSync(dir)) {
    if (name.startsWith(`${source}.`) && name !== meta.file && !name.endsWith('.meta.json')) rmSync(join(dir, name), { force: true });
  }
}
