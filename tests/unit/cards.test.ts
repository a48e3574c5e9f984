/**
 * The pure helpers behind the details cards: a typed coordinate pair, a
 * source cited by title and number, the demo's English provenance read in
 * Chinese, the region caveats, one cell described by the core (against a
 * brute-force nearest station), and the township zoom margin.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import gcoord from 'gcoord';
import { gridPathCells, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3HalvesOf } from '../../src/core/h3-bits.ts';
import { ROOT } from '../../scripts/lib/browser.ts';
import { describeCell } from '../../src/core/describe-cell.ts';
import { createEngine } from '../../src/core/evaluate.ts';
import { gapGroups } from '../../src/core/gaps.ts';
import { haversineKm } from '../../src/core/geo.ts';
import { makeRules, maxRuleRadiusKm } from '../../src/core/rules.ts';
import type { Station } from '../../src/core/types.ts';
import { readFacilities, readTownships } from '../../src/io/demo-files.ts';
import { readLngLat } from '../../src/io/lnglat-text.ts';
import { withoutProvenance } from '../../src/io/scenario-schema.ts';
import { padBounds } from '../../src/map/focus.ts';
import { cellAtPoint } from '../../src/map/point-pick.ts';
import { noteText, positionText, sourceText } from '../../src/ui/cards/provenance.ts';
import { isAssumedPoint } from '../../src/ui/cards/provenance-text.ts';
import { regionCaveats } from '../../src/ui/cards/region-caveats.ts';
import { SEED_DOCUMENTS } from '../../src/ui/cards/seed-documents.ts';
import { translate, type Translate } from '../../src/ui/i18n.ts';
import { centre, grid, stationFrom, zone } from '../helpers/tiny.ts';

const facilities = readFacilities(readFileSync(path.join(ROOT, 'data/facilities.json'), 'utf8'));
const townships = readTownships(readFileSync(path.join(ROOT, 'data/townships.json'), 'utf8'));
const zh: Translate = (key, params) => translate('zh-CN', key, params);
const en: Translate = (key, params) => translate('en', key, params);
/** Latin words of three letters or more: English left in a Chinese text (standards such as WGS84 and GCJ-02 excepted). */
const englishWords = (text: string) => (text.replace(/WGS84|GCJ-02/g, '').match(/[A-Za-z]{3,}/g) ?? []);
const HASHED_FILE = /\d{3}_[0-9a-f]{16}\.txt/;

describe('typed coordinates', () => {
  it('reads "lng, lat" with a comma, a Chinese comma or spaces', () => {
    for (const text of ['118.1623, 25.3099', '118.1623，25.3099', ' 118.1623 25.3099 ', '118.1623;25.3099']) {
      expect(readLngLat(text, 'WGS84'), text).toEqual({ ok: true, lng: 118.1623, lat: 25.3099 });
    }
  });

  it('converts GCJ-02 to WGS84 as gcoord does', () => {
    const r = readLngLat('118.1672, 25.3072', 'GCJ02');
    const [lng, lat] = gcoord.transform([118.1672, 25.3072], gcoord.GCJ02, gcoord.WGS84);
    expect(r).toEqual({ ok: true, lng, lat });
    // the GCJ-02 offset near Yongchun is a few hundred metres
    expect(r.ok && haversineKm(r.lng, r.lat, 118.1672, 25.3072)).toBeGreaterThan(0.3);
  });

  it('refuses empty text, one number, words, out-of-range values and latitude first', () => {
    expect(readLngLat('  ', 'WGS84')).toEqual({ ok: false, problem: 'empty' });
    expect(readLngLat('118.16', 'WGS84')).toEqual({ ok: false, problem: 'format' });
    expect(readLngLat('118.16, 25.3, 4', 'WGS84')).toEqual({ ok: false, problem: 'format' });
    expect(readLngLat('东经118, 北纬25', 'WGS84')).toEqual({ ok: false, problem: 'format' });
    expect(readLngLat('118.16, 95', 'WGS84')).toEqual({ ok: false, problem: 'range' });
    expect(readLngLat('200, 25', 'WGS84')).toEqual({ ok: false, problem: 'range' });
    expect(readLngLat('25.3099, 118.1623', 'WGS84')).toEqual({ ok: false, problem: 'swapped' });
  });
});

