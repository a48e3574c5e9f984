/**
 * Cells sorted into numbered lists (each cell in at most one), a cell moved
 * from one list to another in constant time, so the cells of a few lists are
 * found without a pass over every cell. Doubly linked through per-cell arrays.
 */

/** Some cells (the first `count` of `cells`), in any order; `cells` grows as they are added. */
export interface CellList {
  cells: Int32Array;
  count: number;
}

/** Appends a cell to a list, growing its array when full. */
export function pushCell(list: CellList, cell: number): void {
  if (list.count === list.cells.length) {
    const grown = new Int32Array(Math.max(1024, list.cells.length * 2));
    grown.set(list.cells);
    list.cells = grown;
  }
  list.cells[list.count++] = cell;
}

export class CellLists {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;

  /**
   * @param lists how many lists (numbered 0…lists−1)
   * @param cells how many cells (numbered 0…cells−1), none in a list yet
   */
  constructor(lists: number, cells: number) {
    this.head = new Int32Array(lists).fill(-1);
    this.next = new Int32Array(cells).fill(-1);
    this.prev = new Int32Array(cells).fill(-1);
  }

  /** Moves `cell` from list `from` (where it is, −1: none) to list `to` (−1: none). */
  move(cell: number, from: number, to: number): void {
    if (from === to) return;
    const { head, next, prev } = this;
    if (from >= 0) {
      const p = prev[cell];
      const n = next[cell];
      if (p >= 0) next[p] = n;
      else head[from] = n;
      if (n >= 0) prev[n] = p;
    }
    if (to >= 0) {
      const h = head[to];
      next[cell] = h;
      prev[cell] = -1;
      if (h >= 0) prev[h] = cell;
      head[to] = cell;
    }
  }

  /** Appends the cells of one list to `out` (in no particular order). */
  gather(list: number, out: CellList): void {
    for (let i = this.head[list]; i >= 0; i = this.next[i]) pushCell(out, i);
  }
}
