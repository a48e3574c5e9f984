/**
 * The EMS map layers (issue 14). Each cell layer is a ClassLayer on the cell
 * and parent features (EMS_CELL_LAYERS): backup coverage (the result's
 * in-range counts: 0 / 1 / ≥ 2 stations), call density (the dataset's calls
 * per cell, when calls are loaded), first-due workload (the busy fraction of
 * each cell's first-due station, from the result's first-due rows and
 * workload) and hospital transport (minutes to the nearest hospital with the
 * chosen capability, asked of the worker for the result on screen). Township
 * equity paints the zones by feature-state: each zone's 90th-percentile
 * minutes, the worst-served outlined. Each draws only data of the dataset
 * drawn, and the hospital minutes only while the update they were computed
 * for is the one shown: stale is hidden, never drawn.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Capability } from '../core/ems/settings.ts';
import type { EvaluationUpdate, FirstDueOutlines, HospitalMinutes } from '../worker/api.ts';
import type { Rules } from '../core/rules.ts';
import { ClassLayer } from './class-layer.ts';
import { backupClasses, callClasses, equityClass, equitySteps, hospitalClasses, hospitalSteps, workloadClasses } from './ems-ramps.ts';
import { EMS_CELL_LAYERS, EMS_LAYER_KEYS, SOURCE, type EmsCellLayerKey } from './layers.ts';
import type { EmsShown } from './layer-visibility.ts';
import type { MapInput } from './map-input.ts';
import type { ParentIndex } from './parent-status.ts';

/** Asks the worker for the minutes to the nearest hospital with a capability (CoverageWorkerApi.hospitalMinutes). */
export type FetchHospitalMinutes = (capability: Capability) => Promise<HospitalMinutes>;

/** Asks the worker for the outlines of the first-due areas of its last update (CoverageWorkerApi.firstDueOutlines). */
export type FetchFirstDueOutlines = () => Promise<FirstDueOutlines>;

const NO_OUTLINES: FirstDueOutlines['outlines'] = { type: 'FeatureCollection', features: [] };

/** What the cell layer draws on: the dataset's residents, parent index, whether cells are drawn, and its generation. */
export interface PaintContext {
  generation: number;
  population: ArrayLike<number>;
  index: ParentIndex;
  coarse: boolean;
}

/** What each EMS layer shows now (tests read drawn states with the baselines and the seqs). */
export interface EmsLayerStats {
  backup: { cells: number; parents: number } | null;
  calls: { cells: number; parents: number } | null;
  workload: { cells: number; parents: number } | null;
  hospital: { cells: number; parents: number } | null;
  /** The update the hospital minutes drawn belong to, and their capability; null while none are drawn. */
  hospitalDrawn: { seq: number; capability: Capability } | null;
  /** The update whose workload and first-due rows are drawn; null while none are. */
  workloadSeq: number | null;
  /** The update whose first-due area outlines are drawn, and how many; null while none are. */
  outlines: { seq: number; areas: number } | null;
  /** The update whose zone fractiles are drawn, the zones painted and the one outlined worst; null while none are. */
  equity: { seq: number; zones: number; worst: string | null } | null;
}

const EMPTY_STATS: EmsLayerStats = { backup: null, calls: null, workload: null, hospital: null, hospitalDrawn: null, workloadSeq: null, outlines: null, equity: null };

export class EmsLayers {
  /** The cell layers, one per entry of EMS_CELL_LAYERS. */
  readonly layers: Record<EmsCellLayerKey, ClassLayer>;
  readonly stats: EmsLayerStats = { ...EMPTY_STATS };
  /** Zones given equity state (by code), and the one marked worst. */
  private equityZones = new Set<string>();
  private worstZone: string | null = null;
  /** Stations marked over the busy target (by id). */
  private overStations = new Set<string>();
  /** The calls painted (the array itself: a new import is a new array). */
  private callsDrawn: ArrayLike<number> | null = null;
  /** Key of the hospital minutes wanted for the input last seen, and the key last asked for. */
  private hospitalKey: string | null = null;
  private hospitalAsked: string | null = null;
  /** Key of the first-due outlines wanted for the input last seen, and the key last asked for. */
  private outlinesKey: string | null = null;
  private outlinesAsked: string | null = null;

