/**
 * The three EMS map layers (issue 14), each a ClassLayer on the cell and
 * parent features: backup coverage (the result's in-range counts: 0 / 1 /
 * ≥ 2 stations), call density (the dataset's calls per cell, when calls are
 * loaded) and hospital transport (minutes to the nearest hospital with the
 * chosen capability, asked of the worker for the result on screen). Each
 * draws only data of the dataset drawn, and the hospital minutes only while
 * the update they were computed for is the one shown: stale is hidden, never
 * drawn.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Capability } from '../core/ems/settings.ts';
import type { HospitalMinutes } from '../worker/api.ts';
import { ClassLayer } from './class-layer.ts';
import { backupClasses, BACKUP_COLOURS, CALL_COLOURS, callClasses, HOSPITAL_COLOURS, hospitalClasses, hospitalSteps } from './ems-ramps.ts';
import { LAYER } from './layers.ts';
import type { MapInput } from './map-input.ts';
import type { ParentIndex } from './parent-status.ts';

/** Asks the worker for the minutes to the nearest hospital with a capability (CoverageWorkerApi.hospitalMinutes). */
export type FetchHospitalMinutes = (capability: Capability) => Promise<HospitalMinutes>;

/** What the cell layer draws on: the dataset's residents, parent index, whether cells are drawn, and its generation. */
export interface PaintContext {
  generation: number;
  population: ArrayLike<number>;
  index: ParentIndex;
  coarse: boolean;
}

/** What each EMS layer shows now (tests read drawn states with the baselines and the seq). */
export interface EmsLayerStats {
  backup: { cells: number; parents: number } | null;
  calls: { cells: number; parents: number } | null;
  hospital: { cells: number; parents: number } | null;
  /** The update the hospital minutes drawn belong to, and their capability; null while none are drawn. */
  hospitalDrawn: { seq: number; capability: Capability } | null;
}

export class EmsLayers {
  readonly backup: ClassLayer;
  readonly calls: ClassLayer;
  readonly hospital: ClassLayer;
  readonly stats: EmsLayerStats = { backup: null, calls: null, hospital: null, hospitalDrawn: null };
  /** The calls painted (the array itself: a new import is a new array). */
  private callsDrawn: ArrayLike<number> | null = null;
  /** Key of the hospital minutes wanted for the input last seen, and the key last asked for. */
  private hospitalKey: string | null = null;
  private hospitalAsked: string | null = null;

  /**
   * @param context the cell layer's dataset drawn, or null before its first result
   * @param changed told when a layer's data arrived or went (its visibility is then applied again)
   */
  constructor(
    map: MapLibreMap,
    private readonly fetchHospital: FetchHospitalMinutes | null,
    private readonly context: () => PaintContext | null,
    private readonly changed: () => void,
  ) {
    this.backup = new ClassLayer(map, { key: 'b', cells: LAYER.backup, parents: LAYER.backupParents, colours: BACKUP_COLOURS });
    this.calls = new ClassLayer(map, { key: 'k', cells: LAYER.calls, parents: LAYER.callsParents, colours: CALL_COLOURS });
    this.hospital = new ClassLayer(map, { key: 'h', cells: LAYER.hospital, parents: LAYER.hospitalParents, colours: HOSPITAL_COLOURS });
  }

  /** A new dataset: nothing of the previous one is drawn. */
  reset(): void {
    for (const layer of [this.backup, this.calls, this.hospital]) layer.reset();
    this.callsDrawn = null;
    this.hospitalKey = null;
    this.hospitalAsked = null;
    Object.assign(this.stats, { backup: null, calls: null, hospital: null, hospitalDrawn: null });
  }

  /** Paints a result's in-range counts (called by the cell layer with each result of the dataset drawn). */
  showInRange(inRange: ArrayLike<number>, context: PaintContext): void {
    this.backup.show(backupClasses(inRange), 'b', context.population, context.index, context.coarse);
    this.stats.backup = this.backup.baseline;
  }

  /** Brings the call and hospital layers in step with the input (after the cell layer painted its result). */
  update(input: MapInput): void {
    const context = this.context();
    if (!context || context.generation !== input.datasetGeneration) return;
    this.updateCalls(input, context);
    this.updateHospital(input);
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
