/**
 * Station markers: one point per station with what the style needs to draw
 * it (kind colour and size, status, approximate position, selection) and the
 * label text. Names stay data: they go to map labels, never into HTML.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { STATION_KINDS, type Station, type StationKind, type StationStatus } from '../core/types.ts';
import { KIND_COLOURS, KIND_RADII } from './layers.ts';
import { mapLabel } from './text.ts';

export interface StationProperties {
  id: string;
  name: string;
  /** Name shown on the map (see mapLabel); "≈ " marks a position that stands in for an unpublished address. */
  label: string;
  kind: StationKind;
  status: StationStatus;
  colour: string;
  radius: number;
  approx: boolean;
  selected: boolean;
  /** Priority: lower is drawn on top and labelled first. */
  order: number;
}

const STATUS_ORDER: Record<StationStatus, number> = { proposed: 0, existing: 0, disabled: 100 };

/** Marks a label whose position is approximate. */
export const APPROX_MARK = '≈ ';

/**
 * Point features of the stations.
 * @example stationFeatures([{ id: 'a', name: '达埔急救站', kind: 'station', status: 'proposed', lng: 118.3, lat: 25.3, positionApproximate: true }], null).features[0].properties.label // '≈ 达埔急救站'
 */
export function stationFeatures(stations: readonly Station[], selectedId: string | null): FeatureCollection<Point, StationProperties> {
  return { type: 'FeatureCollection', features: stations.map((s) => stationFeature(s, s.id === selectedId)) };
}

export function stationFeature(s: Station, selected: boolean): Feature<Point, StationProperties> {
  const approx = s.positionApproximate === true;
  return {
    type: 'Feature',
    properties: {
      id: s.id,
      name: s.name,
      label: mapLabel(approx ? APPROX_MARK + s.name : s.name),
      kind: s.kind,
      status: s.status,
      colour: KIND_COLOURS[s.kind] ?? KIND_COLOURS.candidate,
      radius: KIND_RADII[s.kind] ?? KIND_RADII.candidate,
      approx,
      selected,
      order: selected ? -1 : STATUS_ORDER[s.status] + STATION_KINDS.indexOf(s.kind) * 10,
    },
    geometry: { type: 'Point', coordinates: [s.lng, s.lat] },
  };
}
