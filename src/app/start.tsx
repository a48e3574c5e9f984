/** The app proper, loaded by the entry (main.tsx) once the worker is started: opens the first region and renders. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import '../ui/app.css';
import { App } from '../ui/App.tsx';
import { startApp } from './actions.ts';
import { openPackUrl } from './region-actions.ts';
import { setState, useStore } from './store.ts';
import { keepScenarios, openSharedLink } from './scenario-actions.ts';
import { keptRegionInfo } from './user-region-storage.ts';

// a share link opens its scenario; the hash is cleared so a reload opens the autosave, not the link again
const clearHash = () => history.replaceState(null, '', window.location.pathname + window.location.search);

/**
 * What the address opens instead of the default region: a region pack named by
 * ?pack=URL (a failure shows in the region dialog, and the default region
 * opens), then a share link's scenario (which may be for that pack's region).
 */
async function openFromAddress(): Promise<boolean> {
  const pack = new URLSearchParams(window.location.search).get('pack');
  const packOpened = pack ? await openPackUrl(pack) : false;
  if (pack && !packOpened) setState({ newRegionOpen: true });
  const linked = await openSharedLink(window.location.hash, clearHash);
  return packOpened || linked;
}

/** Starts the app on the coverage worker the entry made. */
export function startPage(worker: Worker): void {
  keepScenarios();
  void startApp(worker, openFromAddress);
  // the user's own region kept in this browser is offered in the region list
  void keptRegionInfo().then((info) => setState({ savedUserRegion: info }));
  // a link pasted into the address bar of the open app changes only the hash
  window.addEventListener('hashchange', () => void openSharedLink(window.location.hash, clearHash));

  // the scenario version on the page's root element, written as the store changes (not after React renders):
  // tests and benchmarks compare it with the results panel's data-version to know the figures are current
  useStore.subscribe((s) => {
    document.documentElement.dataset.scenarioVersion = String(s.scenarioVersion);
  });
  // read-only view of the state for end-to-end tests and benchmarks (the worker's per-cell result, the dataset)
  (window as unknown as { __emsState: () => unknown }).__emsState = () => useStore.getState();

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
