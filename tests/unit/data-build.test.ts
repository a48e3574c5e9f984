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
const XIAMEN_COUNTIES = ['350203', '350205', '350206', '350211', '350212', '350213'];
const ALL_COUNTIES = [...XIAMEN_COUNTIES, ...QUANZHOU_COUNTIES];

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
  basis: 'documented' | 'assumed' | 'candidate';
  county: string;
  township: string;
  lng: number;
  lat: number;
  positionApproximate: boolean;
  rosterRows: number[];
}

interface Meta {
  cities: { adcode: string; name: string; counties: string[] }[];
  counties: { adcode: string; name: string; city: string; population2020: number }[];
  roster: { row: number; name: string; city: string; county: string | null; outcome: 'facility' | 'duplicate' | 'unplaced'; facility?: string; merged?: boolean; duplicateOf?: number; reason?: string }[];
  facilitiesNotPlaced: { id?: string; name: string; county: string | null; reason: string; rosterRows: number[] }[];
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
const byIdOf = (id: string): Facility => facilities.find((f) => f.id === id)!;
const zones = readJson<FeatureCollection<Polygon | MultiPolygon, { code: string; county: string }>>('zones.geojson').features;

function readCells(adcode: string): CellRow[] {
  const lines = readFileSync(path.join(dataDir, 'population', `${adcode}.csv`), 'utf8').trimEnd().split('\n');
  expect(lines[0]).toBe('h3,population,zone');
  return lines.slice(1).map((line) => {
    const [h3, population, zone] = line.split(',');
    return { h3, population: Number(population), zone };
  });
}
const cellsByCounty = new Map(ALL_COUNTIES.map((c) => [c, readCells(c)]));
const meta = readJson<Meta>('meta.json');
const tablesMd = readFileSync(path.join(dataDir, 'tables.md'), 'utf8');

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

function townshipSums(county: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of cellsByCounty.get(county)!) out.set(r.zone, (out.get(r.zone) ?? 0) + r.population);
  return out;
}

/**
 * The raw WorldPop 1/12° squares ("column,row" from the file's south-west
 * corner) holding populated cells: their WorldPop people and the modelled
 * people of each county in them.
 */
function worldPopSquares(): Map<string, { worldPop: number; counties: Map<string, number> }> {
  const [, ...rows] = readFileSync(path.join(rawDir, 'worldpop', 'fujian_10km_2020.csv'), 'utf8').trim().split(/\r?\n/);
  const boxes = rows.map((r) => r.split(',').map(Number));
  const lng0 = Math.min(...boxes.map((b) => b[0]));
  const lat0 = Math.min(...boxes.map((b) => b[1]));
  const byKey = new Map(boxes.map((b) => [`${Math.round((b[0] - lng0) * 12)},${Math.round((b[1] - lat0) * 12)}`, b]));
  const out = new Map<string, { worldPop: number; counties: Map<string, number> }>();
  for (const [county, cells] of cellsByCounty) {
    for (const r of cells) {
      const [lat, lng] = cellToLatLng(r.h3);
      const i = Math.floor((lng - lng0) * 12);
      const j = Math.floor((lat - lat0) * 12);
      // the file rounds the edges to 5 decimals: take the neighbour whose box holds the centre
      const key = [[i, j], [i - 1, j], [i + 1, j], [i, j - 1], [i, j + 1]]
        .map(([a, b]) => `${a},${b}`)
        .find((k) => {
          const b = byKey.get(k);
          return b !== undefined && lng >= b[0] && lng < b[2] && lat >= b[1] && lat < b[3];
        });
      if (!key) continue;
      const sq = out.get(key) ?? { worldPop: byKey.get(key)![4], counties: new Map() };
      sq.counties.set(county, (sq.counties.get(county) ?? 0) + r.population);
      out.set(key, sq);
    }
  }
  return out;
}

