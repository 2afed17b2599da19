import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, CommonErrors, type FieldProblem } from '../errors.ts';

/** The JSON body of every error response. */
export type ErrorBody = { error: { code: string; message: string; fields?: FieldProblem[] } };

/** Maps AppError, validation failures and unknown errors to kind JSON; never leaks internals. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send(errorBody(error.code, error.message, error.fields));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || String(error.validationContext ?? 'body'),
        message: v.message ?? 'This value is not valid.',
      }));
      const summary = fields.length === 1 ? 'One field needs a change' : `${fields.length} fields need a change`;
      return reply.status(422).send(errorBody('validation_failed', `${summary}: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, fields));
    }
    if (error.statusCode === 429) {
      const e = CommonErrors.rateLimited();
      return reply.status(429).send(errorBody(e.code, e.message));
    }
    if (isDatabaseDown(error)) {
      const e = CommonErrors.unavailable();
      request.log.error({ err: error }, 'database unavailable');
      return reply.status(503).header('retry-after', '2').send(errorBody(e.code, e.message));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const message = error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? 'We could not read that request. Please try again; your draft is kept.'
        : error.message;
      return reply.status(error.statusCode).send(errorBody(error.code ?? 'bad_request', message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send(errorBody('internal', 'Something went wrong on our side. Your draft is kept; please try again in a moment.'));
  });
}

export function errorBody(code: string, message: string, fields?: FieldProblem[]): ErrorBody {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', '08006', '08001', '08003']);

/** True for errors that mean PostgreSQL is restarting or unreachable (so the answer is 503, retry). */
export function isDatabaseDown(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const code = (e as { code?: string }).code;
    const message = (e as { message?: string }).message ?? '';
    if ((code && DB_DOWN_CODES.has(code)) || /Connection terminated|timeout exceeded when trying to connect/i.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