describe('sources, notes and position sources of the demo facilities', () => {
  it('every source names its document by title (and number), never by the hashed file name, in both languages', () => {
    for (const s of facilities) {
      for (const [t, english] of [[zh, false], [en, true]] as const) {
        const text = sourceText(s.source, t, english);
        expect(text, s.id).not.toMatch(HASHED_FILE);
        const doc = SEED_DOCUMENTS.find((d) => s.source!.startsWith(d.file))!;
        expect(text, s.id).toContain(english ? doc.titleEn : doc.title);
        if (doc.number) expect(text, s.id).toContain(doc.number);
      }
    }
  });

  it('the Yongchun stations cite 永政办〔2024〕44号 task 14 with its quote', () => {
    const dapu = facilities.find((s) => s.id === 'yc-dapu')!;
    expect(sourceText(dapu.source, zh, false)).toBe(
      '《永春县进一步完善医疗卫生服务体系实施方案》（永政办〔2024〕44号） 二(四) 第14项任务及附件第17项：“构建安全高效的院前医疗急救网络，结合达埔卫生院新院建设，2025年，完成永春县急救中心达埔急救站、桂洋急救站设置工作”',
    );
  });

  it('the Chinese source, note and position texts of every facility carry no English', () => {
    for (const s of facilities) {
      for (const text of [sourceText(s.source, zh, false), noteText(s.note, zh), positionText(s, s.positionSource, zh)]) {
        expect(englishWords(text), `${s.id}: ${text}`).toEqual([]);
      }
    }
  });

  it('the Jinjiang "assumed 120 point" note reads in Chinese in the Chinese UI and in English in the English UI', () => {
    // the 18 institutions the Jinjiang plan names that have a township seat (3 of its 21 have none)
    const jj = facilities.filter((s) => s.id.startsWith('jj-'));
    expect(jj.length).toBe(18);
    for (const s of jj) {
      expect(isAssumedPoint(s), s.id).toBe(true);
      expect(noteText(s.note, zh)).toMatch(/^假定的 120 急救点：晋江市/);
      expect(noteText(s.note, en)).toMatch(/^Assumed 120 point: the sites of Jinjiang/);
    }
    // Yongchun's health centres are switched off, not assumed
    expect(facilities.filter((s) => s.county === '350525' && isAssumedPoint(s))).toEqual([]);
  });

  it('the roster facilities say in both languages whether they are assumed 120 points or candidates', () => {
    const roster = facilities.filter((s) => /^(qz|xm)-/.test(s.id));
    expect(roster.length).toBeGreaterThan(100);
    for (const s of roster) {
      const assumed = s.basis === 'assumed';
      expect(s.status, s.id).toBe(assumed ? 'existing' : 'disabled');
      expect(noteText(s.note, zh), s.id).toMatch(assumed ? /^假定的 120 急救点：名单中/ : s.county === '350525' ? /^永春县方案中不是 120 急救站/ : /^候选：名单中的机构/);
      expect(noteText(s.note, en), s.id).toMatch(assumed ? /^Assumed 120 point: a public general/ : s.county === '350525' ? /^Not a 120 station in the Yongchun plan/ : /^Candidate: in the 2020 roster/);
      expect(sourceText(s.source, zh, false), s.id).toMatch(/^《泉州市、厦门市医疗机构名单（2020年2月[^》]*》 第 \d+ 行$/);
    }
  });

  it('the basis is the data\'s field, not read from the note', () => {
    const dapu = facilities.find((s) => s.id === 'yc-dapu')!;
    expect(isAssumedPoint({ ...dapu, basis: 'assumed' })).toBe(true);
    const jj = facilities.find((s) => s.id === 'jj-350582001000-chc')!;
    expect(isAssumedPoint({ ...jj, basis: undefined })).toBe(false);
  });

  it('a note or source not from the demo (a user file) is shown as written', () => {
    expect(noteText('地址: 永春县桃城镇', zh)).toBe('地址: 永春县桃城镇');
    expect(sourceText('survey 2025', zh, false)).toBe('survey 2025');
    expect(sourceText(undefined, zh, false)).toBe(zh('cards.source.none'));
  });

  it('a station at a township seat says so; a moved one is an exact point', () => {
    const dapu = facilities.find((s) => s.id === 'yc-dapu')!;
    expect(positionText(dapu, dapu.positionSource, zh)).toMatch(/^≈ 乡镇驻地/);
    expect(positionText({ positionApproximate: false }, dapu.positionSource, zh)).toBe(zh('cards.position.exact'));
  });

  it('scenario files and links leave the data file provenance out', () => {
    const dapu = facilities.find((s) => s.id === 'yc-dapu')!;
    expect(dapu.source).toBeDefined();
    const plain = withoutProvenance(dapu);
    expect(plain).not.toHaveProperty('source');
    expect(plain).not.toHaveProperty('positionSource');
    expect(plain.note).toBe(dapu.note);
  });
});

