/**
 * The one fetch client. It adds the CSRF headers, parses `{ error: { code, message, fields } }` into an ApiError,
 * and on 401 hands over to the app so it can send the person to sign in with a return path.
 */

export type FieldProblem = { path: string; message: string };

/** An error from the Hearth API (or the network), with a message that is safe and kind to show as-is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;
let networkMessage = 'We could not reach Hearth. Please check your connection and try again; nothing you typed is lost.';

/** Remembers the CSRF token from GET /api/auth/session (null when signed out). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Registers what to do when the API says the session is gone (usually: go to sign in with a return path). */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

/** Lets the app translate the offline message. */
export function setNetworkErrorMessage(message: string) {
  networkMessage = message;
}

export type RequestOptions = { signal?: AbortSignal; /** Do not redirect on 401 (session probes, sign-in). */ allowAnonymous?: boolean };

/** Builds the headers for a request; exported for tests. */
export function buildHeaders(method: string, hasBody: boolean, token: string | null): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'x-hearth-client': '1' };
  if (hasBody) headers['content-type'] = 'application/json';
  if (token && method !== 'GET') headers['x-csrf-token'] = token;
  return headers;
}

/** Turns a failed response body into an ApiError; exported for tests. */
export function toApiError(status: number, body: unknown, fallback: string): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  if (error && typeof error.message === 'string') {
    const fields = Array.isArray(error.fields)
      ? error.fields.filter((f): f is FieldProblem => typeof f?.path === 'string' && typeof f?.message === 'string')
      : [];
    return new ApiError(status, typeof error.code === 'string' ? error.code : 'error', error.message, fields);
  }
  return new ApiError(status, status >= 500 ? 'unavailable' : 'error', fallback);
}

/** Calls the API and returns the parsed JSON body. Throws ApiError. */
export async function apiRequest<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    // A FormData body (file uploads) goes as multipart; the browser sets its content type and boundary.
    const form = typeof FormData !== 'undefined' && body instanceof FormData;
    // A Blob or File is the raw body (streamed uploads), labelled with its own media type.
    const raw = typeof Blob !== 'undefined' && body instanceof Blob ? body : null;
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { ...buildHeaders(method, body !== undefined && !form && !raw, csrfToken), ...(raw ? { 'content-type': raw.type || 'application/octet-stream' } : {}) },
      body: body === undefined ? undefined : form || raw ? (body as BodyInit) : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', networkMessage);
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, parsed, networkMessage);
    if (response.status === 401 && !options.allowAnonymous) {
      csrfToken = null;
      onUnauthorized?.();
    }
    throw error;
  }
  return parsed as T;
}

/** Shorthands. */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, body ?? {}, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, body ?? {}, options),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, undefined, options),
};

/** Builds a query string from defined, non-empty values. */
export function toQuery(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** The message for a field path (e.g. "pseudonym" or "body.pseudonym"), if the server flagged it. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => f.path === field || f.path === `body.${field}` || f.path.startsWith(`${field}.`))?.message;
}

/** Whether an error has field problems not covered by the given inputs (so a summary should show them). */
export function hasUnmappedFieldErrors(error: unknown, fields: string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.fields.some((f) => !fields.some((name) => f.path === name || f.path === `body.${name}` || f.path.startsWith(`${name}.`)));
}

/** Whether to show a form-level error: anything not fully explained by messages next to the given inputs. */
export function needsFormError(error: unknown, fields: string[]): boolean {
  if (!error) return false;
  if (!(error instanceof ApiError) || error.fields.length === 0) return true;
  return hasUnmappedFieldErrors(error, fields);
}
