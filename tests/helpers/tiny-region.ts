/**
 * A small region made in the test: two square zones side by side near
 * Yongchun, the res-9 cells of a disk split between them by longitude, one
 * existing station in each zone. Every figure of it can be counted by hand.
 */
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import type { Region } from '../../src/io/region/types.ts';

export function tinyRegion(options: { id?: string; rings?: number } = {}): Region {
  const centre = latLngToCell(25.3, 118.2, 9);
  const h3 = gridDisk(centre, options.rings ?? 6).sort();
  const population = new Float64Array(h3.length);
  const zone = new Int32Array(h3.length);
  h3.forEach((c, i) => {
    const [, lng] = cellToLatLng(c);
    zone[i] = lng < 118.2 ? 0 : 1;
    population[i] = 10 + (i % 7);
  });
  const square = (w: number, e: number) => ({ type: 'MultiPolygon' as const, coordinates: [[[[w, 25.2], [e, 25.2], [e, 25.4], [w, 25.4], [w, 25.2]]]] });
  return {
    id: options.id ?? 'user-tiny',
    name: '示例区域',
    parts: [{ code: 'P1', name: '示例县', censusPopulation: null }],
    partOutlines: [{ type: 'Feature', properties: { code: 'P1', name: '示例县' }, geometry: square(118.1, 118.3) }],
    zones: [
      { code: 'Z-west', name: '西镇', county: 'P1', countyName: '示例县', areaType: 'rural', areaTypeSource: 'test', seat: [118.15, 25.3] },
      { code: 'Z-east', name: '东镇', county: 'P1', countyName: '示例县', areaType: 'urban', seat: null },
    ],
    zoneOutlines: [
      { type: 'Feature', properties: { code: 'Z-west' }, geometry: square(118.1, 118.2) },
      { type: 'Feature', properties: { code: 'Z-east' }, geometry: square(118.2, 118.3) },
    ],
    resolution: 9,
    cells: { h3, population, zone },
    stations: [
      { id: 's-west', name: '西站', kind: 'station', status: 'existing', lng: 118.17, lat: 25.3, positionApproximate: false, note: 'a note' },
      { id: 's-east', name: '东站', kind: 'hospital', status: 'proposed', lng: 118.23, lat: 25.31, township: 'Z-east', county: 'P1', positionApproximate: true, source: 'doc', positionSource: 'seat' },
    ],
    sources: [{ what: 'test cells', source: 'made in the test', licence: 'none', crs: null }],
    attribution: 'test',
    notes: { population: 'synthetic population', zones: 'two squares', facilities: 'two stations', extra: ['made in a test'] },
    modelled: { population: true, zones: true, facilities: false },
  };
}
