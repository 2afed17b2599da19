import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CreateResourceBody } from './resources.schemas.ts';

/** Where the starter library lives: markdown files with a small front matter, written by the Hearth team. */
export const LIBRARY_DIR = fileURLToPath(new URL('./library', import.meta.url));

const StarterItem = CreateResourceBody.extend({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  summary: z.string().min(1),
  body: z.string().min(1),
  /** `generated:<name>`: media the installer renders itself (no binary files in the repository). */
  media: z.enum(['generated:paced-breathing']).optional(),
});
export type StarterItem = z.infer<typeof StarterItem>;

const StarterCollection = z.object({
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  language: z.enum(['en', 'es']),
  items: z.array(z.string()).min(1),
});
export type StarterCollection = z.infer<typeof StarterCollection>;

const LIST_FIELDS = new Set(['topics', 'tags', 'audience']);

/** Splits `---` front matter (one `key: value` per line; lists comma-separated) from the markdown body. */
export function parseFrontMatter(text: string): { fields: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
  if (!match) throw new Error('missing front matter');
  const fields: Record<string, unknown> = {};
  for (const line of match[1]!.split('\n')) {
    const at = line.indexOf(':');
    if (at < 0) continue;
    const key = line.slice(0, at).trim();
    let value = line.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (LIST_FIELDS.has(key)) fields[key] = value.split(',').map((v) => v.trim()).filter(Boolean);
    else if (key === 'duration') fields.durationMinutes = Number(value);
    else fields[key] = value;
  }
  return { fields, body: match[2]!.trim() + '\n' };
}

/** Reads and validates every starter item and collection; throws naming the file at fault. */
export function loadStarterLibrary(dir = LIBRARY_DIR): { items: StarterItem[]; collections: StarterCollection[] } {
  const items = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const { fields, body } = parseFrontMatter(fs.readFileSync(path.join(dir, file), 'utf8'));
      const parsed = StarterItem.safeParse({ ...fields, body });
      if (!parsed.success) throw new Error(`starter library ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
  const collections = z.array(StarterCollection).parse(JSON.parse(fs.readFileSync(path.join(dir, 'collections.json'), 'utf8')));
  const slugs = new Set(items.map((i) => i.slug));
  for (const c of collections) {
    for (const s of c.items) if (!slugs.has(s)) throw new Error(`collection ${c.slug} lists unknown item ${s}`);
  }
  return { items, collections };
}

/**
 * A gentle paced-breathing guide as an 8 kHz mono WAV: a soft tone rises for 4 s (breathe in) and falls for 6 s
 * (breathe out), six times. Rendered, not recorded, so the repository ships no binary media.
 */
export function renderPacedBreathingWav(cycles = 6, sampleRate = 8000): Buffer {
  const inhale = 4 * sampleRate;
  const exhale = 6 * sampleRate;
  const total = cycles * (inhale + exhale);
  const data = Buffer.alloc(total);
  let phase = 0;
  for (let i = 0; i < total; i++) {
    const t = i % (inhale + exhale);
    const rising = t < inhale;
    const progress = rising ? t / inhale : (t - inhale) / exhale;
    const freq = rising ? 196 + 98 * progress : 294 - 98 * progress;
    // Fade in and out at each turn so there are no clicks; quiet overall.
    const edge = Math.min(progress, 1 - progress, 0.1) / 0.1;
    phase += (2 * Math.PI * freq) / sampleRate;
    data[i] = Math.round(128 + 40 * edge * Math.sin(phase));
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + total, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate, 28); // byte rate (8-bit mono)
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(total, 40);
  return Buffer.concat([header, data]);
}
