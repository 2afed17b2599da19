/**
 * Registers the service worker (installable app, Web Push, and the "Get help now" page offline). Only in production
 * builds: in development Vite serves modules the worker should not cache.
 */
export function registerServiceWorker() {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}
