import { ClientError, type GraphQLClient } from 'graphql-request';
import { AppError } from '../../../shared/contract';
import { isoInstant, type EntryPatch, type ListStatus } from '../model/list-entry';
import { parseResponse } from '../model/parse-response';
import { toAppError } from './errors';
import { saveVariables, statusFrom } from './map';
import { saveAlias, saveBatchDocument } from './operations/mutations';
import { savedEntrySchema } from './schemas';

/**
 * Batched SaveMediaListEntry: up to `maxSaveBatch` aliased saves per request (API-NOTES §1 "Several
 * mutations in one request"), and one result per change so one failing item never blocks the rest
 * (DESIGN §5 "Execute").
 *
 * AniList strips `path` from errors, so a failed batch does not say which alias failed. Aliases that came
 * back with data landed; when a batch fails with an item-level error (validation, not found) the changes
 * without data are resent one per request to find the culprit, and only that one gets the error. Errors
 * that concern the whole request (sign-in, rate limit, network) go to every change of the batch.
 */

export interface AnilistChange extends EntryPatch {
  mediaId: number;
  /** The list-entry id when the entry exists; without it AniList creates or updates by mediaId. */
  entryId?: number;
}

export interface SavedEntry {
  entryId: number;
  mediaId: number;
  status: ListStatus;
  score100: number;
  progress: number;
  progressVolumes: number | null;
  repeat: number;
  updatedAt: string;
}

export type SaveResult = { ok: true; saved: SavedEntry } | { ok: false; error: AppError };

export async function saveEntries(graphql: GraphQLClient, changes: readonly AnilistChange[], maxBatch: number, signal?: AbortSignal): Promise<SaveResult[]> {
  const results: SaveResult[] = [];
  for (let start = 0; start < changes.length; start += maxBatch) {
    results.push(...(await saveBatch(graphql, changes.slice(start, start + maxBatch), signal)));
  }
  return results;
}

async function saveBatch(graphql: GraphQLClient, changes: readonly AnilistChange[], signal?: AbortSignal): Promise<SaveResult[]> {
  const results: Array<SaveResult | undefined> = changes.map(() => undefined);
  // A change the app cannot even express (a malformed date) fails alone, before anything is sent.
  const sendable: Array<{ index: number; variables: Record<string, unknown> }> = [];
  changes.forEach((change, index) => {
    try {
      sendable.push({ index, variables: variablesOf(change) });
    } catch (error) {
      results[index] = { ok: false, error: new AppError('validation', `Cannot save AniList media ${change.mediaId}: ${(error as Error).message}.`) };
    }
  });
  if (sendable.length === 0) return results as SaveResult[];

  const variables: Record<string, unknown> = {};
  sendable.forEach((item, position) => {
    for (const [name, value] of Object.entries(item.variables)) variables[`${name}${position}`] = value;
  });
  let data: Record<string, unknown> | null | undefined;
  let failure: AppError | undefined;
  try {
    data = await graphql.request<Record<string, unknown>>({ document: saveBatchDocument(sendable.length), variables, ...(signal ? { signal } : {}) });
  } catch (error) {
    failure = toAppError(error, signal);
    data = error instanceof ClientError ? (error.response.data as Record<string, unknown> | null | undefined) : undefined;
  }

  const missing: typeof sendable = [];
  sendable.forEach((item, position) => {
    const saved = data?.[saveAlias(position)];
    if (saved !== null && saved !== undefined) results[item.index] = { ok: true, saved: savedFrom(saved, position) };
    else missing.push(item);
  });
  if (missing.length > 0) {
    const error = failure ?? new AppError('unavailable', 'AniList answered a save without its result.', { retryable: true });
    const itemLevel = error.code === 'validation' || error.code === 'not_found';
    if (itemLevel && sendable.length > 1) {
      for (const item of missing) {
        const [single] = await saveBatch(graphql, [changes[item.index]!], signal);
        results[item.index] = single;
      }
    } else {
      for (const item of missing) results[item.index] = { ok: false, error };
    }
  }
  return results as SaveResult[];
}

function variablesOf(change: AnilistChange): Record<string, unknown> {
  const { mediaId, entryId, ...patch } = change;
  return { ...(entryId !== undefined ? { id: entryId } : { mediaId }), ...saveVariables(patch) };
}

function savedFrom(value: unknown, position: number): SavedEntry {
  const saved = parseResponse('AniList', savedEntrySchema, value, `save ${saveAlias(position)}`);
  return {
    entryId: saved.id,
    mediaId: saved.mediaId,
    status: statusFrom[saved.status],
    score100: saved.score100 ?? 0,
    progress: saved.progress ?? 0,
    progressVolumes: saved.progressVolumes ?? null,
    repeat: saved.repeat ?? 0,
    updatedAt: isoInstant(saved.updatedAt),
  };
}