describe('region caveats', () => {
  const meta = JSON.parse(readFileSync(path.join(ROOT, 'data/meta.json'), 'utf8')) as { cities: { adcode: string; counties: string[] }[]; counties: { adcode: string; name: string }[] };
  const quanzhou = meta.cities.find((c) => c.adcode === '350500')!.counties;
  const xiamen = meta.cities.find((c) => c.adcode === '350200')!.counties;
  /** Existing facilities whose basis is "assumed", per county, straight from the JSON file. */
  const rawAssumed = new Map<string, number>();
  for (const f of JSON.parse(readFileSync(path.join(ROOT, 'data/facilities.json'), 'utf8')) as { county: string; status: string; basis: string }[]) {
    if (f.basis === 'assumed' && f.status === 'existing') rawAssumed.set(f.county, (rawAssumed.get(f.county) ?? 0) + 1);
  }

  it('泉州市: every county has station data; every county but 永春县 has assumed points; 晋江市 20 (its plan\'s 18 and the 市医院 and 中医院 of the roster)', () => {
    const c = regionCaveats(quanzhou, townships, facilities, facilities);
    expect(quanzhou).toHaveLength(11);
    expect(c.noStationData).toEqual([]);
    expect(c.assumed.map((a) => a.county)).toEqual(quanzhou.filter((x) => x !== '350525'));
    for (const a of c.assumed) expect(a.count, a.name).toBe(rawAssumed.get(a.county));
    expect(c.assumed.find((a) => a.county === '350582')).toEqual({ county: '350582', name: '晋江市', count: 20, atSeat: 20, kinds: ['health-centre', 'hospital'] });
  });

  it('厦门市: its 10 public general hospitals are assumed points in the 6 districts', () => {
    const c = regionCaveats(xiamen, townships, facilities, facilities);
    expect(c.noStationData).toEqual([]);
    expect(c.assumed.map((a) => a.county)).toEqual(xiamen);
    expect(c.assumed.reduce((s, a) => s + a.count, 0)).toBe(10);
    for (const a of c.assumed) expect(a.kinds, a.name).toEqual(['hospital']);
  });

  it('a county with no station in the data is listed as such', () => {
    const withoutDehua = facilities.filter((s) => s.county !== '350526');
    const c = regionCaveats(quanzhou, townships, withoutDehua, withoutDehua);
    expect(c.noStationData).toEqual([{ county: '350526', name: '德化县' }]);
    expect(c.assumed.some((a) => a.county === '350526')).toBe(false);
  });

  it('永春县 alone has nothing to declare; a switched-off assumed point no longer counts', () => {
    expect(regionCaveats(['350525'], townships, facilities, facilities)).toEqual({ noStationData: [], assumed: [] });
    const off = facilities.map((s) => (s.id === 'jj-350582001000-chc' ? { ...s, status: 'disabled' as const } : s));
    expect(regionCaveats(['350582'], townships, facilities, off).assumed[0].count).toBe(19);
  });

  it('a scenario saved before stations carried a basis takes it from the data, by id', () => {
    const old = facilities.map(({ basis: _basis, ...s }) => s);
    expect(regionCaveats(['350582'], townships, facilities, old).assumed[0].count).toBe(20);
  });
});

