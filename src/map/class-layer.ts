/**
 * A stepped per-cell layer painted on feature-state: each cell gets a class
 * (a byte: its colour in the layer's ramp) on state `key` of the cell and
 * parent features the status layers use, and each parent the class of the
 * median of its cells' weights. The first paint fixes the layers' baseline
 * class (the commonest) and sets feature-state where a cell differs; later
 * paints set it only where a class changed. The response-time layer and the
 * EMS layers (backup coverage, call density, hospital transport) are each
 * one of these; the cell layer hands them only data of the dataset drawn.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { classFillColor, SOURCE } from './layers.ts';
import { refreshParentClasses, type ParentIndex } from './parent-status.ts';
import { CellStateTracker, commonBaseline } from './status-diff.ts';

/** One source's painted classes (cells or parents). */
class ClassPaint {
  private tracker: CellStateTracker | null = null;
  /** Ids given the state for the dataset drawn, and those given it for an earlier one. */
  private painted = new Set<number>();
  private stale = new Set<number>();
  /** Circle flags the tracker wants beside the classes: always 0 here. */
  private zeros = new Uint8Array(0);

  constructor(
    private readonly map: MapLibreMap,
    private readonly source: string,
    private readonly layer: string,
    private readonly key: string,
    private readonly colours: readonly string[],
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
      if (draw) this.map.setPaintProperty(this.layer, 'fill-color', classFillColor(this.key, this.colours, tracker.baseline.status));
    }
    const changed = tracker.update(classes, this.zeros);
    if (!draw) return changed;
    for (let k = 0; k < changed.length; k++) {
      const id = changed[k];
      this.map.setFeatureState({ source: this.source, id }, { [this.key]: tracker.statusOf(id) });
      this.painted.add(id);
    }
    // ids painted for an earlier dataset get this one's class explicitly (or lose the state past its features)
    for (const id of this.stale) {
      if (id >= classes.length) this.map.removeFeatureState({ source: this.source, id }, this.key);
      else if (!this.painted.has(id)) {
        this.map.setFeatureState({ source: this.source, id }, { [this.key]: tracker.statusOf(id) });
        this.painted.add(id);
      }
    }
    this.stale.clear();
    return changed;
  }
}

export interface ClassLayerIds {
  /** Feature-state key of the classes ('m', 'b', …): one per layer, on the shared cell and parent features. */
  key: string;
  cells: string;
  parents: string;
  colours: readonly string[];
}

export class ClassLayer {
  private readonly cells: ClassPaint;
  private readonly parents: ClassPaint;
  private parentClasses: Uint8Array | null = null;
  /** What the classes were made from (steps, a capability): a change repaints every parent. */
  private madeWith: string | null = null;
  /** True while the last data of the dataset drawn is painted. */
  shown = false;

  constructor(map: MapLibreMap, ids: ClassLayerIds) {
    this.cells = new ClassPaint(map, SOURCE.cells, ids.cells, ids.key, ids.colours);
    this.parents = new ClassPaint(map, SOURCE.parents, ids.parents, ids.key, ids.colours);
  }

  /** Classes drawn where a feature has no state (tests read drawn states with it), or null before the first paint. */
  get baseline(): { cells: number; parents: number } | null {
    const cells = this.cells.baseline;
    const parents = this.parents.baseline;
    return cells === null || parents === null ? null : { cells, parents };
  }

  reset(): void {
    this.cells.reset();
    this.parents.reset();
    this.parentClasses = null;
    this.madeWith = null;
    this.shown = false;
  }

  /** Hides the layer (no data for it) and keeps what was painted, to be diffed against the next data. */
  hide(): void {
    this.shown = false;
  }

  /**
   * Paints one class per cell; each parent gets the class at the median of its cells' `weights`.
   * @param madeWith what the classes depend on besides the data (a change repaints every parent)
   * @param coarse cells are not drawn (a region of more than MAX_DRAWN_CELLS)
   */
  show(classes: Uint8Array, madeWith: string, weights: ArrayLike<number>, index: ParentIndex, coarse: boolean): void {
    const changed = this.cells.paint(classes, !coarse);
    // parents: all of them on the first paint or new steps, then only those holding a cell that changed
    const all = !this.parentClasses || this.madeWith !== madeWith;
    this.parentClasses ??= new Uint8Array(index.count);
    const touched = new Set<number>();
    if (all) for (let p = 0; p < index.count; p++) touched.add(p);
    else for (let k = 0; k < changed.length; k++) if (index.parentOf[changed[k]] >= 0) touched.add(index.parentOf[changed[k]]);
    refreshParentClasses(this.parentClasses, touched, index.children, classes, weights);
    this.parents.paint(this.parentClasses, true);
    this.madeWith = madeWith;
    this.shown = true;
  }
}
