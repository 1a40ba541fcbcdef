import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { sharedDir } from '../../support/shared-dir';

/** The real published API schemas in the shared folder (../shared/specs beside the project). */
export const specsDir = `${join(sharedDir(), 'specs')}/`;

export interface OpenApiSpec {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

export function loadSpec(fileName: string): OpenApiSpec {
  const text = readFileSync(`${specsDir}${fileName}`, 'utf8');
  return (fileName.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 })) as OpenApiSpec;
}

/** Checks the spec itself is a valid OpenAPI document, as API-NOTES.md says each one is. */
export async function validateSpecDocument(spec: OpenApiSpec): Promise<{ valid: boolean; errors: unknown }> {
  const validator = new Validator();
  const result = await validator.validate(spec as unknown as Parameters<Validator['validate']>[0]);
  return { valid: result.valid, errors: result.errors };
}

function pointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

export interface ResponseCheck {
  valid: boolean;
  errors: string[];
}

/**
 * Validates a response body against the spec's schema for (method, path template, status, content type),
 * resolving $refs inside the spec. OAS 3.0 uses draft-07 semantics plus `nullable`; 3.1 uses 2020-12.
 */
export class ResponseValidator {
  private readonly ajv: Ajv | Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();
  private static readonly specId = 'spec.json';

  constructor(private readonly spec: OpenApiSpec) {
    const options = { strict: false, allErrors: true, validateFormats: true, discriminator: false } as const;
    this.ajv = spec.openapi.startsWith('3.1') ? new Ajv2020(options) : new Ajv(options);
    // ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
    const applyFormats = ((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats) as unknown as (ajv: Ajv | Ajv2020) => void;
    applyFormats(this.ajv);
    const document = spec.openapi.startsWith('3.1') ? spec : nullableToJsonSchema(structuredClone(spec));
    this.ajv.addSchema({ ...(document as object), $id: ResponseValidator.specId } as object);
  }

  /** The JSON pointer of the response schema, or undefined when the spec declares none. */
  schemaPointer(method: string, pathTemplate: string, status: number, contentType = 'application/json'): string | undefined {
    type ResponseObject = { $ref?: string; content?: Record<string, { schema?: unknown }> };
    const operation = this.spec.paths[pathTemplate]?.[method.toLowerCase()] as { responses?: Record<string, ResponseObject> } | undefined;
    if (!operation?.responses) return undefined;
    const statusKey = [String(status), `${String(status)[0]}XX`, 'default'].find((key) => operation.responses?.[key]);
    if (!statusKey) return undefined;
    let base = `#/paths/${pointerSegment(pathTemplate)}/${method.toLowerCase()}/responses/${statusKey}`;
    let response = operation.responses[statusKey];
    // Shared responses (the Plex spec's components/responses) are declared by reference.
    const ref = response?.$ref;
    if (ref?.startsWith('#/components/responses/')) {
      const name = ref.slice('#/components/responses/'.length);
      response = (this.spec.components as { responses?: Record<string, ResponseObject> } | undefined)?.responses?.[name];
      base = `#/components/responses/${pointerSegment(name)}`;
    }
    const content = response?.content;
    if (!content) return undefined;
    // MAL's spec puts the schema under */* and only examples under application/json.
    const mediaType = [contentType, '*/*'].find((type) => content[type]?.schema);
    if (!mediaType) return undefined;
    return `${base}/content/${pointerSegment(mediaType)}/schema`;
  }

  check(method: string, pathTemplate: string, status: number, body: unknown, contentType = 'application/json'): ResponseCheck {
    const pointer = this.schemaPointer(method, pathTemplate, status, contentType);
    if (!pointer) return { valid: false, errors: [`the spec declares no ${contentType} schema for ${method.toUpperCase()} ${pathTemplate} ${status}`] };
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${ResponseValidator.specId}${pointer}` });
      this.compiled.set(pointer, validate);
    }
    const valid = validate(body) as boolean;
    return { valid, errors: (validate.errors ?? []).map(describe) };
  }
}

/**
 * OAS 3.0's `nullable: true` is not JSON Schema, and ajv rejects it where no `type` sits beside it (inside
 * allOf, on a bare $ref); rewrite it the way OAS 3.1 spells it.
 */
function nullableToJsonSchema<T>(node: T): T {
  if (Array.isArray(node)) return node.map(nullableToJsonSchema) as T;
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node as Record<string, unknown>).map(([key, value]) => [key, nullableToJsonSchema(value)] as const);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  if (typeof object.nullable !== 'boolean') return object as T;
  const { nullable, ...rest } = object;
  if (!nullable) return rest as T;
  if (typeof rest.type === 'string') return { ...rest, type: [rest.type, 'null'], ...(Array.isArray(rest.enum) ? { enum: [...rest.enum, null] } : {}) } as T;
  return { anyOf: [rest, { type: 'null' }] } as T;
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || '(root)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`.trim();
}
