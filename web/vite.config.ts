import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { hearthServiceWorker } from './pwa/vite-plugin.ts';

const api = process.env.HEARTH_API_URL ?? 'http://localhost:3000';
const proxy = {
  '/api': { target: api, changeOrigin: false },
  '/ws': { target: api.replace(/^http/, 'ws'), ws: true },
};

/** The web app. In development (and `vite preview`), API and websocket calls go to the Hearth server on :3000. */
export default defineConfig({
  plugins: [react(), hearthServiceWorker()],
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
  build: { outDir: 'dist', sourcemap: true, target: 'es2022' },
});
