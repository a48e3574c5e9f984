/**
 * Every source id, layer id and colour of the map, and the layer list in
 * drawing order (bottom to top). Nothing else in the app names a layer.
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { LayerKey } from './map-input.ts';
import type { StationKind } from '../core/types.ts';
import { MINUTES_COLOURS, MINUTES_OPACITY } from './minutes-ramp.ts';
import { BACKUP_COLOURS, BACKUP_OPACITY, CALL_COLOURS, CALL_OPACITY, EQUITY_COLOURS, EQUITY_NONE, EQUITY_OPACITY, HOSPITAL_COLOURS, WORKLOAD_COLOURS, WORKLOAD_OPACITY, WORKLOAD_OVER } from './ems-ramps.ts';

export const SOURCE = {
  basemap: 'basemap',
  counties: 'counties',
  zones: 'zones',
  /** Population cells at the grid resolution; status and circle membership ride on feature-state. */
  cells: 'cells',
  /** Coarser parent cells (population sums) for low zoom. */
  parents: 'cells-parent',
  gaps: 'gaps',
  gapLabels: 'gap-labels',
  radii: 'radii',
  zoneLabels: 'zone-labels',
  stations: 'stations',
  /** Sites the optimiser suggests (not stations until the user accepts one). */
  suggestions: 'suggestions',
  /** Outlines of the first-due areas (from the worker, while the workload layer is on). */
  firstDue: 'first-due-areas',
  /** Outlines of the cells the selected station reaches within 5/10/15/20 minutes on roads (from the worker). */
  isochrones: 'isochrones',
} as const;

export const LAYER = {
  background: 'background',
  basemap: 'basemap',
  countiesFill: 'counties-fill',
  countiesLine: 'counties-line',
  populationParents: 'population-parents',
  population: 'population-cells',
  status: 'status-cells',
  outsideCircle: 'outside-circle-cells',
  statusParents: 'status-parents',
  outsideCircleParents: 'outside-circle-parents',
  /** Response minutes on roads per cell (class on feature-state `m`), and on the parents at low zoom. */
  minutes: 'minutes-cells',
  minutesParents: 'minutes-parents',
  /**
   * EMS layers (class on feature-state `b`, `k`, `w`, `h`): stations in cover range, calls per cell, the busy
   * fraction of the cell's first-due station, minutes to the nearest capable hospital (see EMS_CELL_LAYERS).
   */
  backup: 'backup-cells',
  backupParents: 'backup-parents',
  calls: 'calls-cells',
  callsParents: 'calls-parents',
  workload: 'workload-cells',
  workloadParents: 'workload-parents',
  /** A ring round each station over the busy target (feature-state `over` on the stations), with the workload layer. */
  workloadOver: 'workload-over-stations',
  /** Thin borders between first-due areas, with the workload layer. */
  workloadAreas: 'workload-areas',
  hospital: 'hospital-cells',
  hospitalParents: 'hospital-parents',
  /** Township equity: each zone filled by its residents' 90th-percentile minutes (feature-state `e`), the worst-served outlined (`worst`). */
  equity: 'equity-zones',
  equityWorst: 'equity-worst',
  zonesLine: 'zones-line',
  /** Outline of the township the user zoomed to. */
  zoneHighlight: 'zone-highlight',
  gapsLine: 'gaps-line',
  gapHighlightHalo: 'gap-highlight-halo',
  gapHighlight: 'gap-highlight',
  radiusSolid: 'radius-solid',
  radiusDashed: 'radius-dashed',
  circle: 'circle-15min',
  circleLabel: 'circle-15min-label',
  /** On roads, in place of the straight-line circle: the selected station's isochrones and their minutes. */
  isochroneHalo: 'isochrone-halo',
  isochrones: 'isochrone-lines',
  isochroneLabels: 'isochrone-labels',
  gapLabels: 'gap-labels',
  zoneLabels: 'zone-labels',
  stationApprox: 'station-approx',
  stationSelected: 'station-selected',
  stations: 'stations',
  stationHit: 'station-hit',
  stationLabels: 'station-labels',
  suggestions: 'suggested-sites',
  suggestionLabels: 'suggested-site-labels',
} as const;

