/**
 * Station markers and their rings. Ring radii come from src/core/rings.ts for
 * the area types the worker found among each station's cells (the result's
 * `ringAreaTypes`), so the rings show what the engine applies.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { circleFormula, type Rules } from '../core/rules.ts';
import type { AreaType, Station } from '../core/types.ts';
import type { EvaluationUpdate } from '../worker/api.ts';
import { RingCache, ringKindsShown, type RingInput } from './circles.ts';
import { DragOverlay, overlayRings } from './drag-overlay.ts';
import { SOURCE } from './layers.ts';
import type { MapLanguage } from './map-input.ts';
import { stationFeatures } from './stations.ts';
import { mapLabel } from './text.ts';

export type MapTranslate = (language: MapLanguage, key: string, params?: Record<string, string | number>) => string;

export interface StationDraw {
  stations: readonly Station[];
  selectedStationId: string | null;
  /** The station being dragged: drawn by the DOM overlay, left out of the sources until the drop. */
  draggingStationId: string | null;
  rules: Rules;
  language: MapLanguage;
  /** The result whose ring area types are drawn (null: no rings yet). */
  result: EvaluationUpdate | null;
}

/** What the stations and rings sources were last given, to skip a setData that would change nothing. */
interface SourceKey {
  stations: readonly Station[];
  selectedStationId: string | null;
  rules: Rules;
  language: MapLanguage;
  areaTypes: EvaluationUpdate['ringAreaTypes'];
  /** The reach of the result drawn ('roads': no straight-line circle). */
  reach: EvaluationUpdate['reach'] | null;
}

export class StationLayer {
  private readonly rings = new RingCache();
  private readonly overlay: DragOverlay;
  private sourceKey: SourceKey | null = null;
  /** The station whose map marker and rings are hidden while the overlay draws it. */
  private hiddenId: string | null = null;

  /** @param stats written with the time of the latest redraw and the stations whose ring geometry was recomputed */
  constructor(
    private readonly map: MapLibreMap,
    private readonly translate: MapTranslate,
    private readonly stats: { stationsMs: number; ringsRecomputed: number },
  ) {
    this.overlay = new DragOverlay(map);
  }

  draw({ stations, selectedStationId, draggingStationId, rules, language, result }: StationDraw): void {
    const t0 = performance.now();
    const areaTypes = result?.ringAreaTypes ?? {};
    const reach = result?.reach ?? null;
    const dragged = draggingStationId === null ? undefined : stations.find((s) => s.id === draggingStationId);
    if (dragged) {
      const selected = dragged.id === selectedStationId;
      this.overlay.show(dragged, overlayRings(rules, areaTypes[dragged.id] ?? [], selected, ringKindsShown(reach)), selected);
      this.hide(dragged.id);
    }
    // mid-drag the sources keep the dragged station where the drag began (hidden): only a change to the others redraws them
    const key: SourceKey = { stations, selectedStationId, rules, language, areaTypes, reach };
    if (!sourcesHold(this.sourceKey, key, dragged?.id ?? null)) this.setSources(key);
    // after the drop the overlay leaves once the sources hold the dropped station and have drawn it
    if (!dragged && this.hiddenId !== null) {
      const id = this.hiddenId;
      this.overlay.hide(
        () => this.map.isSourceLoaded(SOURCE.stations) && this.map.isSourceLoaded(SOURCE.radii),
        () => this.show(id),
      );
    }
    this.stats.stationsMs = performance.now() - t0;
  }

  /** Removes the drag overlay at once (the region changed). */
  clearOverlay(): void {
    this.overlay.hide();
    if (this.hiddenId !== null) this.show(this.hiddenId);
  }

  /** Hides the map's own marker and rings of a dragged station (the overlay draws it). */
  private hide(id: string): void {
    if (this.hiddenId === id) return;
    if (this.hiddenId !== null) this.show(this.hiddenId);
    this.hiddenId = id;
    for (const source of [SOURCE.stations, SOURCE.radii]) this.map.setFeatureState({ source, id }, { dragging: true });
  }

  private show(id: string): void {
    if (this.hiddenId === id) this.hiddenId = null;
    for (const source of [SOURCE.stations, SOURCE.radii]) this.map.removeFeatureState({ source, id }, 'dragging');
  }

  private setSources(key: SourceKey): void {
    const { stations, selectedStationId, rules, language, areaTypes, reach } = key;
    this.sourceKey = key;
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
    // a station the result does not know yet (just added) gets its rings with its result
    const inputs: RingInput[] = stations
      .filter((s) => areaTypes[s.id] !== undefined)
      .map((station) => ({ station, areaTypes: areaTypes[station.id], selected: station.id === selectedStationId, circleLabel }));
    (this.map.getSource(SOURCE.radii) as GeoJSONSource).setData({ type: 'FeatureCollection', features: this.rings.features(inputs, rules, ringKindsShown(reach)) });
    this.stats.ringsRecomputed = this.rings.recomputed;
  }
}

/** Whether sources drawn from `held` show `next`, the station `except` (being dragged, hidden) aside. */
function sourcesHold(held: SourceKey | null, next: SourceKey, except: string | null): boolean {
  if (!held || held.selectedStationId !== next.selectedStationId || held.rules !== next.rules || held.language !== next.language) return false;
  if (held.reach?.model !== next.reach?.model || held.reach?.serviceAlongRoads !== next.reach?.serviceAlongRoads) return false;
  const a = held.stations.filter((s) => s.id !== except);
  const b = next.stations.filter((s) => s.id !== except);
  const sameTypes = (s: Station) => (held.areaTypes[s.id]?.join('+') ?? '') === (next.areaTypes[s.id]?.join('+') ?? '');
  return a.length === b.length && a.every((s, k) => s === b[k] && sameTypes(s));
}
