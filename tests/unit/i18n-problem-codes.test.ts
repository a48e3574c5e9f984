import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from '../../src/i18n/index.ts';
import { PROBLEM_CODES } from '../../src/io/problem-codes.ts';

const labels = (language: 'zh-CN' | 'en') => Object.assign({}, ...DICTIONARIES.map((d) => d[language])) as Record<string, string>;

const SCENARIO_FILES = ['scenario-file.ts', 'scenario-schema.ts', 'share-link.ts'];

/** Codes the readers write as literals: `code: 'x'`, `fileError(…, 'x')`, and the row helpers `error(col, 'x', …)` / `warn(…)` / `bad(…, 'x')`. */
function emittedCodes(): Set<string> {
  const found = new Set<string>();
  for (const dir of ['src/io', 'src/worker']) {
    // the scenario file and share link report their own ScenarioErrorCode, not row problems
    const files = readdirSync(dir, { recursive: true }) as string[];
    for (const name of files.filter((f) => f.endsWith('.ts') && !SCENARIO_FILES.includes(f))) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const m of text.matchAll(/\bcode: '([a-z0-9-]+)'/g)) found.add(m[1]);
      for (const m of text.matchAll(/\b(?:warn|error)\([^,()]+(?:\?\? '[a-z]+')?, '([a-z0-9-]+)'/g)) found.add(m[1]);
      for (const line of text.split('\n').filter((l) => /\b(?:fileError|bad)\(/.test(l))) {
        for (const m of line.matchAll(/, '([a-z0-9-]+)'[,)]/g)) found.add(m[1]);
      }
    }
  }
  return found;
}

describe('problem codes of the readers', () => {
  it('every code a reader can emit has a zh-CN and an English label', () => {
    const zh = labels('zh-CN');
    const en = labels('en');
    const missing = PROBLEM_CODES.filter((c) => !zh[`import.code.${c}`]?.trim() || !en[`import.code.${c}`]?.trim());
    expect(missing).toEqual([]);
  });

  it('the list of codes holds every code written in the readers’ source (and is not padded with unused ones)', () => {
    const emitted = emittedCodes();
    // the scan is a second check beside the type: it must find the codes of several styles
    expect(emitted.has('swapped-lnglat')).toBe(true); // warn(column, 'swapped-lnglat', …)
    expect(emitted.has('not-zip')).toBe(true); // fileError(file, …, 'not-zip')
    expect(emitted.has('bad-h3')).toBe(true); // { code: 'bad-h3' }
    const known = new Set<string>(PROBLEM_CODES);
    expect([...emitted].filter((c) => !known.has(c)).sort()).toEqual([]);
    expect(PROBLEM_CODES.filter((c) => !emitted.has(c))).toEqual([]);
  });

  it('no code is listed twice, and Chinese labels differ from the English ones', () => {
    expect(new Set(PROBLEM_CODES).size).toBe(PROBLEM_CODES.length);
    const zh = labels('zh-CN');
    for (const c of PROBLEM_CODES) expect(zh[`import.code.${c}`]).toMatch(/\p{Script=Han}/u);
  });
});
