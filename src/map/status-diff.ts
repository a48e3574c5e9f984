/**
 * Remembers the cell status last drawn so each result repaints only the cells
 * whose status or emergency-circle membership changed (a drag moves a few
 * hundred cells, not the whole region).
 */

export class CellStateTracker {
  /** Status drawn per cell: 0 covered, 1 marginal, 2 gap. Cells start as covered. */
  private readonly status: Uint8Array;
  /** 1 inside the emergency circle. Cells start outside (most are). */
  private readonly inside: Uint8Array;
  private readonly scratch: Int32Array;

  /**
   * @param size number of cells; the map draws cells without feature-state as
   *   covered and outside the circle, matching the starting values here, so
   *   the first result only paints the cells that differ from that
   */
  constructor(readonly size: number) {
    this.status = new Uint8Array(size);
    this.inside = new Uint8Array(size);
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
