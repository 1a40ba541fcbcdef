import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Every GraphQL operation the app sends to AniList, kept as .graphql files beside this loader so the real
 * client (issue 4) and the contract tests use the same text. Fragments live in ./fragments and are appended
 * to an operation when it (or a fragment it uses) spreads them.
 */

export const operationNames = [
  'Viewer',
  'MediaListCollection',
  'MediaListEntry',
  'SearchMedia',
  'MediaByIds',
  'MediaByMalIds',
  'SaveMediaListEntry',
  'UpdateMediaListEntries',
  'DeleteMediaListEntry',
] as const;

export type OperationName = (typeof operationNames)[number];

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function fragmentText(name: string): string {
  return readFileSync(here(`./fragments/${name}.graphql`), 'utf8');
}

/** Fragment names spread in `text`, in first-use order. */
function spreads(text: string): string[] {
  return [...new Set([...text.matchAll(/\.\.\.\s*([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!).filter((name) => name !== 'on'))];
}

/** `text` followed by every fragment it needs, each once. */
export function withFragments(text: string): string {
  const included = new Set<string>();
  const parts = [text];
  const queue = spreads(text);
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (included.has(name)) continue;
    included.add(name);
    const fragment = fragmentText(name);
    parts.push(fragment);
    queue.push(...spreads(fragment));
  }
  return parts.join('\n');
}

/** The operation document, ready to send as `query`. */
export function loadOperation(name: OperationName): string {
  return withFragments(readFileSync(here(`./${name}.graphql`), 'utf8'));
}

export const saveBatchFields = ['id', 'mediaId', 'status', 'scoreRaw', 'progress', 'progressVolumes', 'repeat', 'private', 'notes', 'startedAt', 'completedAt'] as const;

const fieldTypes: Record<(typeof saveBatchFields)[number], string> = {
  id: 'Int',
  mediaId: 'Int',
  status: 'MediaListStatus',
  scoreRaw: 'Int',
  progress: 'Int',
  progressVolumes: 'Int',
  repeat: 'Int',
  private: 'Boolean',
  notes: 'String',
  startedAt: 'FuzzyDateInput',
  completedAt: 'FuzzyDateInput',
};

/**
 * Several different saves in one request: aliases e0…eN of SaveMediaListEntry, each with its own variables
 * (`$mediaId0`, `$status0`, …). Each alias adds to the query complexity (API-NOTES §1 "Several mutations in
 * one request"); `maxSaveBatch` is how many fit under the cap.
 */
export function saveBatchDocument(count: number): string {
  if (!Number.isInteger(count) || count < 1) throw new Error('a batch needs at least one save');
  const variables: string[] = [];
  const aliases: string[] = [];
  for (let index = 0; index < count; index++) {
    variables.push(...saveBatchFields.map((field) => `$${field}${index}: ${fieldTypes[field]}`));
    const args = saveBatchFields.map((field) => `${field}: $${field}${index}`).join(', ');
    aliases.push(`  e${index}: SaveMediaListEntry(${args}) {\n    ...SavedEntry\n  }`);
  }
  return withFragments(`mutation SaveMediaListEntries(${variables.join(', ')}) {\n${aliases.join('\n')}\n}\n`);
}

/** Variables for saveBatchDocument: entry i's fields become `<field><i>`. */
export function saveBatchVariables(entries: ReadonlyArray<Partial<Record<(typeof saveBatchFields)[number], unknown>>>): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  entries.forEach((entry, index) => {
    for (const field of saveBatchFields) if (entry[field] !== undefined) variables[`${field}${index}`] = entry[field];
  });
  return variables;
}

/** Each alias costs 9 (SavedEntry's 8 fields + 1 for the field itself): 55 × 9 = 495 fits, 56 would not. */
export const maxSaveBatch = 55;