/**
 * The EMS cell layers (issue 14) in drawing order, each a ClassLayer on the
 * cell and parent features (class on feature-state `key`). The style, the
 * toggles, the visibility rule, the coarse zoom ranges and ems-layers.ts all
 * read this one list (`marks`: other layers the toggle shows with it): a new cell layer is an entry here, its ramp
 * (ems-ramps.ts), its paint in ems-layers.ts and its legend row.
 */
export const EMS_CELL_LAYERS = {
  calls: { key: 'k', cells: LAYER.calls, parents: LAYER.callsParents, colours: CALL_COLOURS, opacity: CALL_OPACITY },
  workload: { key: 'w', cells: LAYER.workload, parents: LAYER.workloadParents, colours: WORKLOAD_COLOURS, opacity: WORKLOAD_OPACITY, marks: [LAYER.workloadAreas, LAYER.workloadOver] },
  backup: { key: 'b', cells: LAYER.backup, parents: LAYER.backupParents, colours: BACKUP_COLOURS, opacity: BACKUP_OPACITY },
  hospital: { key: 'h', cells: LAYER.hospital, parents: LAYER.hospitalParents, colours: HOSPITAL_COLOURS, opacity: MINUTES_OPACITY },
} as const;
export type EmsCellLayerKey = keyof typeof EMS_CELL_LAYERS;
/** The EMS layers shown only while their data is painted: the cell layers and township equity (on the zones). */
export type EmsLayerKey = EmsCellLayerKey | 'equity';
export const EMS_LAYER_KEYS = [...(Object.keys(EMS_CELL_LAYERS) as EmsCellLayerKey[]), 'equity'] as const satisfies readonly EmsLayerKey[];

/** Zoom below which the population layer shows the coarser parent cells. */
export const PARENT_MAX_ZOOM = 10.5;
/** H3 resolution of the parent cells drawn at low zoom. */
export const PARENT_RESOLUTION = 7;
/**
 * Zoom below which cell status is drawn on the parent cells (majority of
 * residents): a whole prefecture in view, where a res-9 cell is under a pixel.
 * A county's first view (zoom ≈ 9.5–10) still shows every cell.
 */
export const STATUS_PARENT_MAX_ZOOM = 9;

/**
 * Above this many cells a region's cells are not drawn one by one (their
 * polygons alone would take seconds and hundreds of MB on the page): the
 * res-7 parent hexagons, coloured by the status of most of their residents,
 * are drawn at every zoom, and the legend says so.
 */
export const MAX_DRAWN_CELLS = 250_000;

/**
 * 0 for the station being dragged (feature-state `dragging`, its marker and
 * rings drawn by the DOM overlay meanwhile), else `opacity`.
 */
function unlessDragged(opacity: unknown): unknown {
  return ['case', ['boolean', ['feature-state', 'dragging'], false], 0, opacity];
}

export const COLOURS = {
  background: '#efece4',
  regionFill: '#fbfaf6',
  countyLine: '#8d8a82',
  regionLine: '#4a4843',
  zoneLine: '#8c8c8c',
  label: '#2b2b2b',
  halo: '#ffffff',
  covered: '#2e9d5b',
  marginal: '#f2a33a',
  gap: '#d7301f',
  outsideCircle: '#37474f',
  gapLine: '#8b0000',
  gapHighlight: '#111111',
  zoneHighlight: '#3949ab',
  equityWorst: '#67000d',
  firstDueLine: '#37474f',
  urbanRadius: '#1565c0',
  ruralRadius: '#00838f',
  circle: '#7b1fa2',
  isochrone: '#263238',
  proposed: '#ff6d00',
  suggested: '#6a1b9a',
  disabled: '#9e9e9e',
  selected: '#ffd600',
  approx: '#555555',
} as const;

/** Opacity of the tint on cells outside the emergency circle (over the status colours). */
export const OUTSIDE_CIRCLE_OPACITY = 0.16;

/** Opacity of the status fills: covered cells stay light so gaps stand out. */
export const STATUS_OPACITY = { covered: 0.1, marginal: 0.55, gap: 0.62 } as const;

/** Population density ramp (residents per km², colour), for map and legend. */
export const POPULATION_RAMP: readonly (readonly [number, string])[] = [
  [0, '#f7f5fb'],
  [100, '#dadaeb'],
  [500, '#bcbddc'],
  [1500, '#9e9ac8'],
  [4000, '#756bb1'],
  [12000, '#54278f'],
];

