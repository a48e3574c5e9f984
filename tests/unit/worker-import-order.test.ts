/**
 * The worker's entry imports early-fetch.ts before any other module, so the
 * first pack's download starts before the rest of the worker's modules are
 * evaluated (ES modules run in import order; the bundle keeps that order).
 * Moving the import down would still work, only later: this keeps it first.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe("the coverage worker's first module", () => {
  it('is early-fetch.ts: the first import of the entry that runs code', () => {
    const source = readFileSync(new URL('../../src/worker/coverage.worker.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)].filter((m) => !m[1]).map((m) => m[2]);
    expect(imports[0]).toBe('./early-fetch.ts');
    expect(imports.length).toBeGreaterThan(3);
  });
});
