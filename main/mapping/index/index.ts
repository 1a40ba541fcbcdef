export { replaceSourceIndex, type BuildCounts, type FileProvenance } from './build';
export { loadAnidbHops } from './load-entries';
export { createMappingLookup } from './lookup';
export { indexedFile, listIndexedFiles, type IndexedFile } from './provenance';