describe('modelled population keeps the 2020 census totals', () => {
  it('永春县 sums to 422,531, 晋江市 to 2,061,551, 泉港区 to 354,296 and 思明区 to 1,073,315', () => {
    expect(sumOf(cellsByCounty.get('350525')!)).toBe(422531);
    expect(sumOf(cellsByCounty.get('350582')!)).toBe(2061551);
    expect(sumOf(cellsByCounty.get('350505')!)).toBe(354296);
    expect(sumOf(cellsByCounty.get('350203')!)).toBe(1073315);
  });

  it('every Quanzhou county and Xiamen district sums to its POPU in the raw census file', () => {
    const census = censusPopulation();
    expect(ALL_COUNTIES).toHaveLength(17);
    for (const c of ALL_COUNTIES) {
      expect(census.get(c), c).toBeGreaterThan(0);
      expect(sumOf(cellsByCounty.get(c)!), c).toBe(census.get(c));
      expect(outlineOf(c).properties.population2020, c).toBe(census.get(c));
      expect(meta.counties.find((m) => m.adcode === c)?.population2020, c).toBe(census.get(c));
    }
  });

  it('every township with a zone has people, and people live only in zoned townships of their county', () => {
    for (const c of ALL_COUNTIES) {
      const actual = townshipSums(c);
      for (const t of townships.filter((x) => x.county === c && x.hasZone)) expect(actual.get(t.code), `${t.code} ${t.name}`).toBeGreaterThan(0);
      expect(actual.size, c).toBe(townships.filter((x) => x.county === c && x.hasZone).length);
    }
  });

  it('WorldPop sets the people of each ~9 km square: inside the region, a square of one county holds its WorldPop people × the county\'s census/WorldPop factor', () => {
    // squares whose populated cells are all of one county, with all 8 neighbours holding people of the region (so no land outside shares them)
    const squares = worldPopSquares();
    const byCounty = new Map<string, number[]>();
    for (const [key, sq] of squares) {
      if (sq.counties.size !== 1) continue;
      const [i, j] = key.split(',').map(Number);
      const around = [-1, 0, 1].flatMap((di) => [-1, 0, 1].map((dj) => `${i + di},${j + dj}`)).filter((k) => k !== key);
      if (!around.every((k) => squares.has(k))) continue;
      const [county, people] = [...sq.counties][0];
      byCounty.set(county, [...(byCounty.get(county) ?? []), people / sq.worldPop]);
    }
    const ratios = [...byCounty.values()].flat();
    expect(ratios.length).toBeGreaterThanOrEqual(50);
    for (const [county, rs] of byCounty) {
      const median = [...rs].sort((a, b) => a - b)[Math.floor(rs.length / 2)];
      // rounding cells to whole people moves a square's sum a little (most in thin 德化); the village-unit model alone is off by 2× and more
      for (const r of rs) expect(Math.abs(r / median - 1), county).toBeLessThan(0.1);
    }
  });

  it('tables.md reports the people WorldPop moved between townships: ½ Σ |with WorldPop − village units alone|, recomputed here', () => {
    for (const c of ALL_COUNTIES) {
      const withZone = townships.filter((t) => t.county === c && t.hasZone && t.villageUnits > 0);
      const before = largestRemainder(
        sumOf(cellsByCounty.get(c)!),
        withZone.map((t) => t.villageUnits),
        withZone.map((t) => t.code),
      );
      const after = townshipSums(c);
      const moved = withZone.reduce((s, t, i) => s + Math.abs((after.get(t.code) ?? 0) - before[i]), 0) / 2;
      const name = outlineOf(c).properties.name;
      const row = tablesMd.split('\n').find((l) => l.startsWith(`| ${c} ${name} | `) && l.includes('→'));
      expect(row, c).toBeDefined();
      expect(row!.split(' | ')[2].split(' (')[0], c).toBe(moved.toLocaleString('en-US'));
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
      expect(f!.basis).toBe('documented');
      expect(f!.kind).toBe('station');
      expect(f!.township).toBe(code);
      expect([f!.lng, f!.lat]).toEqual(townshipByCode.get(code)!.seat);
    }
  });

  it('keep the ids tests and scenario files use: yc-dapu, yc-guiyang, yc-ems-centre, one yc-hc-<code> per Yongchun township but 桃城镇, the 18 placed jj-…', () => {
    const ids = new Set(facilities.map((f) => f.id));
    for (const id of ['yc-dapu', 'yc-guiyang', 'yc-ems-centre']) expect(ids.has(id), id).toBe(true);
    for (const t of townships.filter((x) => x.county === '350525' && x.name !== '桃城镇')) expect(ids.has(`yc-hc-${t.code}`), t.name).toBe(true);
    expect(facilities.filter((f) => f.id.startsWith('jj-'))).toHaveLength(18);
  });

  it('each lies inside its county and stands at its township seat', () => {
    for (const f of facilities) {
      expect(booleanPointInPolygon(point([f.lng, f.lat]), outlineOf(f.county)), f.id).toBe(true);
      expect([f.lng, f.lat], f.id).toEqual(townshipByCode.get(f.township)!.seat);
      expect(townshipByCode.get(f.township)!.county, f.id).toBe(f.county);
    }
    // Yongchun: its plan's 3 and 21 health centres, and 3 more from the roster (中医院, 桃城卫生服务中心, 夹际卫生院)
    expect(facilities.filter((f) => f.county === '350525')).toHaveLength(27);
    for (const c of ALL_COUNTIES) expect(facilities.some((f) => f.county === c && f.status === 'existing'), c).toBe(true);
  });

  it('every roster row is placed, a repeat of an earlier row, or listed as not placed with a reason — none dropped', () => {
    const [header, ...lines] = readFileSync(path.join(rawDir, 'facilities', 'fujian_2020_roster_quanzhou_xiamen.csv'), 'utf8').trim().split(/\r?\n/);
    expect(header.split(',')[3]).toBe('name');
    const raw = lines.map((l, i) => ({ row: i + 2, city: l.split(',')[2], name: l.split(',')[3] }));
    expect(raw.filter((r) => r.city === '350500')).toHaveLength(224);
    expect(raw.filter((r) => r.city === '350200')).toHaveLength(19);
    expect(meta.roster.map((r) => [r.row, r.name])).toEqual(raw.map((r) => [r.row, r.name]));
    const byId = new Map(facilities.map((f) => [f.id, f]));
    const notPlacedIds = new Set(meta.facilitiesNotPlaced.map((n) => n.id).filter(Boolean));
    for (const r of meta.roster) {
      if (r.outcome === 'facility') {
        const placed = byId.get(r.facility!);
        expect(placed !== undefined || notPlacedIds.has(r.facility!), `${r.row} ${r.name}`).toBe(true);
        if (placed) expect(placed.rosterRows, `${r.row} ${r.name}`).toContain(r.row);
      } else if (r.outcome === 'duplicate') {
        expect(raw.find((x) => x.row === r.duplicateOf)?.name, `${r.row}`).toBe(r.name);
        expect(r.duplicateOf!).toBeLessThan(r.row);
      } else {
        expect(r.outcome).toBe('unplaced');
        expect(meta.facilitiesNotPlaced.some((n) => n.rosterRows.includes(r.row) && n.reason !== ''), `${r.row} ${r.name}`).toBe(true);
      }
    }
    // a facility's rosterRows are rows that name it
    for (const f of facilities) for (const row of f.rosterRows) expect(meta.roster.find((r) => r.row === row)?.facility, f.id).toBe(f.id);
  });

  it('永春县医院 of the roster is the county emergency centre, one facility, not two', () => {
    expect(facilities.filter((f) => f.name.startsWith('永春县医院'))).toHaveLength(1);
    expect(byIdOf('yc-ems-centre').rosterRows).toEqual([meta.roster.find((r) => r.name === '永春县医院')!.row]);
    expect(byIdOf('yc-ems-centre').basis).toBe('documented');
  });

  it('the status follows the stated basis: assumed 120 points are existing, candidates disabled', () => {
    for (const f of facilities) {
      if (f.basis === 'assumed') expect(f.status, f.id).toBe('existing');
      else if (f.basis === 'candidate') expect(f.status, f.id).toBe('disabled');
      else expect(['existing', 'proposed'], f.id).toContain(f.status);
    }
  });

  it('roster facilities are assumed 120 points exactly when a county/city general or TCM hospital or a 中心卫生院, outside 永春县 (whose plan names its network)', () => {
    // the city hospitals a hand-checked rule places (the name gives no county)
    const cityHospitals = new Set([
      '福建医大附属第二医院', '泉州市第一医院东街院区', '泉州市第一医院城东院区', '第910医院', '泉州市中医院', '泉州市光前医院',
      '厦门大学附属第一医院', '厦门大学附属中山医院', '厦门医学院附属第二医院', '厦门市第三医院', '厦门市第五医院',
      '复旦大学附属中山医院厦门医院', '厦门市海沧医院', '厦门市中医院', '厦门大学附属翔安医院', '厦门市同安区中医医院',
    ]);
    const countyHospital = (f: Facility) => {
      const county = outlineOf(f.county).properties.name;
      const rest = f.name.replace(/^(泉州市|厦门市)/, '').replace(new RegExp(`^(${county})+`), '').replace(/[（(][^）)]*[）)]/g, '');
      return ['医院', '中医院', '中医医院', '总医院', '区医院'].includes(rest);
    };
    const roster = facilities.filter((f) => /^(qz|xm)-/.test(f.id));
    for (const f of roster) {
      const assumed = f.county !== '350525' && (f.name.includes('中心卫生院') || countyHospital(f) || cityHospitals.has(f.name));
      expect(f.basis, `${f.id} ${f.name}`).toBe(assumed ? 'assumed' : 'candidate');
    }
    // and the plans' own: Jinjiang's named institutions assumed, Yongchun's health centres candidates
    for (const f of facilities.filter((x) => x.id.startsWith('jj-'))) expect(f.basis, f.id).toBe('assumed');
    for (const f of facilities.filter((x) => x.id.startsWith('yc-hc-'))) expect(f.basis, f.id).toBe('candidate');
  });

  it('counts the existing 120 points per city: 泉州市 54 (1 documented + 53 assumed; 126 published), 厦门市 10 (≥ 20 published), as tables.md and the README say', () => {
    const existing = (city: string) => facilities.filter((f) => f.status === 'existing' && meta.cities.find((c) => c.adcode === city)!.counties.includes(f.county));
    expect(existing('350500')).toHaveLength(54);
    expect(existing('350500').filter((f) => f.basis === 'documented')).toHaveLength(1);
    expect(existing('350200')).toHaveLength(10);
    expect(tablesMd).toContain('| **泉州市** | **total** | 224 | 3 | ');
    expect(tablesMd).toMatch(/\| \*\*泉州市\*\* \| \*\*total\*\* \|[^\n]*\| 54 \(1 \+ 53\) \|/);
    expect(tablesMd).toMatch(/\| \*\*厦门市\*\* \| \*\*total\*\* \|[^\n]*\| 10 \(0 \+ 10\) \|/);
    // per county, the table's column is the data's count
    for (const c of ALL_COUNTIES) {
      const row = tablesMd.split('\n').find((l) => l.includes(`| ${c} ${outlineOf(c).properties.name} |`) && !l.includes('→'))!;
      const n = facilities.filter((f) => f.county === c && f.status === 'existing').length;
      expect(row.split(' | ')[6].split(' ')[0], c).toBe(String(n));
    }
  });
});

describe('the README', () => {
  const readme = readFileSync(path.join(dataDir, 'README.md'), 'utf8');

  it('holds every table of tables.md as the build wrote it', () => {
    const tables = tablesMd.split(/\n\n+/).filter((block) => block.startsWith('|'));
    expect(tables).toHaveLength(2);
    for (const table of tables) expect(readme).toContain(table);
  });

  it('names both cities with their counties, as meta.json does', () => {
    expect(meta.cities).toEqual([
      { adcode: '350200', name: '厦门市', counties: XIAMEN_COUNTIES },
      { adcode: '350500', name: '泉州市', counties: QUANZHOU_COUNTIES },
    ]);
    for (const c of meta.counties) expect(readme).toContain(`| ${c.adcode} | ${c.name} | ${c.population2020.toLocaleString('en-US')} |`);
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
