/**
 * npm run suggest with the location models of issue 14: expected coverage
 * (MEXCLP) and p-center on Yongchun, their JSON names, and the usage errors
 * of options that do not go together.
 */
import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/cli.ts';
import type { SuggestionDocument } from '../../scripts/lib/suggest-format.ts';
import type { MexclpSuggestion, PCenterSuggestion } from '../../src/core/suggest/index.ts';

const suggest = (args: string[]) => {
  const r = runScript('scripts/suggest.ts', args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

describe('npm run suggest --model mexclp | p-center on Yongchun (350525)', () => {
  it('mexclp --format json: q from the call rate and the fleet, expected coverage before/after, the bound above the value', () => {
    const doc = JSON.parse(suggest(['--county', '350525', '--k', '2', '--model', 'mexclp', '--format', 'json'])) as SuggestionDocument;
    expect(doc.question).toMatchObject({ mode: 'sites', k: 2, objective: 'coverage', model: 'mexclp', weight: 'residents', ambulancesPerSite: 1 });
    const r = doc.result as MexclpSuggestion;
    expect(r.model).toBe('mexclp');
    // 30 calls per 1,000 residents a year × 60 minutes, over (the fixed stations' one ambulance each + 2 new) × 525,600 minutes
    const calls = (r.population * 30) / 1000;
    expect(doc.question.busyFraction).toBeCloseTo((calls * 60) / (525_600 * (doc.fixedStations.length + 2)), 9);
    expect(r.picks).toHaveLength(2);
    expect(r.expected.after).toBeGreaterThan(r.expected.before);
    expect(r.expected.after - r.expected.before).toBeCloseTo(r.bound.value, 6);
    expect(r.bound.upperBound).toBeGreaterThanOrEqual(r.bound.value);
  });

  it('--busy-fraction 0 makes expected coverage plain coverage: expected equals covered, before and after', () => {
    const m = JSON.parse(suggest(['--county', '350525', '--k', '2', '--model', 'mexclp', '--busy-fraction', '0', '--candidates', 'health-centres', '--format', 'json'])) as SuggestionDocument;
    const r = m.result as MexclpSuggestion;
    expect(r.expected.before).toBe(r.before.covered);
    expect(r.expected.after).toBeCloseTo(r.after.covered, 6);
  });

  it('p-center on the health centres: the worst distance falls, proven optimal, with a column per pick in CSV', () => {
    const doc = JSON.parse(suggest(['--county', '350525', '--k', '2', '--model', 'p-center', '--candidates', 'health-centres', '--format', 'json'])) as SuggestionDocument;
    const r = doc.result as PCenterSuggestion;
    expect(doc.question.model).toBe('p-center');
    expect(r.unit).toBe('km');
    expect(r.worst.after).not.toBeNull();
    expect(r.worst.after!).toBeLessThanOrEqual(r.worst.before ?? Infinity);
    expect(r.lowerBound).toBeLessThanOrEqual(r.worst.after!);
    const csv = suggest(['--county', '350525', '--k', '2', '--model', 'p-center', '--candidates', 'health-centres', '--format', 'csv']);
    expect(csv.split('\n')[0]).toMatch(/,cumulative_share,worst_after$/);
  });

  it.each([
    [['--target', '0.9', '--model', 'mexclp'], /--model mexclp applies to --k only/],
    [['--k', '2', '--objective', 'p-center'], /--objective must be coverage or circle/],
    [['--k', '2', '--model', 'pcenter'], /--model must be mclp, mexclp or p-center/],
    [['--k', '2', '--model', 'p-center', '--backup'], /--backup applies to --model mclp only/],
    [['--k', '2', '--busy-fraction', '0.2'], /apply to --model mexclp only/],
    [['--k', '2', '--model', 'mexclp', '--busy-fraction', '1'], /--busy-fraction must be from 0 up to/],
    [['--k', '2', '--weight', 'calls'], /--weight calls needs 120 calls imported/],
    [['--k', '2', '--weight', 'visits'], /--weight must be residents, calls or both/],
  ])('refuses %j with exit code 2', (args, message) => {
    const r = runScript('scripts/suggest.ts', ['--county', '350525', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
