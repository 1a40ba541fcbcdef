import { z } from 'zod';

/** The closed set of error codes that may cross a host boundary. */
export const errorCodes = [
  'validation',
  'unknown_method',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'network',
  'timeout',
  'unavailable',
  'too_large',
  'internal',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const fieldIssueSchema = z.object({
  /** Dotted path of the offending field, e.g. "schedule.intervalMinutes"; empty for the whole input. */
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const rpcErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  retryable: z.boolean(),
  issues: z.array(fieldIssueSchema).optional(),
});
export type RpcError = z.infer<typeof rpcErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: rpcErrorSchema }),
]);

/** Which codes a caller may retry without changing anything. */
export const retryableByDefault: Record<ErrorCode, boolean> = {
  validation: false,
  unknown_method: false,
  unauthenticated: false,
  forbidden: false,
  not_found: false,
  conflict: false,
  rate_limited: true,
  network: true,
  timeout: true,
  unavailable: true,
  too_large: false,
  internal: false,
};

/** An error meant to reach the user: its message says what happened and what to do. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, options: { retryable?: boolean; issues?: FieldIssue[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryable = options.retryable ?? retryableByDefault[code];
    this.issues = options.issues;
  }

  toRpcError(): RpcError {
    const error: RpcError = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.issues) error.issues = this.issues;
    return error;
  }
}
