/**
 * Remembers the cell status last drawn so each result repaints only the cells
 * whose status or emergency-circle membership changed (a drag moves a few
 * hundred cells, not the whole region).
 */

/** What the map draws for a cell that has no feature-state. */
export interface CellBaseline {
  /** 0 covered, 1 marginal, 2 gap. */
  status: number;
  /** 1 inside the emergency circle. */
  inside: number;
}

/**
 * The most common status and circle flag of a result: as the baseline, the
 * first paint only sets the cells that differ from it (all of Quanzhou is
 * mostly gap, Yongchun mostly covered).
 * @example commonBaseline(Uint8Array.of(2, 2, 0), Uint8Array.of(0, 0, 1)) // { status: 2, inside: 0 }
 */
export function commonBaseline(status: ArrayLike<number>, withinCircle: ArrayLike<number>): CellBaseline {
  // any byte value: the response-time layer tracks its colour classes (0–7) the same way
  const counts = new Array<number>(256).fill(0);
  let inside = 0;
  for (let i = 0; i < status.length; i++) {
    counts[status[i]]++;
    if (withinCircle[i]) inside++;
  }
  const top = counts.indexOf(Math.max(...counts));
  return { status: top, inside: inside * 2 > withinCircle.length ? 1 : 0 };
}

export class CellStateTracker {
  /** Status drawn per cell: 0 covered, 1 marginal, 2 gap. */
  private readonly status: Uint8Array;
  /** 1 inside the emergency circle. */
  private readonly inside: Uint8Array;
  private readonly scratch: Int32Array;

  /**
   * @param size number of cells
   * @param baseline what the map draws for cells without feature-state; the
   *   tracker starts every cell there, so the first result only paints the
   *   cells that differ from it
   */
  constructor(
    readonly size: number,
    readonly baseline: CellBaseline = { status: 0, inside: 0 },
  ) {
    this.status = new Uint8Array(size).fill(baseline.status);
    this.inside = new Uint8Array(size).fill(baseline.inside);
    this.scratch = new Int32Array(size);
  }

  /**
   * Takes a result's per-cell arrays and returns the indices of cells that
   * differ from what was drawn, remembering the new values.
   * @example new CellStateTracker(3).update(Uint8Array.of(0, 2, 0), Uint8Array.of(0, 0, 1)) // Int32Array [1, 2]
   */
  update(status: ArrayLike<number>, withinCircle: ArrayLike<number>): Int32Array {
    if (status.length !== this.size || withinCircle.length !== this.size) {
      throw new Error(`Got a result for ${status.length} cells (${withinCircle.length} circle flags) when the map has ${this.size}.`);
    }
    const changed = this.scratch;
    let count = 0;
    for (let i = 0; i < this.size; i++) {
      const s = status[i];
      const c = withinCircle[i] ? 1 : 0;
      if (s !== this.status[i] || c !== this.inside[i]) {
        this.status[i] = s;
        this.inside[i] = c;
        changed[count++] = i;
      }
    }
    return changed.slice(0, count);
  }

  /** Status currently drawn for a cell. */
  statusOf(i: number): number {
    return this.status[i];
  }

  /** Circle membership currently drawn for a cell (1 inside). */
  insideOf(i: number): number {
    return this.inside[i];
  }
}