describe('one cell described by the core', () => {
  // 9 cells in a line ~0.35 km apart, two townships; a 0.5 km urban radius
  const line = gridPathCells(latLngToCell(25.3, 118.1, 9), latLngToCell(25.3, 118.14, 9)).slice(0, 9);
  const g = grid(
    line.map((h3, i) => ({ h3, population: 10 + i, zone: i < 5 ? 'a' : 'b' })),
    [zone('a', 'urban', '甲镇'), zone('b', 'urban', '乙镇')],
  );
  const stations: Station[] = [stationFrom('s1', line[0], 0.1, 90), stationFrom('s2', line[8], 2.5, 0), stationFrom('off', line[4], 0.05, 0, 'disabled')];
  const rules = makeRules({ urbanRadiusKm: 0.5 });
  const engine = createEngine(g, { stations, rules });

  it('nearest active station and distance equal a brute-force haversine minimum over the stations within reach', () => {
    // the engine looks for the nearest station as far as the largest rule radius
    const limit = maxRuleRadiusKm(rules);
    for (const h3 of line) {
      const i = g.indexOf.get(h3)!;
      const d = describeCell(engine, i);
      const [lng, lat] = centre(h3);
      const candidates = stations
        .filter((s) => s.status !== 'disabled')
        .map((s) => ({ id: s.id, km: haversineKm(s.lng, s.lat, lng, lat) }))
        .filter((x) => x.km <= limit + 1e-9)
        .sort((a, b) => a.km - b.km);
      expect(d.row.nearestStationId, h3).toBe(candidates[0]?.id ?? null);
      if (candidates[0]) expect(d.row.distanceKm!, h3).toBeCloseTo(candidates[0].km, 9);
      expect(d.centre[0]).toBeCloseTo(lng, 12);
    }
  });

  it('the township population is the sum of its cells; a gap cell names its group and the townships it spans', () => {
    const first = describeCell(engine, g.indexOf.get(line[0])!);
    expect(first.zone).toMatchObject({ code: 'a', name: '甲镇', population: 10 + 11 + 12 + 13 + 14 });
    expect(first.row.status).toBe('covered');
    expect(first.gap).toBeNull();
    const groups = gapGroups(engine);
    const far = g.indexOf.get(line[6])!;
    const d = describeCell(engine, far);
    expect(d.row.status).toBe('gap');
    const group = groups.find((x) => x.cells.includes(far))!;
    expect(d.gap).toMatchObject({ rank: group.rank, population: group.population });
    // by hand: cells 2…8 uncovered (0 and 1 are within 0.5 km of s1): 甲镇 12+13+14, 乙镇 15+16+17+18
    expect(d.gap!.townships).toEqual([
      { code: 'b', name: '乙镇', population: 66 },
      { code: 'a', name: '甲镇', population: 39 },
    ]);
    expect(() => describeCell(engine, g.size)).toThrow(/not in the grid/);
  });
});

describe('map helpers', () => {
  it('padBounds grows a township box by the margin on each side', () => {
    expect(padBounds([0, 0, 2, 1], 0.5)).toEqual([-1, -0.5, 3, 1.5]);
  });

  it('cellAtPoint finds the dataset cell under a point, and null where the dataset has none', () => {
    const h3 = [latLngToCell(25.3, 118.1, 9), latLngToCell(25.31, 118.2, 9)].sort();
    const [lng, lat] = centre(h3[1]);
    expect(cellAtPoint(h3HalvesOf(h3), lng, lat)).toBe(1);
    expect(cellAtPoint(h3HalvesOf(h3), 119.5, 26)).toBeNull();
    expect(cellAtPoint(new Uint32Array(0), lng, lat)).toBeNull();
  });
});
