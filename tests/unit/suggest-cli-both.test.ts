/**
 * npm run suggest --weight both (issue 14: cells weighed by residents, by
 * calls, or both side by side): one run weighted by residents and one by
 * calls, each its own suggestion with its own bound, the same as the two
 * single-weight runs; without imported calls, the calls are modelled from
 * the rules' call rate and the output says so.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { SuggestionDocument } from '../../scripts/lib/suggest-format.ts';
import type { SiteSuggestion } from '../../src/core/suggest/suggest.ts';
import { int } from '../../src/export/format.ts';
import { ROOT, runScript } from '../helpers/cli.ts';

const CALLS = `${ROOT}/data/samples/calls/yongchun-350525-calls-synthetic.csv`;

const suggest = (args: string[]) => {
  const r = runScript('scripts/suggest.ts', ['--county', '350525', '--k', '2', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r;
};
const json = (args: string[]) => JSON.parse(suggest([...args, '--format', 'json']).stdout) as SuggestionDocument;

describe('npm run suggest --weight both on Yongchun (350525)', () => {
  it('with the generated calls: the residents’ and the calls’ suggestions are those of --weight residents and --weight calls run alone', () => {
    const both = json(['--weight', 'both', '--calls', CALLS]);
    const residents = json(['--weight', 'residents', '--calls', CALLS]);
    const calls = json(['--weight', 'calls', '--calls', CALLS]);
    expect(both.question).toMatchObject({ weight: 'both', callsSource: 'imported' });
    expect(both.results!.residents).toEqual(residents.result);
    expect(both.results!.calls).toEqual(calls.result);
    // the calls pull the picks elsewhere than the residents do (else this test could not tell the runs apart)
    expect(calls.result.picks.map((p) => p.h3)).not.toEqual(residents.result.picks.map((p) => p.h3));
    // `result` stays the residents' one, as before the both weight
    expect(both.result).toEqual(both.results!.residents);
  });

  it('Markdown: a section per weight, each with its own covered figures and bound', () => {
    const doc = json(['--weight', 'both', '--calls', CALLS]);
    const md = suggest(['--weight', 'both', '--calls', CALLS]).stdout;
    const [first, second] = md.split('\n---\n');
    expect(first).toContain('— weighted by residents 按居民');
    expect(second).toContain('— weighted by calls 按呼叫');
    expect(second).toContain('imported 120 calls per cell');
    for (const [text, r] of [[first, doc.results!.residents], [second, doc.results!.calls]] as const) {
      const s = r as SiteSuggestion;
      expect(text).toContain(`| covered 已覆盖 | ${int(s.before.covered)} (`);
      expect(text).toContain(s.bound.provenOptimal ? `than ${int(s.bound.value)}` : `more than **${int(s.bound.upperBound)}**`);
    }
  });

  it('CSV: the residents’ rows, then the calls’, with a weight column at the end', () => {
    const doc = json(['--weight', 'both', '--calls', CALLS]);
    const rows = Papa.parse<Record<string, string>>(suggest(['--weight', 'both', '--calls', CALLS, '--format', 'csv']).stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.weight, r.h3])).toEqual([
      ...doc.results!.residents.picks.map((p) => ['residents', p.h3]),
      ...doc.results!.calls.picks.map((p) => ['calls', p.h3]),
    ]);
  });

  it('without imported calls: the calls are modelled (residents × 30 per 1,000 a year), said on stderr and in the text; the same picks, the figures scaled', () => {
    const r = suggest(['--weight', 'both', '--format', 'json']);
    expect(r.stderr).toMatch(/no calls imported: the calls are modelled as residents × 30 per 1,000 a year/);
    const doc = JSON.parse(r.stdout) as SuggestionDocument;
    expect(doc.question.callsSource).toBe('rate');
    const residents = doc.results!.residents as SiteSuggestion;
    const calls = doc.results!.calls as SiteSuggestion;
    expect(calls.picks.map((p) => p.h3)).toEqual(residents.picks.map((p) => p.h3));
    expect(calls.before.covered).toBeCloseTo(residents.before.covered * 0.03, 6);
    expect(calls.after.covered).toBeCloseTo(residents.after.covered * 0.03, 6);
    expect(suggest(['--weight', 'both']).stdout).toContain('calls modelled from the call rate 按呼叫率估算');
  });
});