export const KIND_COLOURS: Record<StationKind, string> = {
  'emergency-centre': '#c62828',
  'sub-centre': '#ef6c00',
  station: '#1565c0',
  hospital: '#6a1b9a',
  'health-centre': '#00897b',
  candidate: '#616161',
};

/** Marker radius (px) by kind: the bigger the role, the bigger the dot. */
export const KIND_RADII: Record<StationKind, number> = {
  'emergency-centre': 9,
  'sub-centre': 8,
  station: 7,
  hospital: 6.5,
  'health-centre': 5.5,
  candidate: 5,
};

/** Label fonts: drawn locally (the style has no glyphs URL), CJK first. */
export const FONT_FAMILIES = ['Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Zen Hei', 'sans-serif'];
export const LOCAL_IDEOGRAPH_FONT_FAMILY = FONT_FAMILIES.map((f) => (f === 'sans-serif' ? f : `'${f}'`)).join(',');
const FONT = FONT_FAMILIES;
// the first name only sets the weight TinySDF draws with; it falls through to the next family
const FONT_BOLD = ['Noto Sans CJK SC Bold', ...FONT_FAMILIES];

/** Each EMS cell layer's toggle: its parents, cells and marks. */
function cellLayerToggles(): Record<EmsCellLayerKey, readonly string[]> {
  const out = {} as Record<EmsCellLayerKey, readonly string[]>;
  for (const key of Object.keys(EMS_CELL_LAYERS) as EmsCellLayerKey[]) {
    const l = EMS_CELL_LAYERS[key];
    out[key] = [l.parents, l.cells, ...('marks' in l ? l.marks : [])];
  }
  return out;
}

/** Map layers each legend toggle shows or hides. */
export const TOGGLED_LAYERS: Record<LayerKey, readonly string[]> = {
  basemap: [LAYER.basemap],
  population: [LAYER.populationParents, LAYER.population],
  status: [LAYER.statusParents, LAYER.status],
  gaps: [LAYER.gapsLine, LAYER.gapHighlightHalo, LAYER.gapHighlight, LAYER.gapLabels],
  radii: [LAYER.radiusSolid, LAYER.radiusDashed],
  circles: [LAYER.circle, LAYER.circleLabel, LAYER.outsideCircleParents, LAYER.outsideCircle, LAYER.isochroneHalo, LAYER.isochrones, LAYER.isochroneLabels],
  minutes: [LAYER.minutesParents, LAYER.minutes],
  ...cellLayerToggles(),
  equity: [LAYER.equity, LAYER.equityWorst],
  townships: [LAYER.zonesLine, LAYER.zoneLabels],
  stations: [LAYER.stationApprox, LAYER.stationSelected, LAYER.stations, LAYER.stationHit, LAYER.stationLabels],
};

const rampStops = (): (number | string)[] => POPULATION_RAMP.flatMap(([v, c]) => [v, c]);

const populationFill = (minzoom: number | undefined, maxzoom: number | undefined, source: string): LayerSpecification => ({
  id: source === SOURCE.parents ? LAYER.populationParents : LAYER.population,
  type: 'fill',
  source,
  ...(minzoom !== undefined ? { minzoom } : {}),
  ...(maxzoom !== undefined ? { maxzoom } : {}),
  paint: {
    'fill-color': ['interpolate', ['linear'], ['get', 'density'], ...rampStops()] as never,
    'fill-opacity': 0.8,
  },
});

/** Fill colour of status cells; cells without feature-state have `baseline` status. */
export const statusFillColor = (baseline = 0) => ['match', ['coalesce', ['feature-state', 's'], baseline], 2, COLOURS.gap, 1, COLOURS.marginal, COLOURS.covered];
export const statusFillOpacity = (baseline = 0) => [
  'match',
  ['coalesce', ['feature-state', 's'], baseline],
  2,
  STATUS_OPACITY.gap,
  1,
  STATUS_OPACITY.marginal,
  STATUS_OPACITY.covered,
];
/** Tint of cells outside the emergency circle; cells without feature-state are inside when `baseline` is 1. */
export const outsideCircleOpacity = (baseline = 0) => ['case', ['==', ['coalesce', ['feature-state', 'c'], baseline], 0], OUTSIDE_CIRCLE_OPACITY, 0];

