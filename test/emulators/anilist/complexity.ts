import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * AniList runs webonyx/graphql-php's QueryComplexity rule with a maximum of 500 (API-NOTES §1; the error
 * "Max query complexity should be 500 but got 646." is that rule's text, Saberr-app/Saberr#12). Its default
 * cost is 1 per field plus its children; fragments count every time they are spread, and fields dropped by
 * @skip/@include do not count. Saberr measured 17 per aliased SaveMediaListEntry selecting 9 scalars and two
 * FuzzyDates (9 + 4 + 4, plus 1 for the mutation field itself): exactly the default rule, so AniList adds no
 * per-field multipliers there.
 */

export function complexityErrorMessage(max: number, actual: number): string {
  return `Max query complexity should be ${max} but got ${actual}.`;
}

export function findOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

export function queryComplexity(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  const included = (node: FieldNode | { directives?: FieldNode['directives'] }): boolean => {
    const astNode = node as FieldNode;
    const skip = getDirectiveValues(GraphQLSkipDirective, astNode, variables);
    if (skip?.if === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, astNode, variables);
    return include?.if !== false;
  };

  // Fragment cycles are a validation error, so validated documents cannot loop; the guard protects callers
  // that have not validated yet.
  const selectionCost = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        total += 1 + (selection.selectionSet ? selectionCost(selection.selectionSet, seen) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += selectionCost(selection.selectionSet, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !seen.has(name)) total += selectionCost(fragment.selectionSet, new Set([...seen, name]));
      }
    }
    return total;
  };

  return selectionCost(operation.selectionSet, new Set());
}
