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

  it('has Spanish for the shell, sign in and sign up, help, and the member-facing and safety screens', () => {
    const required = [
      'nav', 'shell', 'auth', 'help', 'errors', 'safety', 'chat', 'direct', 'forums', 'groups', 'sessions', 'calendar', 'matching', 'intake',
      'profile', 'privacy', 'notifications', 'resources', 'directory', 'events', 'rewards', 'outcomes', 'training', 'moderation',
    ] as const;
    expect(required.filter((section) => !(section in es))).toEqual([]);
  });

  // Every section Spanish has must be complete, so a key added in English and forgotten in Spanish fails here
  // instead of quietly showing English in the middle of a Spanish page.
  it('has exactly the English keys in every Spanish section', () => {
    for (const section of Object.keys(es) as (keyof typeof es)[]) {
      const english = leafKeys(en[section], section).sort();
      const spanish = leafKeys(es[section], section).sort();
      expect({ section, missing: english.filter((k) => !spanish.includes(k)), extra: spanish.filter((k) => !english.includes(k)) }).toEqual({ section, missing: [], extra: [] });
    }
  });

  it('keeps the same {{placeholders}} in every Spanish message as in English', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
    const mismatched = leafKeys(es)
      .filter((key) => JSON.stringify(placeholders(lookup(es, key))) !== JSON.stringify(placeholders(lookup(en, key))))
      .map((key) => ({ key, en: placeholders(lookup(en, key)), es: placeholders(lookup(es, key)) }));
    expect(mismatched).toEqual([]);
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