/**
 * Fill colour of the response-time layer: class on feature-state `m`
 * (minutes-ramp.ts); features without it have class `baseline`.
 */
export const minutesFillColor = (baseline = 0) => classFillColor('m', MINUTES_COLOURS, baseline);

/** Fill colour expression of a class layer (class-layer.ts): class on feature-state `key`, features without it have class `baseline`. */
export function classFillColor(key: string, colours: readonly string[], baseline = 0): unknown[] {
  return ['match', ['coalesce', ['feature-state', key], baseline], ...colours.slice(0, -1).flatMap((c, k) => [k, c]), colours[colours.length - 1]];
}

const minutesLayer = (id: string, source: string, zooms: { minzoom?: number; maxzoom?: number }): LayerSpecification => classLayer(id, source, zooms, 'm', MINUTES_COLOURS, MINUTES_OPACITY);

/** A class layer's fill (class on feature-state `key`), hidden until its data is painted (layer-visibility.ts). */
const classLayer = (id: string, source: string, zooms: { minzoom?: number; maxzoom?: number }, key: string, colours: readonly string[], opacity: number): LayerSpecification => ({
  id,
  type: 'fill',
  source,
  ...zooms,
  layout: { visibility: 'none' },
  paint: { 'fill-color': classFillColor(key, colours) as never, 'fill-opacity': opacity, 'fill-antialias': false },
});

/** The EMS layers: township equity under the cells, then each cell layer on the parents (low zoom) and cells, in drawing order. */
const emsLayers = (): LayerSpecification[] => {
  const parents = { maxzoom: STATUS_PARENT_MAX_ZOOM };
  const cells = { minzoom: STATUS_PARENT_MAX_ZOOM };
  return [
    // zones without a figure have no state: their class is EQUITY_NONE (not drawn)
    { id: LAYER.equity, type: 'fill', source: SOURCE.zones, layout: { visibility: 'none' }, paint: { 'fill-color': classFillColor('e', EQUITY_COLOURS, EQUITY_NONE) as never, 'fill-opacity': EQUITY_OPACITY } },
    ...Object.values(EMS_CELL_LAYERS).flatMap((l) => [classLayer(l.parents, SOURCE.parents, parents, l.key, l.colours, l.opacity), classLayer(l.cells, SOURCE.cells, cells, l.key, l.colours, l.opacity)]),
  ];
};

/** Outline of the worst-served township (feature-state `worst` on the zones), above the township lines. */
const equityWorstLayer = (): LayerSpecification => ({
  id: LAYER.equityWorst,
  type: 'line',
  source: SOURCE.zones,
  layout: { visibility: 'none' },
  paint: {
    'line-color': COLOURS.equityWorst,
    'line-width': 3.5,
    'line-opacity': ['case', ['boolean', ['feature-state', 'worst'], false], 0.95, 0] as never,
  },
});

/** Status fill and outside-circle tint of one source (cells, or parents at low zoom), both driven by feature-state. */
const statusLayers = (statusId: string, outsideId: string, source: string, zooms: { minzoom?: number; maxzoom?: number }): LayerSpecification[] => [
  {
    id: statusId,
    type: 'fill',
    source,
    ...zooms,
    paint: { 'fill-color': statusFillColor() as never, 'fill-opacity': statusFillOpacity() as never, 'fill-antialias': false },
  },
  {
    id: outsideId,
    type: 'fill',
    source,
    ...zooms,
    paint: { 'fill-color': COLOURS.outsideCircle, 'fill-opacity': outsideCircleOpacity() as never, 'fill-antialias': false },
  },
];

/** Expression: the feature's `key` property is one of the loaded counties. */
export const inCounties = (key: 'adcode' | 'county', counties: readonly string[]) => ['in', ['get', key], ['literal', [...counties]]];

/** Filter of the emphasised township outline (none when `code` is null). */
export const zoneHighlightFilter = (code: string | null) => ['==', ['get', 'code'], code ?? ''];

/** Filter of the emphasised gap outline. */
export const gapHighlightFilter = (rank: number | null) => ['==', ['get', 'rank'], rank ?? -1];

