import type { IncomingMessage, ServerResponse } from 'node:http';
import { isMethodName, resultSchema, type Result } from '../../../shared/contract';
import type { Core } from '../../app/core';
import type { Logger } from '../../app/ports';
import { readBody } from './read-body';
import { sendError, sendJson } from './http-responses';

/** `domain.verb`, as every method in the contract is named; anything else is not worth a lookup. */
const METHOD_NAME = /^[a-z]+\.[a-zA-Z]+$/;

export interface RpcRouteDeps {
  core: Pick<Core, 'dispatch'>;
  logger: Logger;
  maxBodyBytes: number;
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

type Parsed = { ok: true; input: unknown } | { ok: false; problem: string };

function parseInput(body: Buffer): Parsed {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { ok: false, problem: 'The request body is not valid UTF-8 text.' };
  }
  // An empty body is how a method without arguments is most naturally called.
  if (text.trim() === '') return { ok: true, input: {} };
  try {
    return { ok: true, input: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problem: `The request body is not valid JSON: ${(error as Error).message}` };
  }
}

/**
 * `POST /rpc/<method>` with a JSON body: the browser's way into the same dispatcher the desktop app uses.
 * The core's answer, success or failure, goes back as 200 with the Result; only refusals by the
 * transport itself (wrong verb, unknown method, not JSON, too large) get another status.
 */
export async function handleRpc(req: IncomingMessage, res: ServerResponse, name: string, deps: RpcRouteDeps): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 405, 'validation', `Call methods with POST /rpc/${METHOD_NAME.test(name) ? name : '<method>'}.`, { Allow: 'POST' });
    return;
  }
  if (!METHOD_NAME.test(name) || !isMethodName(name)) {
    sendError(res, 404, 'unknown_method', `There is no method called "${name.slice(0, 100)}".`);
    return;
  }
  // A JSON content type cannot be sent by a plain HTML form, so together with the Origin check this
  // shuts the door on cross-site form posts.
  if (!isJson(req.headers['content-type'])) {
    sendError(res, 415, 'validation', 'Send the input as JSON, with the header Content-Type: application/json.');
    return;
  }

  const body = await readBody(req, deps.maxBodyBytes);
  if (body.kind === 'aborted') return;
  if (body.kind === 'too_large') {
    sendError(res, 413, 'too_large', `The request body is larger than the limit of ${deps.maxBodyBytes} bytes.`);
    return;
  }
  const parsed = parseInput(body.body);
  if (!parsed.ok) {
    sendError(res, 400, 'validation', parsed.problem);
    return;
  }

  let result: Result<unknown>;
  try {
    // The dispatcher never throws by contract; this guard keeps a broken promise from killing the request.
    result = resultSchema.parse(await deps.core.dispatch(name, parsed.input)) as Result<unknown>;
  } catch (error) {
    deps.logger.error('rpc dispatch failed outside the dispatcher', { method: name, error });
    sendError(res, 500, 'internal', `Something went wrong in ${name}. This is a bug; the details are in the log.`);
    return;
  }
  if (res.destroyed) return;
  try {
    sendJson(res, 200, result);
  } catch (error) {
    deps.logger.error('rpc result could not be sent as JSON', { method: name, error });
    sendError(res, 500, 'internal', `Kizuna could not send the answer to ${name}. This is a bug; the details are in the log.`);
  }
}
