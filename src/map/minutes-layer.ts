/**
 * The response-time layer: each cell coloured by the class of its response
 * minutes on roads (minutes-ramp.ts), on feature-state `m` of the cell and
 * parent features the status layers use (a ClassLayer: painted like the
 * statuses, only the classes that changed). The cell layer hands it only
 * results of the dataset drawn.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { EvaluationUpdate } from '../worker/api.ts';
import { ClassLayer } from './class-layer.ts';
import { LAYER } from './layers.ts';
import { MINUTES_COLOURS, minutesClasses, minutesSteps } from './minutes-ramp.ts';
import type { ParentIndex } from './parent-status.ts';

export class MinutesLayer {
  private readonly layer: ClassLayer;

  constructor(map: MapLibreMap) {
    this.layer = new ClassLayer(map, { key: 'm', cells: LAYER.minutes, parents: LAYER.minutesParents, colours: MINUTES_COLOURS });
  }

  /** True while the last result of the dataset drawn had minutes and they are painted. */
  get shown(): boolean {
    return this.layer.shown;
  }

  /** Classes drawn where a feature has no `m` (tests read drawn states with it), or null before the first paint. */
  get baseline(): { cells: number; parents: number } | null {
    return this.layer.baseline;
  }

  reset(): void {
    this.layer.reset();
  }

  /**
   * Paints a result's minutes (a result without them hides the layer and
   * keeps what was painted, to be diffed against the next one).
   * @param circleMinutes the rules' circle, the ramp's key step
   * @param coarse cells are not drawn (a region of more than MAX_DRAWN_CELLS)
   */
  show(result: Pick<EvaluationUpdate, 'minutes' | 'roadAccess'>, circleMinutes: number, population: ArrayLike<number>, index: ParentIndex, coarse: boolean): void {
    if (!result.minutes) {
      this.layer.hide();
      return;
    }
    const classes = minutesClasses(result.minutes, result.roadAccess ?? null, minutesSteps(circleMinutes));
    this.layer.show(classes, String(circleMinutes), population, index, coarse);
  }
}