/** Label size of gap groups: the emphasised one larger. */
export const gapLabelSize = (rank: number | null) => ['case', ['==', ['get', 'rank'], rank ?? -1], 15, 12];

/** Paint of county outlines: the loaded counties darker. */
export const countyLinePaint = (counties: readonly string[]) => ({
  'line-color': ['case', inCounties('adcode', counties), COLOURS.regionLine, COLOURS.countyLine],
  'line-width': ['case', inCounties('adcode', counties), 1.6, 0.9],
});

export interface OverlayOptions {
  /** Rank of the emphasised gap group, or null. */
  highlightedGap?: number | null;
  /** Adcodes of the loaded counties (drawn lighter, their zones outlined). */
  counties?: readonly string[];
}

/** The overlay layers (everything but background and basemap) in drawing order. */
export function overlayLayers(options: OverlayOptions = {}): LayerSpecification[] {
  const rank = options.highlightedGap ?? null;
  const counties = options.counties ?? [];
  const countyLine = countyLinePaint(counties);
  return [
    {
      id: LAYER.countiesFill,
      type: 'fill',
      source: SOURCE.counties,
      filter: inCounties('adcode', counties) as never,
      paint: { 'fill-color': COLOURS.regionFill, 'fill-opacity': 0.85 },
    },
    {
      id: LAYER.countiesLine,
      type: 'line',
      source: SOURCE.counties,
      paint: { 'line-color': countyLine['line-color'] as never, 'line-width': countyLine['line-width'] as never },
    },
    populationFill(undefined, PARENT_MAX_ZOOM, SOURCE.parents),
    populationFill(PARENT_MAX_ZOOM, undefined, SOURCE.cells),
    ...statusLayers(LAYER.statusParents, LAYER.outsideCircleParents, SOURCE.parents, { maxzoom: STATUS_PARENT_MAX_ZOOM }),
    ...statusLayers(LAYER.status, LAYER.outsideCircle, SOURCE.cells, { minzoom: STATUS_PARENT_MAX_ZOOM }),
    minutesLayer(LAYER.minutesParents, SOURCE.parents, { maxzoom: STATUS_PARENT_MAX_ZOOM }),
    minutesLayer(LAYER.minutes, SOURCE.cells, { minzoom: STATUS_PARENT_MAX_ZOOM }),
    ...emsLayers(),
    {
      id: LAYER.zonesLine,
      type: 'line',
      source: SOURCE.zones,
      filter: inCounties('county', counties) as never,
      paint: { 'line-color': COLOURS.zoneLine, 'line-width': 0.8, 'line-dasharray': [3, 2] },
    },
    equityWorstLayer(),
    {
      id: LAYER.workloadAreas,
      type: 'line',
      source: SOURCE.firstDue,
      layout: { visibility: 'none' },
      paint: { 'line-color': COLOURS.firstDueLine, 'line-width': 0.9, 'line-opacity': 0.75 },
    },
    {
      id: LAYER.zoneHighlight,
      type: 'line',
      source: SOURCE.zones,
      filter: zoneHighlightFilter(null) as never,
      paint: { 'line-color': COLOURS.zoneHighlight, 'line-width': 3.5, 'line-opacity': 0.9 },
    },
    {
      id: LAYER.gapsLine,
      type: 'line',
      source: SOURCE.gaps,
      // faded while a drag makes the outlines out of date (gap-layer.ts)
      paint: { 'line-color': COLOURS.gapLine, 'line-width': 1.4, 'line-opacity': ['case', ['boolean', ['feature-state', 'stale'], false], 0.35, 0.9] as never },
    },
    {
      id: LAYER.gapHighlightHalo,
      type: 'line',
      source: SOURCE.gaps,
      filter: gapHighlightFilter(rank) as never,
      paint: { 'line-color': COLOURS.halo, 'line-width': 6 },
    },
    {
      id: LAYER.gapHighlight,
      type: 'line',
      source: SOURCE.gaps,
      filter: gapHighlightFilter(rank) as never,
      paint: { 'line-color': COLOURS.gapHighlight, 'line-width': 3 },
    },
    {
      id: LAYER.radiusSolid,
      type: 'line',
      source: SOURCE.radii,
      filter: ['all', ['==', ['get', 'ring'], 'cover'], ['!=', ['get', 'dashed'], true]],
      paint: {
        'line-color': ['case', ['==', ['get', 'areaType'], 'urban'], COLOURS.urbanRadius, COLOURS.ruralRadius],
        'line-width': ['case', ['get', 'selected'], 2.6, 1.5],
        'line-opacity': unlessDragged(0.85) as never,
      },
    },
    {
      id: LAYER.radiusDashed,
      type: 'line',
      source: SOURCE.radii,
      filter: ['all', ['==', ['get', 'ring'], 'cover'], ['==', ['get', 'dashed'], true]],
      paint: {
        'line-color': ['case', ['==', ['get', 'areaType'], 'urban'], COLOURS.urbanRadius, COLOURS.ruralRadius],
        'line-width': ['case', ['get', 'selected'], 2.4, 1.3],
        'line-opacity': unlessDragged(0.8) as never,
        'line-dasharray': [4, 3],
      },
    },
    {
      id: LAYER.circle,
      type: 'line',
      source: SOURCE.radii,
      filter: ['==', ['get', 'ring'], 'circle'],
      paint: {
        'line-color': COLOURS.circle,
        'line-width': ['case', ['get', 'selected'], 2.4, 1.4],
        'line-dasharray': [1, 1.5],
        'line-opacity': unlessDragged(1) as never,
      },
    },
    {
      id: LAYER.circleLabel,
      type: 'symbol',
      source: SOURCE.radii,
      filter: ['==', ['get', 'ring'], 'label'],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT,
        'text-size': 11.5,
        'text-anchor': 'bottom',
        'text-offset': [0, -0.3],
        'text-max-width': 30,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': COLOURS.circle, 'text-halo-color': COLOURS.halo, 'text-halo-width': 1.5, 'text-opacity': unlessDragged(1) as never },
    },
    {
      id: LAYER.isochroneHalo,
      type: 'line',
      source: SOURCE.isochrones,
      paint: { 'line-color': COLOURS.halo, 'line-width': ['case', ['get', 'circle'], 5, 3.5] as never, 'line-opacity': 0.85 },
    },
    {
      id: LAYER.isochrones,
      type: 'line',
      source: SOURCE.isochrones,
      // the circle's minutes in the circle's colour, the other steps dark grey
      paint: {
        'line-color': ['case', ['get', 'circle'], COLOURS.circle, COLOURS.isochrone] as never,
        'line-width': ['case', ['get', 'circle'], 2.6, 1.5] as never,
      },
    },
    {
      id: LAYER.isochroneLabels,
      type: 'symbol',
      source: SOURCE.isochrones,
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 260,
        'text-field': ['get', 'label'],
        'text-font': FONT_BOLD,
        'text-size': 11.5,
        'text-max-angle': 40,
      },
      paint: {
        'text-color': ['case', ['get', 'circle'], COLOURS.circle, COLOURS.isochrone] as never,
        'text-halo-color': COLOURS.halo,
        'text-halo-width': 1.8,
      },
    },
    {
      id: LAYER.gapLabels,
      type: 'symbol',
      source: SOURCE.gapLabels,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_BOLD,
        'text-size': gapLabelSize(rank) as never,
        'text-allow-overlap': false,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': COLOURS.gapLine, 'text-halo-color': COLOURS.halo, 'text-halo-width': 1.8 },
    },
    {
      id: LAYER.zoneLabels,
      type: 'symbol',
      source: SOURCE.zoneLabels,
      minzoom: 8.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_BOLD,
        'text-size': ['interpolate', ['linear'], ['zoom'], 9, 11, 13, 14],
        // below the seat: a station standing at the seat keeps its own label beside it
        'text-anchor': 'top',
        'text-offset': [0, 0.9],
        'text-letter-spacing': 0.08,
        'text-padding': 4,
      },
      paint: { 'text-color': '#6b5f52', 'text-halo-color': COLOURS.halo, 'text-halo-width': 1.6 },
    },
    {
      id: LAYER.stationApprox,
      type: 'circle',
      source: SOURCE.stations,
      filter: ['==', ['get', 'approx'], true],
      paint: {
        'circle-radius': ['+', ['get', 'radius'], 4],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': COLOURS.approx,
        'circle-stroke-width': 1,
        'circle-stroke-opacity': unlessDragged(['case', ['==', ['get', 'status'], 'disabled'], 0.3, 0.7]) as never,
      },
    },
    {
      id: LAYER.stationSelected,
      type: 'circle',
      source: SOURCE.stations,
      filter: ['==', ['get', 'selected'], true],
      paint: {
        'circle-radius': ['+', ['get', 'radius'], 7],
        'circle-color': 'rgba(255,214,0,0.35)',
        'circle-opacity': unlessDragged(1) as never,
        'circle-stroke-color': COLOURS.gapHighlight,
        'circle-stroke-width': 2,
        'circle-stroke-opacity': unlessDragged(1) as never,
      },
    },
    {
      // stations over the busy target stand out on the workload layer (ems-layers.ts sets `over`)
      id: LAYER.workloadOver,
      type: 'circle',
      source: SOURCE.stations,
      layout: { visibility: 'none' },
      paint: {
        'circle-radius': ['+', ['get', 'radius'], 5],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': WORKLOAD_COLOURS[WORKLOAD_OVER + 1],
        'circle-stroke-width': 3,
        'circle-stroke-opacity': ['case', ['boolean', ['feature-state', 'over'], false], unlessDragged(1), 0] as never,
      },
    },
    {
      id: LAYER.stations,
      type: 'circle',
      source: SOURCE.stations,
      // lower order = more important: drawn last (on top) and labelled first
      layout: { 'circle-sort-key': ['-', 0, ['get', 'order']] },
      paint: {
        'circle-radius': ['get', 'radius'],
        'circle-color': ['match', ['get', 'status'], 'proposed', '#ffffff', 'disabled', COLOURS.disabled, ['get', 'colour']] as never,
        'circle-opacity': unlessDragged(['match', ['get', 'status'], 'disabled', 0.5, 1]) as never,
        'circle-stroke-color': ['match', ['get', 'status'], 'proposed', COLOURS.proposed, 'disabled', '#757575', '#ffffff'] as never,
        'circle-stroke-width': ['match', ['get', 'status'], 'proposed', 3.2, 1.6] as never,
        'circle-stroke-opacity': unlessDragged(['match', ['get', 'status'], 'disabled', 0.6, 1]) as never,
      },
    },
    {
      // invisible, larger target so a station is easy to grab
      id: LAYER.stationHit,
      type: 'circle',
      source: SOURCE.stations,
      paint: { 'circle-radius': ['+', ['get', 'radius'], 6], 'circle-opacity': 0, 'circle-stroke-width': 0 },
    },
    {
      id: LAYER.stationLabels,
      type: 'symbol',
      source: SOURCE.stations,
      layout: {
        // disabled stations are named only close up, so they do not bury the township names
        'text-field': ['step', ['zoom'], ['case', ['==', ['get', 'status'], 'disabled'], '', ['get', 'label']], 11.5, ['get', 'label']] as never,
        'text-font': FONT,
        'text-size': ['match', ['get', 'kind'], 'emergency-centre', 13, 'sub-centre', 12.5, 12] as never,
        'symbol-sort-key': ['get', 'order'],
        'text-variable-anchor': ['left', 'right', 'bottom'],
        'text-max-width': 16,
        'text-radial-offset': 0.9,
      },
      paint: {
        'text-color': ['match', ['get', 'status'], 'disabled', '#7d7d7d', COLOURS.label] as never,
        'text-halo-color': COLOURS.halo,
        'text-halo-width': 1.8,
        'text-opacity': unlessDragged(1) as never,
      },
    },
    {
      id: LAYER.suggestions,
      type: 'circle',
      source: SOURCE.suggestions,
      paint: { 'circle-radius': 11, 'circle-color': '#ffffff', 'circle-stroke-color': COLOURS.suggested, 'circle-stroke-width': 3 },
    },
    {
      id: LAYER.suggestionLabels,
      type: 'symbol',
      source: SOURCE.suggestions,
      layout: { 'text-field': ['to-string', ['get', 'rank']] as never, 'text-font': FONT, 'text-size': 12, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': COLOURS.suggested },
    },
  ];
}
