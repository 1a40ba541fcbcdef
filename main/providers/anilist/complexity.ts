import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { saveBatchDocument } from './operations/mutations';

/**
 * AniList refuses a query whose complexity is over 500 ("Max query complexity should be 500 but got 646.",
 * API-NOTES §1), the text of webonyx/graphql-php's QueryComplexity rule. That rule's default cost is 1 per
 * field plus the cost of its children, with fragments counted at every spread. The batch size of aliased
 * saves is derived from measuring the app's own document with that rule, so changing the SavedEntry fragment
 * changes the batch size instead of silently breaking every batched save.
 */
export const MAX_COMPLEXITY = 500;

/** The webonyx default cost of the document's first operation (no @skip/@include in the app's documents). */
export function documentComplexity(document: DocumentNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const cost = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) total += 1 + (selection.selectionSet ? cost(selection.selectionSet, seen) : 0);
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += cost(selection.selectionSet, seen);
      else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) total += cost(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      }
    }
    return total;
  };
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operation ? cost(operation.selectionSet, new Set()) : 0;
}

export function saveBatchComplexity(count: number): number {
  return documentComplexity(parse(saveBatchDocument(count)));
}

/** How many aliased saves fit under the cap: the cost is linear in the count, so two measurements fix it. */
function measureMaxSaveBatch(): number {
  const one = saveBatchComplexity(1);
  const perAlias = saveBatchComplexity(2) - one;
  const fixed = one - perAlias;
  return Math.max(1, Math.floor((MAX_COMPLEXITY - fixed) / perAlias));
}

export const maxSaveBatch = measureMaxSaveBatch();
