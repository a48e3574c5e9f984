/**
 * The demo's hospital centres (issue 14 §4): each passage the data build
 * cites stands in its document at the line named; the facilities file and
 * the region packs carry the planned centres and their source; the card
 * reads the source in Chinese; and the Jinjiang pack's scene-to-hospital
 * minutes equal a brute-force nearest hospital by the circle formula.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSPITAL_CENTRES } from '../../scripts/data/hospital-centres.ts';
import { ROOT } from '../../scripts/lib/browser.ts';
import { hospitalAccess } from '../../src/core/ems/hospital.ts';
import { hospitalMinutesByCell } from '../../src/core/ems/hospital-minutes.ts';
import { haversineKm } from '../../src/core/geo.ts';
import { gridFromColumns } from '../../src/core/grid.ts';
import { makeRules } from '../../src/core/rules.ts';
import { readFacilities } from '../../src/io/demo-files.ts';
import { readRegionPack } from '../../src/io/region/pack-read.ts';
import { sourceText } from '../../src/ui/cards/provenance.ts';
import { translate, type Translate } from '../../src/ui/i18n.ts';

const facilities = readFacilities(readFileSync(path.join(ROOT, 'data/facilities.json'), 'utf8'));
const seedsDir = [path.join(ROOT, '../shared/seeds'), '/work/shared/seeds'].find((d) => existsSync(d));
const zh: Translate = (key, params) => translate('zh-CN', key, params);

describe('the demo facilities\' centres', () => {
  it.skipIf(!seedsDir)('each cited passage stands, word for word, on the line of the document named', () => {
    for (const [id, c] of Object.entries(HOSPITAL_CENTRES)) {
      const [, file, line] = /^(\S+\.txt) .* line (\d+):/.exec(c.source)!;
      const text = readFileSync(path.join(seedsDir!, file), 'utf8').split('\n')[Number(line) - 1];
      expect(text, id).toContain(c.quote);
    }
  });

  it('泉港区医院 plans a chest-pain centre (泉港政综〔2025〕33号: certified by 2025); every centre of the demo is planned, none claimed', () => {
    const qg = facilities.find((f) => f.id === 'qz-350505102000-hosp')!;
    expect(qg.name).toBe('泉州市泉港区医院');
    expect(qg.plannedCapabilities).toEqual(['chest-pain']);
    expect(sourceText(qg.centresSource, zh, false)).toBe('《泉州市泉港区人民政府关于区人大常委会卫生高质量发展专项报告审议意见办理情况的报告》（泉港政综〔2025〕33号） §（二）深化提质强医工程，第 43 行：“力争2025年泉港区医院胸痛中心通过国家认证”');
    expect(facilities.filter((f) => f.capabilities)).toEqual([]);
    expect(facilities.filter((f) => f.plannedCapabilities).map((f) => f.id).sort()).toEqual(Object.keys(HOSPITAL_CENTRES).sort());
  });

  it('the Quangang pack carries the centre and its source', async () => {
    const file = path.join(ROOT, 'data/packs/350505.region.zip');
    const region = await readRegionPack(new Uint8Array(readFileSync(file)), file);
    const qg = region.stations.find((f) => f.id === 'qz-350505102000-hosp')!;
    expect(qg.plannedCapabilities).toEqual(['chest-pain']);
    expect(qg.centresSource).toMatch(/^002_3016aeea577577c5\.txt/);
  });
});

describe('scene-to-hospital minutes on the Jinjiang pack (straight line)', async () => {
  const file = path.join(ROOT, 'data/packs/350582.region.zip');
  const region = await readRegionPack(new Uint8Array(readFileSync(file)), file);
  const grid = gridFromColumns(region.cells, region.zones);
  const rules = makeRules();
  const stations = region.stations;

  it('equal the nearest planned stroke centre by brute force (km × 1.6 / the area type\'s speed × 60) on every 97th cell', () => {
    const minutes = hospitalMinutesByCell(grid, rules, stations, null, 'stroke');
    const centres = stations.filter((s) => s.plannedCapabilities?.includes('stroke'));
    expect(centres.map((s) => s.id).sort()).toEqual(['jj-350582101000-hosp', 'jj-350582104000-hc', 'qz-350582003000-tcm']);
    for (let i = 0; i < grid.size; i += 97) {
      const km = Math.min(...centres.map((s) => haversineKm(grid.lng[i], grid.lat[i], s.lng, s.lat)));
      const urban = grid.zone[i] >= 0 && grid.zones[grid.zone[i]].areaType === 'urban';
      expect(minutes[i]).toBeCloseTo(urban ? (km * 1.6 * 60) / 32.07 : (km * 1.6 * 60) / 40, 9);
    }
  });

  it('before the plan no hospital has a centre: nobody within the target, every figure null', () => {
    const access = hospitalAccess(grid, rules, { stations, calls: null, roads: null });
    expect(access.map((a) => a.capability)).toEqual(['chest-pain', 'stroke', 'trauma', 'maternal', 'neonatal']);
    for (const a of access) {
      expect(a.before!.hospitals).toEqual([]);
      expect(a.before!.fractiles.residents.withinTarget).toBe(0);
      expect(a.before!.fractiles.residents.medianMinutes).toBeNull();
      expect(a.fractiles.residents.withinTarget).toBeGreaterThan(0.9);
    }
  });
});
