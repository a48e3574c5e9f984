/** Entry point: starts the coverage worker and renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import '../ui/app.css';
import { App } from '../ui/App.tsx';
import { startApp } from './actions.ts';

const worker = new Worker(new URL('../worker/coverage.worker.ts', import.meta.url), { type: 'module' });
void startApp(worker);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
