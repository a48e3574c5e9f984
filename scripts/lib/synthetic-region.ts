/**
 * A synthetic region of any size for benchmarks, labelled synthetic
 * everywhere it is shown: the res-9 cells of a disk around 25.0 N 117.6 E
 * (a province-sized area when large), a population falling off from a few
 * towns, square zones of about 10 × 10 km, and one station per zone-ish on
 * a lattice. Deterministic for a given size.
 */
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import type { Station, Zone } from '../../src/core/types.ts';
import type { PartOutline, Region, ZoneOutline } from '../../src/io/region/types.ts';

/** Degrees of a zone square (~11 km). */
const ZONE_DEG = 0.1;

/** Rings of a res-9 disk holding at least `cells` cells (3k² + 3k + 1). */
const ringsFor = (cells: number) => Math.ceil((-3 + Math.sqrt(9 + 12 * (cells - 1))) / 6);

export function syntheticRegion(cells: number): Region {
  const centre = latLngToCell(25.0, 117.6, 9);
  const h3 = gridDisk(centre, ringsFor(cells)).sort().slice(0, cells);
  const lat = new Float64Array(h3.length);
  const lng = new Float64Array(h3.length);
  h3.forEach((c, i) => ([lat[i], lng[i]] = cellToLatLng(c)));
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < h3.length; i++) {
    w = Math.min(w, lng[i]);
    e = Math.max(e, lng[i]);
    s = Math.min(s, lat[i]);
    n = Math.max(n, lat[i]);
  }
  const cols = Math.ceil((e - w) / ZONE_DEG + 1e-9);
  const rows = Math.ceil((n - s) / ZONE_DEG + 1e-9);
  const zoneOf = (x: number, y: number) => Math.min(rows - 1, Math.floor((y - s) / ZONE_DEG)) * cols + Math.min(cols - 1, Math.floor((x - w) / ZONE_DEG));
  // only zones holding cells are kept, renumbered in order
  const used = new Map<number, number>();
  const zone = new Int32Array(h3.length);
  const population = new Float64Array(h3.length);
  const towns = [
    [0.3, 0.4, 400],
    [0.7, 0.6, 250],
    [0.5, 0.2, 150],
  ].map(([fx, fy, peak]) => [w + fx * (e - w), s + fy * (n - s), peak]);
  for (let i = 0; i < h3.length; i++) {
    const raw = zoneOf(lng[i], lat[i]);
    if (!used.has(raw)) used.set(raw, used.size);
    zone[i] = used.get(raw)!;
    let p = 2 + ((i * 2654435761) % 97) / 10;
    for (const [tx, ty, peak] of towns) p += peak * Math.exp(-(((lng[i] - tx) / 0.08) ** 2 + ((lat[i] - ty) / 0.08) ** 2));
    population[i] = Math.round(p);
  }
  const zones: Zone[] = [];
  const zoneOutlines: ZoneOutline[] = [];
  for (const [raw, k] of [...used].sort((a, b) => a[1] - b[1])) {
    const cx = raw % cols;
    const cy = Math.floor(raw / cols);
    const [zw, zs] = [w + cx * ZONE_DEG, s + cy * ZONE_DEG];
    const code = `Z${String(k).padStart(5, '0')}`;
    // the towns' zones are urban
    const urban = towns.some(([tx, ty]) => Math.abs(tx - (zw + ZONE_DEG / 2)) < ZONE_DEG && Math.abs(ty - (zs + ZONE_DEG / 2)) < ZONE_DEG);
    zones.push({ code, name: `合成区 ${k}`, county: 'SYN', countyName: '合成区域', areaType: urban ? 'urban' : 'rural', areaTypeSource: 'synthetic', seat: [zw + ZONE_DEG / 2, zs + ZONE_DEG / 2] });
    zoneOutlines.push({ type: 'Feature', properties: { code }, geometry: { type: 'MultiPolygon', coordinates: [[[[zw, zs], [zw + ZONE_DEG, zs], [zw + ZONE_DEG, zs + ZONE_DEG], [zw, zs + ZONE_DEG], [zw, zs]]]] } });
  }
  // stations on a lattice of ~15 km, every other one existing
  const stations: Station[] = [];
  for (let x = w + 0.07; x < e; x += 0.15) {
    for (let y = s + 0.07; y < n; y += 0.15) {
      const k = stations.length;
      stations.push({ id: `syn-${k}`, name: `合成站 ${k}`, kind: 'station', status: k % 2 === 0 ? 'existing' : 'disabled', lng: Number(x.toFixed(5)), lat: Number(y.toFixed(5)), positionApproximate: false });
    }
  }
  const outline: PartOutline = { type: 'Feature', properties: { code: 'SYN', name: '合成区域' }, geometry: { type: 'MultiPolygon', coordinates: [[[[w, s], [e, s], [e, n], [w, n], [w, s]]]] } };
  return {
    id: `user-synthetic-${h3.length}`,
    name: `合成区域 ${h3.length.toLocaleString('en-US')} 网格`,
    parts: [{ code: 'SYN', name: '合成区域', censusPopulation: null }],
    partOutlines: [outline],
    zones,
    zoneOutlines,
    resolution: 9,
    cells: { h3, population, zone },
    stations,
    sources: [{ what: 'everything', source: 'scripts/lib/synthetic-region.ts (SYNTHETIC, for benchmarks)', licence: 'none', crs: null }],
    attribution: 'SYNTHETIC benchmark region',
    notes: { population: 'Population is SYNTHETIC (a benchmark region).', zones: 'Zones are SYNTHETIC squares.', facilities: 'Stations are SYNTHETIC.', extra: [] },
    modelled: { population: true, zones: true, facilities: true },
  };
}
