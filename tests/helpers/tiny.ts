/** Tiny hand-made grids for engine tests: cells far apart, stations at distances measured with Turf. */
import { destination, point } from '@turf/turf';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { buildGrid, type CellInput } from '../../src/core/grid.ts';
import type { AreaType, Station, Zone } from '../../src/core/types.ts';

export function zone(code: string, areaType: AreaType, name = code): Zone {
  return { code, name, county: '999999', countyName: 'Test county', areaType, seat: null };
}

/** The res-9 cell at a point. */
export function cellAt(lng: number, lat: number): string {
  return latLngToCell(lat, lng, 9);
}

/** Centre [lng, lat] of a cell. */
export function centre(h3: string): [number, number] {
  const [lat, lng] = cellToLatLng(h3);
  return [lng, lat];
}

/** A station `km` from the centre of `h3`, due north (bearing 0) unless told otherwise, measured by Turf. */
export function stationFrom(id: string, h3: string, km: number, bearing = 0, status: Station['status'] = 'existing'): Station {
  const [lng, lat] = destination(point(centre(h3)), km, bearing, { units: 'kilometers' }).geometry.coordinates;
  return { id, name: id, kind: 'station', status, lng, lat };
}

export function grid(cells: CellInput[], zones: Zone[]) {
  return buildGrid(cells, zones);
}
