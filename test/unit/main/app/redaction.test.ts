import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../main/app/logger';
import { createRedactor } from '../../../../main/app/redact';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

// Credentials as they show up in real traffic; none may survive into a log line.
const leaks: Array<[string, string]> = [
  ['Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.abc', 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9'],
  ['GET https://plex.tv/api/v2/user?X-Plex-Token=AbCdEf123456', 'AbCdEf123456'],
  ['http://127.0.0.1:8765/callback?code=def50200aa11&state=xyz', 'def50200aa11'],
  ['#access_token=tok_9876543210&token_type=Bearer', 'tok_9876543210'],
  ['{"access_token":"mal-at-1234567","refresh_token":"mal-rt-7654321"}', 'mal-rt-7654321'],
  ['{"client_secret":"s3cr3t-client-value"}', 's3cr3t-client-value'],
  ['X-Plex-Token: PlexTok123456', 'PlexTok123456'],
];

describe('log redaction', () => {
  it.each(leaks)('masks %s', (text, secret) => {
    const out = createRedactor().redact(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('masks registered secrets wherever they appear', () => {
    const redactor = createRedactor();
    redactor.register('plain-looking-value-42');
    expect(redactor.redact('error talking to api with plain-looking-value-42 inside')).toBe('error talking to api with [redacted] inside');
  });

  it('writes redacted JSON lines to the log file, including error stacks and nested fields', () => {
    const file = join(tempDir(), 'logs', 'kizuna.log');
    const redactor = createRedactor();
    redactor.register('the-actual-token-value');
    const logger = createLogger({ file, redactor, level: 'debug' });
    logger.error('request failed', { error: new Error('401 for the-actual-token-value'), request: { headers: { Authorization: 'Bearer the-actual-token-value' } } });
    logger.debug('debug line');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('the-actual-token-value');
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'error', message: 'request failed', error: { message: '401 for [redacted]' } });
  });

  it('drops lines below the level', () => {
    const seen: string[] = [];
    const logger = createLogger({ redactor: createRedactor(), level: 'warn', sink: (line) => seen.push(line) });
    logger.info('quiet');
    logger.warn('loud');
    expect(seen).toHaveLength(1);
  });
});
