/**
 * Shows and hides the toggled layers, and adds or removes the opt-in online
 * basemap (reporting once when its tiles fail). Status layers stay hidden
 * until a result of the dataset is painted.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { EMS_LAYER_KEYS, LAYER, SOURCE, TOGGLED_LAYERS, type EmsLayerKey } from './layers.ts';
import type { LayerKey } from './map-input.ts';
import { basemapLayer, basemapSource, isTileTemplate } from './style.ts';

const NEEDS_RESULT: ReadonlySet<string> = new Set([LAYER.status, LAYER.outsideCircle, LAYER.statusParents, LAYER.outsideCircleParents]);
/** Shown only while the result drawn has response minutes on roads. */
const NEEDS_MINUTES: ReadonlySet<string> = new Set([LAYER.minutes, LAYER.minutesParents]);
/** Shown only while the EMS layer's data of the dataset drawn (and, for hospitals, of the update shown) is painted. */
const NEEDS_EMS: Readonly<Record<string, EmsLayerKey>> = Object.fromEntries(EMS_LAYER_KEYS.flatMap((key) => TOGGLED_LAYERS[key].map((id) => [id, key])));

/** Which EMS layers have their data painted. */
export type EmsShown = Record<EmsLayerKey, boolean>;

const NO_EMS = Object.fromEntries(EMS_LAYER_KEYS.map((key) => [key, false])) as EmsShown;

export class LayerVisibility {
  private readonly visible = new Map<string, boolean>();
  private basemapShown: string | null = null;
  private basemapFailed = false;

  constructor(
    private readonly map: MapLibreMap,
    private readonly onBasemapStatus: (failed: boolean) => void,
  ) {}

  /** A basemap tile failed: told once per basemap. */
  basemapError(): void {
    if (!this.basemapFailed) this.onBasemapStatus((this.basemapFailed = true));
  }

  /**
   * @param resultShown a result of the dataset drawn is painted
   * @param minutesShown that result has response minutes on roads, painted
   * @param emsShown the EMS layers whose data is painted
   */
  apply(layers: Readonly<Record<LayerKey, boolean>>, basemapUrl: string, resultShown: boolean, minutesShown = false, emsShown: EmsShown = NO_EMS): void {
    const wanted = layers.basemap && isTileTemplate(basemapUrl) ? basemapUrl.trim() : null;
    if (wanted !== this.basemapShown) {
      if (this.map.getLayer(LAYER.basemap)) this.map.removeLayer(LAYER.basemap);
      if (this.map.getSource(SOURCE.basemap)) this.map.removeSource(SOURCE.basemap);
      this.visible.delete(LAYER.basemap);
      const source = wanted ? basemapSource(wanted) : null;
      if (source) {
        this.map.addSource(SOURCE.basemap, source);
        this.map.addLayer(basemapLayer(), LAYER.countiesFill);
      }
      this.basemapShown = wanted;
      this.basemapFailed = false;
      this.onBasemapStatus(false);
    }
    for (const [key, ids] of Object.entries(TOGGLED_LAYERS) as [LayerKey, readonly string[]][]) {
      for (const id of ids) this.set(id, layers[key] && (!NEEDS_RESULT.has(id) || resultShown) && (!NEEDS_MINUTES.has(id) || minutesShown) && (!(id in NEEDS_EMS) || emsShown[NEEDS_EMS[id]]));
    }
  }

  private set(id: string, visible: boolean): void {
    if (this.visible.get(id) === visible || !this.map.getLayer(id)) return;
    this.visible.set(id, visible);
    this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }
}
