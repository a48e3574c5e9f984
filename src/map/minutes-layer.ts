/**
 * The response-time layer: each cell coloured by the class of its response
 * minutes on roads (minutes-ramp.ts), on feature-state `m` of the cell and
 * parent features the status layers use. Painted like the statuses: the
 * first result fixes the layers' baseline class and sets feature-state where
 * a cell differs; later results set it only where a cell's class changed.
 * The cell layer hands it only results of the dataset drawn.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { EvaluationUpdate } from '../worker/api.ts';
import { LAYER, minutesFillColor, SOURCE } from './layers.ts';
import { minutesClasses, minutesSteps } from './minutes-ramp.ts';
import { refreshParentClasses, type ParentIndex } from './parent-status.ts';
import { CellStateTracker, commonBaseline } from './status-diff.ts';

/** One source's painted classes (cells or parents). */
class ClassPaint {
  private tracker: CellStateTracker | null = null;
  /** Ids given `m` for the dataset drawn, and those given it for an earlier one. */
  private painted = new Set<number>();
  private stale = new Set<number>();
  /** Circle flags the tracker wants beside the classes: always 0 here. */
  private zeros = new Uint8Array(0);

  constructor(
    private readonly map: MapLibreMap,
    private readonly source: string,
    private readonly layer: string,
  ) {}

  get baseline(): number | null {
    return this.tracker?.baseline.status ?? null;
  }

  /** A new dataset: what was painted is overwritten or removed by its first paint. */
  reset(): void {
    for (const id of this.painted) this.stale.add(id);
    this.painted.clear();
    this.tracker = null;
  }

  /**
   * Paints classes (one per feature id); `draw` false tracks them without
   * painting (cells of a coarse region are not drawn). Returns the ids changed.
   */
  paint(classes: Uint8Array, draw: boolean): Int32Array {
    if (this.zeros.length !== classes.length) this.zeros = new Uint8Array(classes.length);
    let tracker = this.tracker;
    if (!tracker) {
      tracker = this.tracker = new CellStateTracker(classes.length, commonBaseline(classes, this.zeros));
      if (draw) this.map.setPaintProperty(this.layer, 'fill-color', minutesFillColor(tracker.baseline.status));
    }
    const changed = tracker.update(classes, this.zeros);
    if (!draw) return changed;
    for (let k = 0; k < changed.length; k++) {
      const id = changed[k];
      this.map.setFeatureState({ source: this.source, id }, { m: tracker.statusOf(id) });
      this.painted.add(id);
    }
    // ids painted for an earlier dataset get this one's class explicitly (or lose `m` past its features)
    for (const id of this.stale) {
      if (id >= classes.length) this.map.removeFeatureState({ source: this.source, id }, 'm');
      else if (!this.painted.has(id)) {
        this.map.setFeatureState({ source: this.source, id }, { m: tracker.statusOf(id) });
        this.painted.add(id);
      }
    }
    this.stale.clear();
    return changed;
  }
}

export class MinutesLayer {
  private readonly cells: ClassPaint;
  private readonly parents: ClassPaint;
  private parentClasses: Uint8Array | null = null;
  private stepsOf: number | null = null;
  /** True while the last result of the dataset drawn had minutes and they are painted. */
  shown = false;

  constructor(map: MapLibreMap) {
    this.cells = new ClassPaint(map, SOURCE.cells, LAYER.minutes);
    this.parents = new ClassPaint(map, SOURCE.parents, LAYER.minutesParents);
  }

  /** Classes drawn where a feature has no `m` (tests read drawn states with it), or null before the first paint. */
  get baseline(): { cells: number; parents: number } | null {
    const cells = this.cells.baseline;
    const parents = this.parents.baseline;
    return cells === null || parents === null ? null : { cells, parents };
  }

  reset(): void {
    this.cells.reset();
    this.parents.reset();
    this.parentClasses = null;
    this.stepsOf = null;
    this.shown = false;
  }

  /**
   * Paints a result's minutes (a result without them hides the layer and
   * keeps what was painted, to be diffed against the next one).
   * @param circleMinutes the rules' circle, the ramp's key step
   * @param coarse cells are not drawn (a region of more than MAX_DRAWN_CELLS)
   */
  show(result: Pick<EvaluationUpdate, 'minutes' | 'roadAccess'>, circleMinutes: number, population: ArrayLike<number>, index: ParentIndex, coarse: boolean): void {
    if (!result.minutes) {
      this.shown = false;
      return;
    }
    const classes = minutesClasses(result.minutes, result.roadAccess ?? null, minutesSteps(circleMinutes));
    const changed = this.cells.paint(classes, !coarse);
    // parents: all of them on the first result or new steps, then only those holding a cell that changed
    const all = !this.parentClasses || this.stepsOf !== circleMinutes;
    this.parentClasses ??= new Uint8Array(index.count);
    const touched = new Set<number>();
    if (all) for (let p = 0; p < index.count; p++) touched.add(p);
    else for (let k = 0; k < changed.length; k++) if (index.parentOf[changed[k]] >= 0) touched.add(index.parentOf[changed[k]]);
    refreshParentClasses(this.parentClasses, touched, index.children, classes, population);
    this.parents.paint(this.parentClasses, true);
    this.stepsOf = circleMinutes;
    this.shown = true;
  }
}
