import { describe, expect, it } from 'vitest';
import { isDatabaseDown } from './errors.ts';

describe('isDatabaseDown', () => {
  it('recognises a refused connection, an admin shutdown and a terminated connection, also when wrapped', () => {
    expect(isDatabaseDown(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseDown(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseDown(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseDown(new Error('Failed query', { cause: Object.assign(new Error('x'), { code: '57P03' }) }))).toBe(true);
  });

  it('does not treat ordinary query errors as an outage', () => {
    expect(isDatabaseDown(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseDown(new Error('boom'))).toBe(false);
  });
});
