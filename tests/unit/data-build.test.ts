/**
 * Checks the committed demo data in data/ against the raw sources and the
 * documented model. Reads the files as the app does; only the last test
 * re-runs the build (into a temp dir) to prove it is deterministic.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { cellToLatLng, getResolution, isValidCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { readCensus } from '../../scripts/data/census.ts';
import { parseCsv } from '../../scripts/data/csv.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.join(repoRoot, 'data');
const rawDir = path.resolve(repoRoot, process.env.RAW_DATA_DIR || '../shared/data/raw');

const QUANZHOU_COUNTIES = ['350502', '350503', '350504', '350505', '350521', '350524', '350525', '350526', '350581', '350582', '350583'];

type Outline = Feature<Polygon | MultiPolygon, { adcode: string; name: string; city: string; population2020: number | null }>;

interface Township {
  code: string;
  name: string;
  county: string;
  seat: [number, number] | null;
  villageUnits: number;
  urCodes: Record<string, number>;
  areaType: 'urban' | 'rural';
  hasZone: boolean;
}

interface Facility {
  id: string;
  name: string;
  kind: string;
  status: string;
  county: string;
  township: string;
  lng: number;
  lat: number;
  positionApproximate: boolean;
}

interface CellRow {
  h3: string;
  population: number;
  zone: string;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as T;

const counties = readJson<FeatureCollection<Polygon | MultiPolygon>>('boundaries/counties.geojson').features as Outline[];
const outlineOf = (adcode: string): Outline => {
  const f = counties.find((c) => c.properties.adcode === adcode);
  if (!f) throw new Error(`No outline for ${adcode} in data/boundaries/counties.geojson`);
  return f;
};
const townships = readJson<Township[]>('townships.json');
const townshipByCode = new Map(townships.map((t) => [t.code, t]));
const facilities = readJson<Facility[]>('facilities.json');
const zones = readJson<FeatureCollection<Polygon | MultiPolygon, { code: string; county: string }>>('zones.geojson').features;

function readCells(adcode: string): CellRow[] {
  const lines = readFileSync(path.join(dataDir, 'population', `${adcode}.csv`), 'utf8').trimEnd().split('\n');
  expect(lines[0]).toBe('h3,population,zone');
  return lines.slice(1).map((line) => {
    const [h3, population, zone] = line.split(',');
    return { h3, population: Number(population), zone };
  });
}
const cellsByCounty = new Map(QUANZHOU_COUNTIES.map((c) => [c, readCells(c)]));

/** POPU per county straight from the raw census file (its fields hold no commas). */
function censusPopulation(): Map<string, number> {
  const [header, ...rows] = readFileSync(path.join(rawDir, 'census', 'county_population_2020.csv'), 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  const out = new Map<string, number>();
  for (const row of rows) {
    const f = row.split(',');
    out.set(f[cols.indexOf('CODE')], Number(f[cols.indexOf('POPU')]));
  }
  return out;
}

/** Largest remainder, ties to the smaller key: the rule data/README.md states for township totals. */
function largestRemainder(total: number, weights: number[], keys: string[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map(Math.floor);
  const order = keys.map((_, i) => i).sort((a, b) => quotas[b] - parts[b] - (quotas[a] - parts[a]) || (keys[a] < keys[b] ? -1 : 1));
  let left = total - parts.reduce((s, p) => s + p, 0);
  for (let j = 0; left > 0; j++, left--) parts[order[j]]++;
  return parts;
}

const sumOf = (rows: CellRow[]): number => rows.reduce((s, r) => s + r.population, 0);

describe('modelled population keeps the 2020 census totals', () => {
  it('永春县 sums to 422,531, 晋江市 to 2,061,551 and 泉港区 to 354,296', () => {
    expect(sumOf(cellsByCounty.get('350525')!)).toBe(422531);
    expect(sumOf(cellsByCounty.get('350582')!)).toBe(2061551);
    expect(sumOf(cellsByCounty.get('350505')!)).toBe(354296);
  });

  it('every Quanzhou county sums to its POPU in the raw census file', () => {
    const census = censusPopulation();
    for (const c of QUANZHOU_COUNTIES) {
      expect(census.get(c), c).toBeGreaterThan(0);
      expect(sumOf(cellsByCounty.get(c)!), c).toBe(census.get(c));
      expect(outlineOf(c).properties.population2020, c).toBe(census.get(c));
    }
  });

  it('township totals are the county total split by village-level units with largest remainder', () => {
    for (const c of QUANZHOU_COUNTIES) {
      const withZone = townships.filter((t) => t.county === c && t.hasZone);
      const expected = largestRemainder(
        sumOf(cellsByCounty.get(c)!),
        withZone.map((t) => t.villageUnits),
        withZone.map((t) => t.code),
      );
      const actual = new Map<string, number>();
      for (const r of cellsByCounty.get(c)!) actual.set(r.zone, (actual.get(r.zone) ?? 0) + r.population);
      withZone.forEach((t, i) => {
        expect(actual.get(t.code), `${t.code} ${t.name}`).toBe(expected[i]);
        expect(actual.get(t.code), `${t.code} ${t.name}`).toBeGreaterThan(0);
      });
      expect(actual.size).toBe(withZone.length);
    }
  });
});

describe('townships and seats', () => {
  const yongchun = townships.filter((t) => t.county === '350525');

  it('永春县 has 22 townships including 达埔镇 and 桂洋镇', () => {
    expect(yongchun).toHaveLength(22);
    expect(townshipByCode.get('350525105000')?.name).toBe('达埔镇');
    expect(townshipByCode.get('350525115000')?.name).toBe('桂洋镇');
  });

  it('达埔镇 and 桂洋镇 seats convert to the published WGS84 points within 0.001°', () => {
    const dapu = townshipByCode.get('350525105000')!.seat!;
    const guiyang = townshipByCode.get('350525115000')!.seat!;
    expect(Math.abs(dapu[0] - 118.1623)).toBeLessThan(0.001);
    expect(Math.abs(dapu[1] - 25.3099)).toBeLessThan(0.001);
    expect(Math.abs(guiyang[0] - 118.071)).toBeLessThan(0.001);
    expect(Math.abs(guiyang[1] - 25.4818)).toBeLessThan(0.001);
  });

  it('every seat lies inside its own county outline', () => {
    for (const t of townships) {
      if (!t.seat) continue;
      expect(booleanPointInPolygon(point(t.seat), outlineOf(t.county)), `${t.code} ${t.name}`).toBe(true);
    }
    for (const t of yongchun) expect(booleanPointInPolygon(point(t.seat!), outlineOf('350525')), t.name).toBe(true);
  });

  it('a township has a zone exactly when zones.geojson has its polygon, and never without a seat', () => {
    const zoneCodes = new Set(zones.map((z) => z.properties.code));
    for (const t of townships) {
      expect(zoneCodes.has(t.code), t.code).toBe(t.hasZone);
      if (!t.seat) expect(t.hasZone, t.code).toBe(false);
    }
  });

  it('桃城镇 is urban (17 of 22 units are 121/122) and 桂洋镇 rural', () => {
    const taocheng = yongchun.find((t) => t.name === '桃城镇')!;
    const urbanUnits = (taocheng.urCodes['121'] ?? 0) + (taocheng.urCodes['122'] ?? 0);
    expect(urbanUnits).toBe(17);
    expect(taocheng.villageUnits).toBe(22);
    expect(taocheng.areaType).toBe('urban');
    expect(townshipByCode.get('350525115000')!.areaType).toBe('rural');
  });

  it('a township with exactly half urban-type units is rural (strictly more than half is needed)', () => {
    for (const t of townships) {
      const urban = ['111', '112', '121', '122'].reduce((s, k) => s + (t.urCodes[k] ?? 0), 0);
      const counted = t.villageUnits - (t.urCodes['123'] ?? 0);
      expect(t.areaType, t.code).toBe(2 * urban > counted ? 'urban' : 'rural');
    }
  });
});

describe('population cells', () => {
  it('are valid resolution-9 cells, unique across counties, with population ≥ 1, sorted', () => {
    // plain checks in the loop: ~120k expect() calls would take seconds
    const seen = new Set<string>();
    for (const [c, rows] of cellsByCounty) {
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        if (!isValidCell(r.h3) || getResolution(r.h3) !== 9) throw new Error(`${c}: ${r.h3} is not a resolution-9 cell`);
        if (seen.has(r.h3)) throw new Error(`${c}: ${r.h3} appears twice`);
        seen.add(r.h3);
        if (!Number.isInteger(r.population) || r.population < 1) throw new Error(`${c}: ${r.h3} has population ${r.population}`);
        if (i > 0 && !(rows[i - 1].h3 < r.h3)) throw new Error(`${c}: ${r.h3} is out of order`);
      }
    }
    expect(seen.size).toBeGreaterThan(100_000);
  });

  it('lie with their centre inside their county outline, in a zone of that county', () => {
    for (const [c, rows] of cellsByCounty) {
      const outline = outlineOf(c);
      for (const r of rows) {
        const [lat, lng] = cellToLatLng(r.h3);
        if (!booleanPointInPolygon(point([lng, lat]), outline)) throw new Error(`${c}: ${r.h3} centre is outside the county`);
        const t = townshipByCode.get(r.zone);
        if (!t || t.county !== c || !t.hasZone) throw new Error(`${c}: ${r.h3} has zone ${r.zone}, not a zoned township of the county`);
      }
    }
  });
});

describe('facilities', () => {
  it('have unique ids and approximate positions, sorted by id', () => {
    const ids = facilities.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const f of facilities) expect(f.positionApproximate, f.id).toBe(true);
  });

  it('include 达埔急救站 and 桂洋急救站 as proposed stations at their township seats', () => {
    for (const [name, code] of [
      ['达埔急救站', '350525105000'],
      ['桂洋急救站', '350525115000'],
    ]) {
      const f = facilities.find((x) => x.name === name);
      expect(f, name).toBeDefined();
      expect(f!.status).toBe('proposed');
      expect(f!.kind).toBe('station');
      expect(f!.township).toBe(code);
      expect([f!.lng, f!.lat]).toEqual(townshipByCode.get(code)!.seat);
    }
  });

  it('each lies inside its county and stands at its township seat', () => {
    for (const f of facilities) {
      expect(booleanPointInPolygon(point([f.lng, f.lat]), outlineOf(f.county)), f.id).toBe(true);
      expect([f.lng, f.lat], f.id).toEqual(townshipByCode.get(f.township)!.seat);
    }
    const yongchun = facilities.filter((f) => f.county === '350525');
    expect(yongchun.length).toBe(3 + 21);
    for (const f of yongchun) expect(booleanPointInPolygon(point([f.lng, f.lat]), outlineOf('350525')), f.id).toBe(true);
  });
});

