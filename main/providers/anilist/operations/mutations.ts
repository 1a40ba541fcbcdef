import { SAVED_ENTRY } from './fragments';

/** Remove an entry by its list-entry id (not the media id). */
export const DELETE_MEDIA_LIST_ENTRY = `
mutation DeleteMediaListEntry($id: Int!) {
  DeleteMediaListEntry(id: $id) {
    deleted
  }
}
`;

/** The SaveMediaListEntry arguments a batch sends, with their GraphQL types. Scores go in as scoreRaw (0-100). */
export const saveArguments = {
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
} as const;

export type SaveArgument = keyof typeof saveArguments;

/** The alias of the i-th save in a batch. */
export const saveAlias = (index: number) => `e${index}`;

/**
 * Several different saves in one request: aliases e0…eN of SaveMediaListEntry, each with its own variables
 * (`$mediaId0`, `$status0`…). AniList has no transport batching (AniList/docs#84), but aliases in one
 * operation work and each adds to the query complexity (API-NOTES §1 "Several mutations in one request").
 * Variables left out are not sent as arguments, so one document serves every mix of changed fields.
 */
export function saveBatchDocument(count: number): string {
  if (!Number.isInteger(count) || count < 1) throw new Error('a batch needs at least one save');
  const names = Object.keys(saveArguments) as SaveArgument[];
  const variables: string[] = [];
  const aliases: string[] = [];
  for (let index = 0; index < count; index++) {
    variables.push(...names.map((name) => `$${name}${index}: ${saveArguments[name]}`));
    const args = names.map((name) => `${name}: $${name}${index}`).join(', ');
    aliases.push(`  ${saveAlias(index)}: SaveMediaListEntry(${args}) {\n    ...SavedEntry\n  }`);
  }
  return `mutation SaveMediaListEntries(${variables.join(', ')}) {\n${aliases.join('\n')}\n}\n${SAVED_ENTRY}`;
}
