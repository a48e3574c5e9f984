/**
 * Global setup of the e2e project: one production build, served by
 * `vite preview` on a free localhost port for every e2e test file.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildAndServe, CHROMIUM_PATH } from '../../scripts/lib/browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Run \`npm run ci\` (installs it with apt-get), ` +
        'or `apt-get install -y --no-install-recommends chromium fonts-noto-cjk`, or set CHROMIUM_PATH.',
    );
  }
  const app = await buildAndServe();
  console.log(`[e2e] built in ${(app.buildMs / 1000).toFixed(1)} s, serving ${app.outDir} at ${app.url}`);
  project.provide('baseUrl', app.url);
  return async () => {
    await app.close();
  };
}