describe('the build', () => {
  it('parses quoted CSV fields (commas, doubled quotes, CRLF)', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n1,,3\r\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', '', '3'],
    ]);
  });

  it('rejects a census file with a bad number, naming file, row and column', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'census-'));
    const file = path.join(dir, 'census', 'county_population_2020.csv');
    try {
      mkdirSync(path.join(dir, 'census'));
      const header = 'CODE,NAME,POPU,POPU_WM,POPU_ETHNIC,POPU_URB,POPU_REG_C,POPU_REG_P,POPU_REG_O';
      writeFileSync(file, `${header}\n350525,永春县,42x531,1,1,1,1,1,1\n`);
      expect(() => readCensus(dir)).toThrow(/county_population_2020\.csv: row 2, column POPU: "42x531" is not a number/);
      writeFileSync(file, 'CODE,NAME\n350525,永春县\n');
      expect(() => readCensus(dir)).toThrow(/row 1 has 2 fields when expected 9/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is deterministic: a fresh run writes the same bytes as the committed data/', () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'data-build-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts'], {
        cwd: repoRoot,
        env: { ...process.env, DATA_OUT_DIR: outDir, RAW_DATA_DIR: rawDir },
        encoding: 'utf8',
        timeout: 55_000,
      });
      expect(run.status, run.stderr).toBe(0);
      const list = (dir: string, prefix = ''): string[] =>
        readdirSync(dir).flatMap((name) =>
          statSync(path.join(dir, name)).isDirectory() ? list(path.join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`],
        );
      const built = list(outDir).sort();
      expect(built).toContain('townships.json');
      expect(built).toContain('population/350525.csv');
      for (const file of built) {
        expect(readFileSync(path.join(outDir, file)).equals(readFileSync(path.join(dataDir, file))), file).toBe(true);
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
