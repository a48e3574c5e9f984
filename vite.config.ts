import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // module workers, so the worker's import() of the file readers becomes its own chunk
  worker: { format: 'es' },
  build: {
    rolldownOptions: {
      output: {
        // the map library and React change far less often than the app: separate files stay cached across releases
        // (React loads with the app; MapLibre when the map is made, src/map/library.ts)
        codeSplitting: {
          groups: [
            // its code only (loaded when the map is made: src/map/library.ts); its stylesheet stays with the app's
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/].*\.[cm]?js$/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        // unit files first, two at a time (the default on two cores is one worker for everything, so they queued behind each other)
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        // headless Chromium against a production build served once by the global setup
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // one file at a time, after the unit files: two browsers at once take twice as long each (CPU-bound)
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
