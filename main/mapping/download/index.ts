export { DEFAULT_MAPPING_URLS, DEFAULT_MAX_BYTES } from './sources';
export { readCopyMeta, mappingsDir, type CopyMeta } from './local-copy';
export { updateMappingData, type MappingSourceStatus, type UpdateMappingDataOptions, type UpdateMappingDataResult } from './update';