  /**
   * @param context the cell layer's dataset drawn, or null before its first result
   * @param changed told when a layer's data arrived or went (its visibility is then applied again)
   */
  constructor(
    private readonly map: MapLibreMap,
    private readonly fetchHospital: FetchHospitalMinutes | null,
    private readonly context: () => PaintContext | null,
    private readonly changed: () => void,
    private readonly fetchOutlines: FetchFirstDueOutlines | null = null,
  ) {
    const layers = {} as Record<EmsCellLayerKey, ClassLayer>;
    for (const key of Object.keys(EMS_CELL_LAYERS) as EmsCellLayerKey[]) layers[key] = new ClassLayer(map, EMS_CELL_LAYERS[key]);
    this.layers = layers;
  }

  get backup(): ClassLayer {
    return this.layers.backup;
  }
  get calls(): ClassLayer {
    return this.layers.calls;
  }
  get hospital(): ClassLayer {
    return this.layers.hospital;
  }

  /** Which layers have data painted (none before a result of the dataset drawn is shown). */
  shown(resultShown: boolean): EmsShown {
    const out = {} as EmsShown;
    for (const key of EMS_LAYER_KEYS) out[key] = resultShown && (key === 'equity' ? this.stats.equity !== null : this.layers[key].shown);
    return out;
  }

  /** A new dataset: nothing of the previous one is drawn. */
  reset(): void {
    for (const layer of Object.values(this.layers)) layer.reset();
    this.callsDrawn = null;
    this.hospitalKey = null;
    this.hospitalAsked = null;
    this.outlinesKey = null;
    this.outlinesAsked = null;
    this.setOutlines(NO_OUTLINES);
    // the zones source gets the new dataset's outlines: no state of the old ones may stay on a code they share
    if (this.map.getSource(SOURCE.zones)) this.map.removeFeatureState({ source: SOURCE.zones });
    this.equityZones.clear();
    this.worstZone = null;
    this.markOver(new Set());
    Object.assign(this.stats, EMPTY_STATS);
  }

  /**
   * Paints what a result of the dataset drawn gives the cell layers and zones
   * (called by the controller with each result painted): its in-range counts,
   * the busy fraction of each cell's first-due station, each zone's 90th percentile.
   */
  showResult(result: EvaluationUpdate, rules: Rules, context: PaintContext): void {
    this.backup.show(backupClasses(result.inRange), 'b', context.population, context.index, context.coarse);
    this.stats.backup = this.backup.baseline;
    this.showWorkload(result, rules, context);
    this.showEquity(result);
  }

  private showWorkload(result: EvaluationUpdate, rules: Rules, context: PaintContext): void {
    const layer = this.layers.workload;
    // a result without EMS figures (a worker that does not compute them) or of another dataset draws no workload
    if (!result.ems || result.firstDue?.length !== context.population.length) {
      layer.hide();
      this.stats.workload = null;
      this.stats.workloadSeq = null;
      this.markOver(new Set());
      return;
    }
    const { busyTarget } = rules.ems;
    const classes = workloadClasses(
      result.firstDue,
      result.ems.workload.map((w) => w.busyFraction),
      busyTarget,
    );
    layer.show(classes, `w|${busyTarget}`, context.population, context.index, context.coarse);
    this.stats.workload = layer.baseline;
    this.stats.workloadSeq = result.seq;
    this.markOver(new Set(result.ems.workload.filter((w) => w.firstDueCells > 0 && w.busyFraction >= busyTarget).map((w) => w.id)));
  }

  /** Rings the stations over the busy target (feature-state `over` on the stations); those no longer over lose it. */
  private markOver(over: Set<string>): void {
    if (!this.map.getSource(SOURCE.stations)) return;
    for (const id of this.overStations) if (!over.has(id)) this.map.removeFeatureState({ source: SOURCE.stations, id }, 'over');
    for (const id of over) if (!this.overStations.has(id)) this.map.setFeatureState({ source: SOURCE.stations, id }, { over: true });
    this.overStations = over;
  }

