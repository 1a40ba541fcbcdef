import type { z } from 'zod';
import { AppError, isMethodName, methods, type FieldIssue, type MethodName, type Methods, type Result } from '../../shared/contract';
import type { Logger } from './ports';

export type Handler<M extends MethodName> = (input: z.output<Methods[M]['input']>) => Promise<z.input<Methods[M]['output']>> | z.input<Methods[M]['output']>;
export type Handlers = { [M in MethodName]: Handler<M> };

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

export function issuesFrom(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function describeIssues(issues: FieldIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
}

/**
 * Turns `(method name, untrusted input)` into a Result. Every host calls through here, so input validation,
 * error shaping and output checking happen once. Unexpected errors are logged with their stack and cross
 * the boundary only as `internal`.
 */
export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return fail(new AppError('unknown_method', `There is no method called "${method}".`));
    }
    const spec = methods[method];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      const issues = issuesFrom(parsed.error);
      return fail(new AppError('validation', `Invalid input for ${method}: ${describeIssues(issues)}`, { issues }));
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const output = spec.output.safeParse(value);
      if (!output.success) {
        logger.error('handler returned output that breaks the contract', { method, issues: issuesFrom(output.error) });
        return fail(new AppError('internal', `Kizuna produced an invalid answer for ${method}. This is a bug; the details are in the log.`));
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (error instanceof AppError) return fail(error);
      logger.error('unexpected error in handler', { method, error });
      return fail(new AppError('internal', `Something went wrong in ${method}. This is a bug; the details are in the log.`));
    }
  };
}

function fail(error: AppError): Result<never> {
  return { ok: false, error: error.toRpcError() };
}
