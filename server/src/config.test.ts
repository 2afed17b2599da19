import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults for the one-command demo', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', PUBLIC_URL: 'http://localhost:3000', HEARTH_SEED_DEMO: true });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.dataDir).toMatch(/data$/);
  });

  it('lists every bad variable at once instead of stopping at the first', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'http://nope', PUBLIC_URL: 'not a url' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.map((p) => p.split(':')[0]).sort();
      expect(problems).toEqual(['DATABASE_URL', 'PORT', 'PUBLIC_URL', 'REDIS_URL']);
      expect((err as Error).message).toContain('4 problem(s)');
    }
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('accepts an external PostgreSQL and Redis', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/hearth', REDIS_URL: 'redis://cache:6379', HEARTH_SEED_DEMO: 'false' });
    expect(config.DATABASE_URL).toBe('postgres://u:p@db:5432/hearth');
    expect(config.HEARTH_SEED_DEMO).toBe(false);
  });
});
