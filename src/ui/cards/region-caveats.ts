/**
 * The region-level assumptions a reader of the figures must know, derived
 * from the data: counties of the region without any station in the data, and
 * per county the active stations whose basis is `assumed` (they only stand in
 * for unpublished 120 points).
 */
import type { Station, StationKind, Zone } from '../../core/types.ts';
import { isAssumedPoint } from './provenance-text.ts';

export interface CountyName {
  county: string;
  name: string;
}

export interface AssumedStations extends CountyName {
  /** Active stations of the scenario in the county that stand in for 120 points. */
  count: number;
  /** How many of them stand at a township seat rather than an address. */
  atSeat: number;
  kinds: StationKind[];
}

export interface RegionCaveats {
  /** Counties of the region with no station in the data, in the region's order. */
  noStationData: CountyName[];
  assumed: AssumedStations[];
}

/**
 * @param counties the region's county adcodes
 * @param zones the loaded zones (for county names)
 * @param dataStations every station the data holds for the region
 * @param scenarioStations the stations of the scenario on screen
 */
export function regionCaveats(counties: readonly string[], zones: readonly Zone[], dataStations: readonly Station[], scenarioStations: readonly Station[]): RegionCaveats {
  const names = new Map<string, string>();
  for (const z of zones) if (!names.has(z.county)) names.set(z.county, z.countyName);
  const name = (county: string) => names.get(county) ?? county;
  const withData = new Set(dataStations.map((s) => s.county));
  // a scenario saved before stations carried their basis takes it from the data, by id
  const dataBasis = new Map(dataStations.map((s) => [s.id, s.basis]));
  const assumedPoint = (s: Station) => isAssumedPoint({ basis: s.basis ?? dataBasis.get(s.id) });
  const noStationData = counties.filter((c) => !withData.has(c)).map((county) => ({ county, name: name(county) }));
  const assumed: AssumedStations[] = [];
  for (const county of counties) {
    const here = scenarioStations.filter((s) => s.county === county && s.status !== 'disabled' && assumedPoint(s));
    if (here.length === 0) continue;
    const kinds = [...new Set(here.map((s) => s.kind))].sort();
    assumed.push({ county, name: name(county), count: here.length, atSeat: here.filter((s) => s.positionApproximate).length, kinds });
  }
  return { noStationData, assumed };
}
