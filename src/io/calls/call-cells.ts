/**
 * Where a call lands among a region's cells: a WGS84 point by its H3 cell at
 * the grid's resolution, a township code by the zone it names. Built once
 * per import; the lookups allocate nothing but h3-js's cell string.
 */
import { latLngToCell } from 'h3-js';
import type { Region } from '../region/types.ts';

/** What a call file is placed against: the region's cells, zones and resolution. */
export type CallRegion = Pick<Region, 'name' | 'cells' | 'zones' | 'resolution'>;

export class CallCells {
  readonly count: number;
  private readonly index = new Map<string, number>();
  private readonly zoneByCode = new Map<string, number>();
  /** Zones by the first 9 digits of a 12-digit statistical code (a township's own digits); -1 when two zones share them. */
  private readonly zoneByTownship = new Map<string, number>();

  constructor(readonly region: CallRegion) {
    const h3 = region.cells.h3;
    this.count = h3.length;
    for (let i = 0; i < h3.length; i++) this.index.set(h3[i], i);
    region.zones.forEach((z, k) => {
      this.zoneByCode.set(z.code, k);
      if (/^\d{9}(\d{3})?$/.test(z.code)) {
        const key = z.code.slice(0, 9);
        this.zoneByTownship.set(key, this.zoneByTownship.has(key) ? -1 : k);
      }
    });
  }

  /** Index of the region cell holding a WGS84 point, or -1 when it lies outside the region's cells. */
  cellOf(lng: number, lat: number): number {
    return this.index.get(latLngToCell(lat, lng, this.region.resolution)) ?? -1;
  }

  /**
   * Index of the zone a township code names, or -1: the zone's own code, or
   * a 9- or 12-digit statistical code whose township digits (the first 9) are a zone's.
   * @example cells.zoneOf('350525100000') // the zone coded 350525100000 (or 350525100)
   */
  zoneOf(code: string): number {
    const exact = this.zoneByCode.get(code);
    if (exact !== undefined) return exact;
    if (!/^\d{9}(\d{3})?$/.test(code)) return -1;
    return this.zoneByTownship.get(code.slice(0, 9)) ?? -1;
  }
}
