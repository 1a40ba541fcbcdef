import {
  GraphQLEnumType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { findOperation } from '../complexity';

/**
 * Checks that a response's `data` has exactly the shape the schema promises for an operation: every
 * selected field present under its response key and nothing else, non-null fields not null, lists as
 * arrays, scalars of their type (Int a 32-bit integer, Float a finite number…), enums one of their values.
 * graphql-js's own serialisers are too lenient for this (Int accepts "12"), hence a walker of our own.
 *
 * Returns the problems found, each with its path; an empty list means the shape holds.
 */

const scalarChecks: Record<string, (value: unknown) => boolean> = {
  Int: (value) => Number.isInteger(value) && Math.abs(value as number) <= 2 ** 31,
  Float: (value) => typeof value === 'number' && Number.isFinite(value),
  String: (value) => typeof value === 'string',
  Boolean: (value) => typeof value === 'boolean',
  ID: (value) => typeof value === 'string' || Number.isInteger(value),
  FuzzyDateInt: (value) => Number.isInteger(value),
  CountryCode: (value) => typeof value === 'string',
  Json: () => true,
};

export function checkResponseShape(schema: GraphQLSchema, document: DocumentNode, data: unknown, operationName?: string): string[] {
  const operation = findOperation(document, operationName);
  if (!operation) return ['no single operation to check against'];
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return [`the schema has no ${operation.operation} type`];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const problems: string[] = [];

  const checkObject = (type: GraphQLObjectType, value: unknown, selectionSet: SelectionSetNode, path: string) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${path}: expected a ${type.name} object, got ${JSON.stringify(value)}`);
      return;
    }
    const record = value as Record<string, unknown>;
    const expected = new Set<string>();
    const visit = (selections: SelectionSetNode) => {
      for (const selection of selections.selections) {
        if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
        else if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const fragment = fragments.get(selection.name.value);
          if (fragment) visit(fragment.selectionSet);
        } else {
          const key = selection.alias?.value ?? selection.name.value;
          expected.add(key);
          const at = `${path}.${key}`;
          if (!(key in record)) {
            problems.push(`${at}: missing`);
            continue;
          }
          if (selection.name.value === '__typename') {
            if (record[key] !== type.name) problems.push(`${at}: expected "${type.name}"`);
            continue;
          }
          const field = type.getFields()[selection.name.value];
          if (!field) problems.push(`${at}: ${type.name} has no field ${selection.name.value}`);
          else checkValue(field.type, record[key], selection.selectionSet, at);
        }
      }
    };
    visit(selectionSet);
    for (const key of Object.keys(record)) if (!expected.has(key)) problems.push(`${path}.${key}: not selected`);
  };

  const checkValue = (type: GraphQLOutputType, value: unknown, selectionSet: SelectionSetNode | undefined, path: string): void => {
    if (type instanceof GraphQLNonNull) {
      if (value === null || value === undefined) problems.push(`${path}: null for non-null ${String(type)}`);
      else checkValue(type.ofType, value, selectionSet, path);
      return;
    }
    if (value === null) return;
    if (type instanceof GraphQLList) {
      if (!Array.isArray(value)) problems.push(`${path}: expected a list, got ${JSON.stringify(value)}`);
      else value.forEach((item, index) => checkValue(type.ofType, item, selectionSet, `${path}[${index}]`));
    } else if (type instanceof GraphQLScalarType) {
      const check = scalarChecks[type.name];
      if (!check) problems.push(`${path}: no check for scalar ${type.name}`);
      else if (!check(value)) problems.push(`${path}: ${JSON.stringify(value)} is not a ${type.name}`);
    } else if (type instanceof GraphQLEnumType) {
      if (!type.getValues().some((enumValue) => enumValue.name === value)) problems.push(`${path}: ${JSON.stringify(value)} is not a ${type.name}`);
    } else if (type instanceof GraphQLObjectType) {
      if (!selectionSet) problems.push(`${path}: object without a selection`);
      else checkObject(type, value, selectionSet, path);
    } else {
      problems.push(`${path}: abstract type ${String(type)} is not checked; select concrete types`);
    }
  };

  checkObject(root, data, operation.selectionSet, 'data');
  return problems;
}
