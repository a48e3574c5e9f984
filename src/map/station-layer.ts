/**
 * Station markers and their rings. Ring radii come from src/core/rings.ts for
 * the area types the worker found among each station's cells (the result's
 * `ringAreaTypes`), so the rings show what the engine applies.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { circleFormula, type Rules } from '../core/rules.ts';
import type { AreaType, Station } from '../core/types.ts';
import type { EvaluationUpdate } from '../worker/api.ts';
import { RingCache, type RingInput } from './circles.ts';
import { SOURCE } from './layers.ts';
import type { MapLanguage } from './map-input.ts';
import { stationFeatures } from './stations.ts';
import { mapLabel } from './text.ts';

export type MapTranslate = (language: MapLanguage, key: string, params?: Record<string, string | number>) => string;

export interface StationDraw {
  stations: readonly Station[];
  selectedStationId: string | null;
  rules: Rules;
  language: MapLanguage;
  /** The result whose ring area types are drawn (null: no rings yet). */
  result: EvaluationUpdate | null;
}

export class StationLayer {
  private readonly rings = new RingCache();

  /** @param stats written with the time of the latest redraw and the stations whose ring geometry was recomputed */
  constructor(
    private readonly map: MapLibreMap,
    private readonly translate: MapTranslate,
    private readonly stats: { stationsMs: number; ringsRecomputed: number },
  ) {}

  draw({ stations, selectedStationId, rules, language, result }: StationDraw): void {
    const t0 = performance.now();
    (this.map.getSource(SOURCE.stations) as GeoJSONSource).setData(stationFeatures([...stations], selectedStationId));
    const labels: Partial<Record<AreaType, string>> = {};
    const circleLabel = (areaType: AreaType) =>
      (labels[areaType] ??= mapLabel(
        this.translate(language, 'map.circleLabel', {
          minutes: rules.circleMinutes,
          areaType: this.translate(language, `map.areaType.${areaType}`),
          formula: circleFormula(rules, areaType),
        }),
      ));
    const areaTypes = result?.ringAreaTypes ?? {};
    // a station the result does not know yet (just added) gets its rings with its result
    const inputs: RingInput[] = stations
      .filter((s) => areaTypes[s.id] !== undefined)
      .map((station) => ({ station, areaTypes: areaTypes[station.id], selected: station.id === selectedStationId, circleLabel }));
    (this.map.getSource(SOURCE.radii) as GeoJSONSource).setData({ type: 'FeatureCollection', features: this.rings.features(inputs, rules) });
    this.stats.stationsMs = performance.now() - t0;
    this.stats.ringsRecomputed = this.rings.recomputed;
  }
}
