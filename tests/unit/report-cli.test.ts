import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { CoverageReport } from '../../src/export/report.ts';
import { ROOT, runScript } from '../helpers/cli.ts';

const report = (args: string[]) => {
  const r = runScript('scripts/report.ts', args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
};
const json = (args: string[]) => JSON.parse(report([...args, '--format', 'json'])) as CoverageReport;

describe('npm run report on Yongchun (350525)', () => {
  const r = json(['--county', '350525']);

  it('keeps the public JSON names', () => {
    for (const key of ['county', 'rules', 'totals', 'zones', 'gaps', 'deltas', 'stations', 'cells']) expect(r).toHaveProperty(key);
    expect(Object.keys(r.stations[0])).toEqual(expect.arrayContaining(['id', 'name', 'kind', 'status', 'lng', 'lat']));
    expect(r.county.code).toBe('350525');
  });

  it('counts the 2020 census population of 422,531 over 22 townships', () => {
    expect(r.totals.population).toBe(422_531);
    expect(r.zones).toHaveLength(22);
    expect(r.totals.covered + r.totals.marginal + r.totals.gap).toBe(422_531);
  });

  it('gives Dapu and Guiyang as the before/after, and the "before" equals a run without them', () => {
    expect(r.deltas!.stations.map((s) => s.id).sort()).toEqual(['yc-dapu', 'yc-guiyang']);
    const without = json(['--county', '350525', '--without', 'yc-dapu,yc-guiyang']);
    expect(without.deltas).toBeNull();
    expect(without.totals.covered).toBe(r.deltas!.covered.before);
    expect(without.totals.gap).toBe(r.deltas!.gap.before);
    expect(r.totals.covered).toBe(r.deltas!.covered.after);
    const sumNewly = r.deltas!.stations.reduce((s, x) => s + x.newlyCovered, 0);
    expect(sumNewly).toBe(r.deltas!.covered.change);
  });

  it('with the lenient 20 km rural radius nobody is marginal', () => {
    const lenient = json(['--county', '350525', '--rural-radius', '20']);
    expect(lenient.totals.marginal).toBe(0);
    expect(lenient.totals.covered).toBe(r.totals.covered + r.totals.marginal);
  });

  it('--cells lists every populated cell of the county with its status', () => {
    const withCells = json(['--county', '350525', '--cells']);
    const rows = readFileSync(path.join(ROOT, 'data/population/350525.csv'), 'utf8').trim().split('\n').length - 1;
    expect(withCells.cells).toHaveLength(rows);
    const covered = withCells.cells.filter((c) => c.status === 'covered').reduce((s, c) => s + c.population, 0);
    expect(covered).toBe(r.totals.covered);
  });

  it('CSV has one row per township plus a total', () => {
    const parsed = Papa.parse<Record<string, string>>(report(['--county', '350525', '--format', 'csv']), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(23);
    expect(parsed.data.find((d) => d.zone_name === '达埔镇')).toBeDefined();
    expect(Number(parsed.data[22].population)).toBe(422_531);
  });

  it('Markdown names the before/after and the townships still uncovered', () => {
    const md = report(['--county', '350525']);
    expect(md).toContain('达埔急救站、桂洋急救站');
    expect(md).toContain('Townships not fully covered');
    expect(md).toContain('MODELLED');
  });
});

describe('npm run report on a whole city', () => {
  it('350200 is 厦门市: its 6 districts, the sum of their census totals, each station with its basis', () => {
    const r = json(['--county', '350200']);
    expect(r.county).toEqual({ code: '350200', name: '厦门市', counties: ['350203', '350205', '350206', '350211', '350212', '350213'] });
    // 思明 1,073,315 + 海沧 582,519 + 湖里 1,036,974 + 集美 1,036,987 + 同安 855,920 + 翔安 578,255
    expect(r.totals.population).toBe(5_163_970);
    expect(r.totals.covered + r.totals.marginal + r.totals.gap).toBe(5_163_970);
    expect(r.stations.length).toBeGreaterThan(0);
    for (const s of r.stations) expect(['documented', 'assumed', 'candidate'], s.id).toContain(s.basis);
  });
});

describe('report errors', () => {
  it('an unknown county exits non-zero and lists the valid ones', () => {
    const r = runScript('scripts/report.ts', ['--county', '123456']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Unknown county "123456".*350525 永春县.*350200 厦门市/s);
  });
  it('a bad flag exits non-zero with usage', () => {
    const r = runScript('scripts/report.ts', ['--county', '350525', '--colour', 'red']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Unknown option '--colour'/);
    expect(r.stderr).toContain('Usage:');
  });
  it('an unknown station id exits non-zero', () => {
    const r = runScript('scripts/report.ts', ['--county', '350525', '--without', 'yc-nowhere']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Unknown station id\(s\): yc-nowhere/);
  });
  it('a rural radius outside 10–20 km exits non-zero', () => {
    const r = runScript('scripts/report.ts', ['--county', '350525', '--rural-radius', '30']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--rural-radius must be between 10 and 20/);
  });
});
