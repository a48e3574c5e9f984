/**
 * Map and legend text: both languages have the same keys, and every key the
 * map code asks for exists.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATION_KINDS, STATION_STATUSES } from '../../src/core/types.ts';
import { mapStrings } from '../../src/i18n/strings/map.ts';

const root = path.resolve(import.meta.dirname, '../..');
const sources = [
  ...readdirSync(path.join(root, 'src/map')).map((f) => path.join(root, 'src/map', f)),
  path.join(root, 'src/ui/MapView.tsx'),
  path.join(root, 'src/ui/LegendControl.tsx'),
  path.join(root, 'src/ui/ems/EmsLegendItems.tsx'),
];

describe('map strings', () => {
  it('zh-CN and en have the same keys, all under map.', () => {
    const zh = Object.keys(mapStrings['zh-CN']).sort();
    expect(Object.keys(mapStrings.en).sort()).toEqual(zh);
    for (const k of zh) expect(k.startsWith('map.')).toBe(true);
    for (const k of zh) expect(mapStrings.en[k].trim(), k).not.toBe('');
  });

  it('every literal key in the map code exists, and every kind, status and area type has a name', () => {
    const used = new Set<string>();
    for (const file of sources) for (const m of readFileSync(file, 'utf8').matchAll(/'(map\.[\w.-]+)'/g)) used.add(m[1]);
    for (const k of STATION_KINDS) used.add(`map.kind.${k}`);
    for (const s of STATION_STATUSES) used.add(`map.stationStatus.${s}`);
    used.add('map.areaType.urban');
    used.add('map.areaType.rural');
    expect(used.size).toBeGreaterThan(30);
    for (const k of used) expect(mapStrings['zh-CN'][k], k).toBeDefined();
  });

  it('the population layer is labelled modelled in both languages', () => {
    expect(mapStrings['zh-CN']['map.layer.population']).toMatch(/模拟/);
    expect(mapStrings.en['map.layer.population']).toMatch(/modelled/i);
  });
});
