import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const STATIC = ['/', '/index.html', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png'];

/**
 * Emits /sw.js at build time: the worker source with the app shell to precache (the entry chunk, everything it
 * imports statically, and styles) and a version derived from them, so every new build installs a fresh worker.
 */
export function hearthServiceWorker(): Plugin {
  return {
    name: 'hearth-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = new Set<string>(STATIC);
      // Everything the entry loads statically, transitively (lazy pages are cached as they are visited).
      const visit = (fileName: string) => {
        const item = bundle[fileName];
        if (!item || files.has(`/${fileName}`)) return;
        files.add(`/${fileName}`);
        if (item.type !== 'chunk') return;
        for (const css of item.viteMetadata?.importedCss ?? []) files.add(`/${css}`);
        for (const imported of item.imports) visit(imported);
      };
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk' && item.isEntry) visit(item.fileName);
        if (item.type === 'asset' && item.fileName.endsWith('.css')) files.add(`/${item.fileName}`);
      }
      const precache = [...files];
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: `const PRECACHE = ${JSON.stringify(precache)};\nconst VERSION = ${JSON.stringify(version)};\n${source}` });
    },
  };
}
