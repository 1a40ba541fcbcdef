import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * ../shared/data/mappings (the pinned community mapping data) sits next to the project on the machines that
 * develop it and is absent from a plain clone, CI included. Checks against it are skipped, with a note,
 * where it is missing: the committed catalogue is what the seed relies on there.
 */
export const mappingsDir = resolve(fileURLToPath(new URL('../../../../', import.meta.url)), '../shared/data/mappings');
export const haveMappings = existsSync(resolve(mappingsDir, 'plexanibridge-v2/mappings.json'));
export const mappingsSkipNote = `no mapping data at ${mappingsDir}; this check compares the seed with it and runs only where it exists`;

if (!haveMappings) process.stderr.write(`[kizuna tests] seed: ${mappingsSkipNote}\n`);
