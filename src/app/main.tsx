/**
 * Entry point, kept small: starts the coverage worker, and in it the first
 * region's pack download and indexing, while the app's own code (React, the
 * panels) is still arriving; then loads and starts the app. MapLibre comes
 * later, when the map is made (src/map/library.ts).
 */
import { startFirstRegion } from './first-region.ts';
import { warmUp } from './warm-up.ts';

const worker = new Worker(new URL('../worker/coverage.worker.ts', import.meta.url), { type: 'module', name: startFirstRegion(window.location) });
void import('./start.tsx').then(({ startPage }) => startPage(worker));
// in a task of its own, while the app's code downloads
setTimeout(warmUp, 0);
