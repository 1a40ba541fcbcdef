/**
 * Source URIs that name library items (description.md, "Sources"):
 * `server://{machineIdentifier}/com.plexapp.plugins.library/library/metadata/{ratingKeys}`, with a comma list
 * of ratingKeys as python-plexapi builds it for playlists and collections. Plex Web's
 * `library://{sectionUuid}/item/%2Flibrary%2Fmetadata%2F{ratingKey}` form is accepted too.
 */

export type UriResult = { ok: true; ratingKeys: string[] } | { ok: false; reason: 'malformed' | 'other-server' };

const serverUri = /^server:\/\/([a-fA-F0-9-]+)\/com\.plexapp\.plugins\.library(\/library\/metadata\/[^?]+)/;
const libraryUri = /^library:\/\/[^/]+\/(?:item|directory)\/(.+)$/;

export function ratingKeysFromUri(uri: string, machineIdentifier: string): UriResult {
  const server = serverUri.exec(uri);
  if (server) {
    if (server[1] !== machineIdentifier) return { ok: false, reason: 'other-server' };
    return keysFromPath(server[2] ?? '');
  }
  const library = libraryUri.exec(uri);
  if (library) return keysFromPath(decodeURIComponent(library[1] ?? ''));
  return { ok: false, reason: 'malformed' };
}

function keysFromPath(path: string): UriResult {
  const match = /^\/library\/metadata\/([\d,]+)$/.exec(path);
  if (!match?.[1]) return { ok: false, reason: 'malformed' };
  const ratingKeys = match[1].split(',').filter((key) => key !== '');
  return ratingKeys.length > 0 ? { ok: true, ratingKeys } : { ok: false, reason: 'malformed' };
}
