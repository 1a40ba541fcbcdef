import { XMLBuilder } from 'fast-xml-parser';
import type { EmulatorRequest, EmulatorResponse } from '../common/http-types';

/**
 * One response tree, two wire formats. PMS answers XML unless the client sends `Accept: application/json`
 * (plex-api-spec.description.md, "Content Types"); plex.tv's v2 API does the same. In XML every item is an
 * element named for its kind (`<Video>`, `<Directory>`, `<Track>`) with attributes; in JSON the same items sit
 * in arrays under one key (`Metadata`, `Directory`) with typed values.
 */

export type AttrValue = string | number | boolean | null | undefined;

export interface PlexNode {
  /** The XML element name, e.g. `Video`, `Directory`, `Track`, `MediaContainer`. */
  tag: string;
  /** The JSON array the node joins in its parent (`Metadata` for every library item); defaults to the tag. */
  jsonKey?: string;
  attrs: Record<string, AttrValue>;
  children?: PlexNode[];
}

export function node(tag: string, attrs: Record<string, AttrValue>, children: PlexNode[] = [], jsonKey?: string): PlexNode {
  return { tag, attrs, children, ...(jsonKey ? { jsonKey } : {}) };
}

/** JSON form: attributes as typed properties, children grouped into arrays; empty arrays are left out, as PMS does. */
export function toJson(tree: PlexNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(tree.attrs)) if (value !== undefined) out[name] = value;
  for (const child of tree.children ?? []) {
    const key = child.jsonKey ?? child.tag;
    const list = (out[key] as unknown[] | undefined) ?? [];
    list.push(toJson(child));
    out[key] = list;
  }
  return out;
}

type XmlObject = Record<string, unknown>;

function toXmlObject(tree: PlexNode): XmlObject {
  const out: XmlObject = {};
  for (const [name, value] of Object.entries(tree.attrs)) {
    if (value === undefined || value === null) continue;
    // PMS writes booleans as 1/0 in XML (allowSync="1").
    out[`@_${name}`] = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  }
  // Children of one element name are grouped in order of first appearance; XMLBuilder writes keys in order.
  for (const child of tree.children ?? []) {
    const list = (out[child.tag] as XmlObject[] | undefined) ?? [];
    list.push(toXmlObject(child));
    out[child.tag] = list;
  }
  return out;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });

export function toXml(tree: PlexNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [tree.tag]: toXmlObject(tree) }) as string}\n`;
}

export function wantsJson(request: EmulatorRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.toLowerCase().includes('application/json');
}

/**
 * A PMS answer: `{"MediaContainer": {...}}` as JSON, `<MediaContainer …>` as XML. PMS sends `X-Plex-Protocol: 1.0`
 * and `text/xml;charset=utf-8` for XML (headers quoted in gethomepage/homepage#656).
 */
export function pmsResponse(request: EmulatorRequest, container: PlexNode, headers: Record<string, string> = {}, status = 200): EmulatorResponse {
  const common = { 'x-plex-protocol': '1.0', 'cache-control': 'no-cache', ...headers };
  if (wantsJson(request)) return { status, body: { MediaContainer: toJson(container) }, headers: { ...common, 'content-type': 'application/json' } };
  return { status, body: toXml(container), headers: { ...common, 'content-type': 'text/xml;charset=utf-8' } };
}

const reasons: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 429: 'Too Many Requests' };

/**
 * PMS errors are small HTML pages whatever the Accept header says, e.g. the 401
 * `<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>` with
 * `content-type: text/html` (bstascavage/plexReport#48, iharosi/homebridge-plex-v2#12).
 */
export function pmsError(status: number): EmulatorResponse {
  const reason = reasons[status] ?? 'Error';
  return { status, body: `<html><head><title>${reason}</title></head><body><h1>${status} ${reason}</h1></body></html>`, headers: { 'content-type': 'text/html', 'x-plex-protocol': '1.0' } };
}

/** PMS answers successful actions (scrobble, rate, delete) with 200 and an empty body. */
export function emptyOk(status = 200): EmulatorResponse {
  return { status, headers: { 'x-plex-protocol': '1.0' } };
}