  /** Each zone's class by its residents' 90th percentile (feature-state `e`), the worst-served township by `worst`. */
  private showEquity(result: EvaluationUpdate): void {
    if (!result.ems || !this.map.getSource(SOURCE.zones)) return;
    const { fractiles, equity } = result.ems;
    const steps = equitySteps(fractiles.targetMinutes);
    const painted = new Set<string>();
    for (const z of fractiles.zones) {
      this.map.setFeatureState({ source: SOURCE.zones, id: z.code }, { e: equityClass(z.residents.p90Minutes, z.residents.weight, steps) });
      painted.add(z.code);
    }
    for (const code of this.equityZones) if (!painted.has(code)) this.map.removeFeatureState({ source: SOURCE.zones, id: code }, 'e');
    this.equityZones = painted;
    const worst = equity.worstZone?.code ?? null;
    if (this.worstZone !== null && this.worstZone !== worst) this.map.removeFeatureState({ source: SOURCE.zones, id: this.worstZone }, 'worst');
    if (worst !== null) this.map.setFeatureState({ source: SOURCE.zones, id: worst }, { worst: true });
    this.worstZone = worst;
    this.stats.equity = painted.size > 0 ? { seq: result.seq, zones: painted.size, worst } : null;
  }

  /** Brings the call and hospital layers in step with the input (after the cell layer painted its result). */
  update(input: MapInput): void {
    const context = this.context();
    if (!context || context.generation !== input.datasetGeneration) return;
    this.updateCalls(input, context);
    this.updateHospital(input);
    this.updateOutlines(input);
  }

  /** The first-due outlines wanted: for the result on screen, when it is current and the workload layer on. */
  private updateOutlines(input: MapInput): void {
    const { result } = input;
    const key = this.fetchOutlines && input.layers.workload && result && result.tag.dataset === input.datasetGeneration ? `${input.datasetGeneration}|${result.seq}` : null;
    this.outlinesKey = key;
    // outlines of another update are stale: hidden at once
    if (this.stats.outlines && (!result || this.stats.outlines.seq !== result.seq)) this.setOutlines(NO_OUTLINES);
    if (key === null || !input.resultCurrent || this.outlinesAsked === key) return;
    this.outlinesAsked = key;
    this.fetchOutlines!().then(
      (answer) => {
        if (this.outlinesKey !== key || answer.seq !== result!.seq) return;
        this.setOutlines(answer.outlines, answer.seq);
      },
      () => {
        if (this.outlinesAsked === key) this.outlinesAsked = null;
      },
    );
  }

  private setOutlines(outlines: FirstDueOutlines['outlines'], seq?: number): void {
    this.map.getSource<GeoJSONSource>(SOURCE.firstDue)?.setData(outlines);
    this.stats.outlines = seq === undefined ? null : { seq, areas: outlines.features.length };
  }

  private updateCalls(input: MapInput, context: PaintContext): void {
    const calls = input.calls && input.calls.perCell.length === context.population.length ? input.calls.perCell : null;
    if (calls === this.callsDrawn) return;
    this.callsDrawn = calls;
    if (calls) this.calls.show(callClasses(calls), 'k', context.population, context.index, context.coarse);
    else this.calls.hide();
    this.stats.calls = calls ? this.calls.baseline : null;
  }

  /** The hospital minutes wanted: for the result on screen, when it is current, the layer on and a capability chosen. */
  private updateHospital(input: MapInput): void {
    const { result } = input;
    const capability = input.hospitalCapability;
    const key = this.fetchHospital && input.layers.hospital && capability && result && result.tag.dataset === input.datasetGeneration ? `${input.datasetGeneration}|${result.seq}|${capability}` : null;
    this.hospitalKey = key;
    const drawn = this.stats.hospitalDrawn;
    // minutes of another update or capability are stale: hidden at once
    if (drawn && (!result || drawn.seq !== result.seq || drawn.capability !== capability)) this.hideHospital();
    if (key === null || !input.resultCurrent || this.hospitalAsked === key) return;
    this.hospitalAsked = key;
    this.fetchHospital!(capability!).then(
      (answer) => {
        const context = this.context();
        // the worker answers for the scenario it holds: drawn only when that is still the update on screen
        if (this.hospitalKey !== key || !context || answer.seq !== result!.seq || answer.minutes.length !== context.population.length) return;
        const target = input.rules.ems.hospitalTargetMinutes[answer.capability];
        this.hospital.show(hospitalClasses(answer.minutes, hospitalSteps(target)), `${answer.capability}|${target}`, context.population, context.index, context.coarse);
        this.stats.hospital = this.hospital.baseline;
        this.stats.hospitalDrawn = { seq: answer.seq, capability: answer.capability };
        this.changed();
      },
      () => {
        if (this.hospitalAsked === key) this.hospitalAsked = null;
      },
    );
  }

  private hideHospital(): void {
    this.hospital.hide();
    this.stats.hospitalDrawn = null;
    this.stats.hospital = null;
  }
}
