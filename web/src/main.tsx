import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import './app/global.css';
import { initI18n } from './i18n/index.ts';
import { App } from './app/App.tsx';
import { registerServiceWorker } from './features/notifications/pwa.ts';

initI18n();
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
