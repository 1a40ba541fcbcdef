import { TABLE_SOURCES } from '../mapping/data/index';
import { updateMappingData, type UpdateMappingDataResult } from '../mapping/download/index';
import { listIndexedFiles } from '../mapping/index/index';
import type { Handlers } from './dispatcher';
import type { CorePorts } from './ports';

/**
 * The ID tables behind the contract: what is in use, and an update on demand (the scheduler will call the
 * same). One update at a time: a second request waits for the running one and gets its answer.
 */
export function createMappingDataHandlers(ports: CorePorts): Pick<Handlers, 'mapping.status' | 'mapping.update'> {
  let running: Promise<UpdateMappingDataResult> | null = null;
  return {
    'mapping.status': () => {
      const files = listIndexedFiles(ports.db).filter((file) => file.source !== 'override');
      const sources = files.map((file) => ({ source: file.source as (typeof TABLE_SOURCES)[number], entries: file.entries, url: file.url, fetchedAt: new Date(file.fetchedAt).toISOString() }));
      const titlesOnly = sources.length === 0;
      return {
        sources,
        titlesOnly,
        message: titlesOnly
          ? 'No ID mapping tables yet: titles are matched by name only, and more items wait for review. Update the tables to match by ids.'
          : `${sources.length} of ${TABLE_SOURCES.length} ID mapping tables in use.`,
      };
    },
    'mapping.update': async () => {
      running ??= updateMappingData({ db: ports.db, dataDir: ports.dataDir, sources: ports.services.config.mappings, logger: ports.logger }).finally(() => {
        running = null;
      });
      return running;
    },
  };
}
