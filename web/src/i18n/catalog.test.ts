import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { es } from './es.ts';
import { detectLanguage } from './detect.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
  });
}

function lookup(catalog: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalog);
}

function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogs', () => {
  const used = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*['"`]([^'"`]+)['"`]/g)) used.add(m[1]!);
  }

  it('has an English message for every key the app uses', () => {
    const missing = [...used].filter((key) => {
      if (key.includes('${')) return typeof lookup(en, key.slice(0, key.indexOf('${')).replace(/\.$/, '')) !== 'object';
      return typeof lookup(en, key) !== 'string' && typeof lookup(en, `${key}_other`) !== 'string';
    });
    expect(missing).toEqual([]);
  });

  it('has Spanish for the shell, sign in and sign up, and help', () => {
    for (const section of ['nav', 'shell', 'auth', 'help'] as const) {
      const missing = leafKeys(en[section], section).filter((key) => typeof lookup(es, key) !== 'string');
      expect(missing, section).toEqual([]);
    }
  });

  it('has no Spanish keys that English lacks', () => {
    expect(leafKeys(es).filter((key) => typeof lookup(en, key) !== 'string')).toEqual([]);
  });
});

describe('detectLanguage', () => {
  it('prefers a saved choice, then the first supported browser language', () => {
    expect(detectLanguage('es', ['en-US'])).toBe('es');
    expect(detectLanguage(null, ['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(detectLanguage('xx', ['de'])).toBe('en');
  });
});
