/**
 * Isochrone outlines of the selected station on roads: the cells it reaches
 * within 5, 10, the circle's and 20 minutes (the worker outlines them), drawn
 * in place of the straight-line emergency circle when reach is on roads.
 * Outlines of another station, position, rules or region are removed at
 * once, never left standing while new ones are asked for.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Rules } from '../core/rules.ts';
import type { Isochrones } from '../worker/api.ts';
import { SOURCE } from './layers.ts';
import type { MapInput, MapLanguage } from './map-input.ts';
import { EMPTY } from './style.ts';
import { RESPONSE_HORIZON_MINUTES } from '../core/road-network.ts';

/** Asks the worker for a station's isochrones (CoverageWorkerApi.isochrones). */
export type FetchIsochrones = (stationId: string, minutesList: number[]) => Promise<Isochrones>;

/**
 * The minutes outlined: 5, 10, the circle's and 20, ascending, each once,
 * within the response horizon.
 * @example isochroneMinutes(15) // [5, 10, 15, 20]
 * @example isochroneMinutes(12) // [5, 10, 12, 20]
 */
export function isochroneMinutes(circleMinutes: number): number[] {
  return [...new Set([5, 10, circleMinutes, 20])].filter((m) => m > 0 && m <= RESPONSE_HORIZON_MINUTES).sort((a, b) => a - b);
}

/** Numbers each rules object seen, so a key can name the rules an outline was made under. */
const rulesIds = new WeakMap<Rules, number>();
let nextRulesId = 0;
const rulesId = (rules: Rules) => {
  let id = rulesIds.get(rules);
  if (id === undefined) rulesIds.set(rules, (id = nextRulesId++));
  return id;
};

/**
 * What the outlines of an input depend on, or null when none are drawn
 * (no station selected, it is disabled or being dragged, the circles are
 * off, or the result drawn is not on roads or not of the dataset drawn).
 */
export function isochroneKey(input: MapInput): string | null {
  const { result, selectedStationId: id } = input;
  if (!input.layers.circles || id === null || id === input.draggingStationId) return null;
  if (!result || result.tag.dataset !== input.datasetGeneration || result.reach.model !== 'roads' || !result.minutes) return null;
  const station = input.stations.find((s) => s.id === id);
  if (!station || station.status === 'disabled' || result.ringAreaTypes[id] === undefined) return null;
  return [input.datasetGeneration, id, station.lng, station.lat, station.status, station.turnoutMinutes ?? '', rulesId(input.rules)].join('|');
}

export class IsochroneLayer {
  /** Key of the input last seen, and the key last asked for. */
  private key: string | null = null;
  private asked: string | null = null;
  private drawn: { key: string; data: Isochrones; language: MapLanguage } | null = null;

  /** @param stats written with the number of outlines drawn (tests wait for it) */
  constructor(
    private readonly map: MapLibreMap,
    private readonly stats: { isochrones: number },
    private readonly fetch: FetchIsochrones | null,
    private readonly label: (language: MapLanguage, minutes: number) => string,
  ) {}

  update(input: MapInput): void {
    const key = this.fetch ? isochroneKey(input) : null;
    this.key = key;
    // outlines of another station, position, rules or region are stale: gone at once
    if (this.drawn && this.drawn.key !== key) this.clear();
    if (key === null) {
      this.asked = null;
      return;
    }
    // asked once the result on screen is the scenario's own: the worker then holds the station where the key has it
    if (this.asked !== key && input.resultCurrent) {
      this.asked = key;
      this.ask(key, input);
    } else if (this.drawn && this.drawn.language !== input.language) this.draw(this.drawn.key, this.drawn.data, input);
  }

  private ask(key: string, input: MapInput): void {
    const id = input.selectedStationId!;
    this.fetch!(id, isochroneMinutes(input.rules.circleMinutes)).then(
      (data) => {
        if (this.key === key) this.draw(key, data, input);
      },
      // the worker refuses when reach changed under the request: asked again once the key changes back
      () => {
        if (this.asked === key) this.asked = null;
      },
    );
  }

  private draw(key: string, data: Isochrones, input: MapInput): void {
    const circle = input.rules.circleMinutes;
    const features = data.features.map((f) => ({
      ...f,
      properties: { ...f.properties, circle: f.properties.minutes === circle, label: this.label(input.language, f.properties.minutes) },
    }));
    this.map.getSource<GeoJSONSource>(SOURCE.isochrones)?.setData({ type: 'FeatureCollection', features });
    this.drawn = { key, data, language: input.language };
    this.stats.isochrones = features.length;
  }

  private clear(): void {
    this.map.getSource<GeoJSONSource>(SOURCE.isochrones)?.setData(EMPTY);
    this.drawn = null;
    this.stats.isochrones = 0;
  }
}
