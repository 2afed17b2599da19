import { describe, expect, it } from 'vitest';
import { ApiError, buildHeaders, fieldError, needsFormError, toApiError, toQuery } from './api-client.ts';

describe('api client', () => {
  it('always sends the Hearth client header, and the CSRF token on writes when signed in', () => {
    expect(buildHeaders('POST', true, null)).toMatchObject({ 'x-hearth-client': '1', 'content-type': 'application/json' });
    expect(buildHeaders('POST', true, null)['x-csrf-token']).toBeUndefined();
    expect(buildHeaders('PATCH', true, 'tok')['x-csrf-token']).toBe('tok');
    expect(buildHeaders('GET', false, 'tok')['x-csrf-token']).toBeUndefined();
  });

  it('turns the error body into an ApiError with field problems', () => {
    const err = toApiError(422, { error: { code: 'validation_failed', message: 'One field needs a change', fields: [{ path: 'pseudonym', message: 'Too short' }] } }, 'fallback');
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('validation_failed');
    expect(fieldError(err, 'pseudonym')).toBe('Too short');
    expect(fieldError(err, 'password')).toBeUndefined();
  });

  it('uses the kind fallback message when the body is not an API error', () => {
    expect(toApiError(502, '<html>', 'Please try again').message).toBe('Please try again');
  });

  it('shows a form-level error only when a problem is not next to an input', () => {
    const onlyFields = new ApiError(422, 'validation_failed', 'x', [{ path: 'body', message: 'Empty' }]);
    expect(needsFormError(onlyFields, ['body'])).toBe(false);
    expect(needsFormError(onlyFields, ['title'])).toBe(true);
    expect(needsFormError(new ApiError(409, 'conflict', 'Taken'), ['body'])).toBe(true);
    expect(needsFormError(null, ['body'])).toBe(false);
  });

  it('builds query strings from defined values only', () => {
    expect(toQuery({ topic: 'grief', q: '', lat: 51.5, format: undefined })).toBe('?topic=grief&lat=51.5');
    expect(toQuery({})).toBe('');
  });
});

describe('safeReturnPath', () => {
  it('keeps same-site paths and refuses anything that could leave the site', async () => {
    const { safeReturnPath } = await import('./return-path.ts');
    expect(safeReturnPath('/groups/1?x=2')).toBe('/groups/1?x=2');
    expect(safeReturnPath('//evil.example')).toBe('/groups');
    expect(safeReturnPath('https://evil.example')).toBe('/groups');
    expect(safeReturnPath('/\\evil.example')).toBe('/groups');
    expect(safeReturnPath(null, '/')).toBe('/');
  });
});
