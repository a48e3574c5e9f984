import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { runScript } from '../helpers/cli.ts';
import type { SuggestionDocument } from '../../scripts/lib/suggest-format.ts';
import type { TargetSuggestion } from '../../src/core/suggest/suggest.ts';

const suggest = (args: string[]) => {
  const r = runScript('scripts/suggest.ts', args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};

describe('npm run suggest on Yongchun (350525)', () => {
  it('--k 3 prints the question, the before/after, three ranked sites and the quality bound', () => {
    const md = suggest(['--county', '350525', '--k', '3']);
    expect(md).toContain('# 永春县 (350525) 新增站点建议');
    expect(md).toContain('达埔急救站 (proposed 规划)');
    // the brute force of suggest-yongchun.test.ts: 328,346 of 422,531
    expect(md).toContain('| covered 已覆盖 | 328,346 (77.7 %) |');
    const rows = md.split('\n').filter((l) => /^\| [123] \| cell /.test(l));
    expect(rows).toHaveLength(3);
    expect(md).toMatch(/No 3 sites can reach more than \*\*[\d,]+\*\* people newly covered; these reach [\d,]+, \*\*at least \d+\.\d % of the best possible\*\*/);
    expect(md).toContain('bound used: ');
  });

  it('--target 0.95 --format json gives the stations needed, with the public names', () => {
    const doc = JSON.parse(suggest(['--county', '350525', '--target', '95%', '--format', 'json'])) as SuggestionDocument;
    for (const key of ['county', 'question', 'fixedStations', 'result', 'dataNotes']) expect(doc).toHaveProperty(key);
    expect(doc.question).toMatchObject({ mode: 'target', target: 0.95, objective: 'coverage', candidates: 'cells' });
    // Yongchun's three, and the hospitals and central health centres of 安溪, 德化 and 南安 within 20 km of its cells
    expect(doc.fixedStations.map((s) => s.id).sort()).toEqual([
      'qz-350524100000-hosp', 'qz-350524100000-tcm', 'qz-350524104000-hc', 'qz-350526100000-hosp', 'qz-350526100000-tcm',
      'qz-350583108000-hc', 'qz-350583111000-hc', 'qz-350583112000-hosp', 'yc-dapu', 'yc-ems-centre', 'yc-guiyang',
    ]);
    const r = doc.result as TargetSuggestion;
    expect(r.met).toBe(true);
    expect(r.stationsNeeded).toBe(r.picks.length);
    expect(r.after.share).toBeGreaterThanOrEqual(0.95);
    expect(Object.keys(r.picks[0])).toEqual(
      expect.arrayContaining(['rank', 'lng', 'lat', 'h3', 'stationId', 'name', 'zoneCode', 'zoneName', 'populationAdded', 'backupPopulationAdded', 'cumulativeCovered', 'cumulativeShare']),
    );
  });

  it('--candidates health-centres --backup --format csv: one row per named site, with the twice-covered column', () => {
    const csv = suggest(['--county', '350525', '--k', '2', '--candidates', 'health-centres', '--backup', '--format', 'csv']);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(2);
    expect(parsed.data[0].name).toMatch(/卫生院$/);
    expect(parsed.data[0].station_id).toMatch(/^yc-hc-/);
    expect(Number(parsed.data[0].backup_population_added)).toBeGreaterThanOrEqual(0);
  });

  it.each([
    [['--county', '350525'], /exactly one of --k/],
    [['--county', '350525', '--k', '3', '--target', '0.9'], /exactly one of --k/],
    [['--county', '350525', '--k', '0'], /--k must be a whole number/],
    [['--county', '350525', '--target', '1.5'], /--target must be a share/],
    [['--county', '350525', '--k', '2', '--objective', 'speed'], /--objective must be coverage or circle/],
    [['--county', '350525', '--k', '2', '--candidates', 'schools'], /--candidates must be cells or health-centres/],
    [['--county', '350525', '--target', '0.9', '--backup'], /--backup applies to --k only/],
    [['--k', '2'], /Give --county .*--pack <file>, or --zones and --population/],
    [['--county', '999999', '--k', '2'], /Unknown county "999999"/],
    [['--county', '350525', '--k', '2', '--without', 'no-such-station'], /Unknown station id\(s\): no-such-station/],
  ])('bad input %j: a clear message and exit code 2', (args, message) => {
    const r = runScript('scripts/suggest.ts', args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
