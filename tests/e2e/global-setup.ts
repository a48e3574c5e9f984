/**
 * Global setup of the e2e project: one production build, served by
 * `vite preview` on a free localhost port for every e2e test file, and a
 * folder where the files of this run share the CLI reports they compare with.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildAndServe, CHROMIUM_PATH } from '../../scripts/lib/browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** CLI reports of this run, one JSON file per argument list (the code does not change during a run). */
    cliCacheDir: string;
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
  const cliCacheDir = mkdtempSync(path.join(tmpdir(), 'e2e-cli-reports-'));
  project.provide('cliCacheDir', cliCacheDir);
  return async () => {
    await app.close();
    rmSync(cliCacheDir, { recursive: true, force: true });
  };
}
