/**
 * Cells moved between numbered lists (the EMS figures' first-due areas and
 * histogram bins): after any sequence of moves each list holds exactly the
 * cells last moved into it, checked against a plain array of memberships.
 */
import { describe, expect, it } from 'vitest';
import { CellLists, pushCell, type CellList } from '../../src/core/ems/cell-lists.ts';
import { mulberry32 } from '../helpers/random.ts';

const members = (lists: CellLists, l: number): number[] => {
  const out: CellList = { cells: new Int32Array(0), count: 0 };
  lists.gather(l, out);
  return [...out.cells.subarray(0, out.count)].sort((a, b) => a - b);
};

describe('cells moved between lists', () => {
  it('a hand-made sequence: into a list, between lists, out of every list', () => {
    const lists = new CellLists(3, 5);
    lists.move(0, -1, 1);
    lists.move(3, -1, 1);
    lists.move(4, -1, 2);
    expect([members(lists, 0), members(lists, 1), members(lists, 2)]).toEqual([[], [0, 3], [4]]);
    lists.move(3, 1, 0); // the list's first cell (last in)
    lists.move(0, 1, -1); // its only cell left: the list is empty
    lists.move(4, 2, 2); // to where it is: nothing changes
    expect([members(lists, 0), members(lists, 1), members(lists, 2)]).toEqual([[3], [], [4]]);
  });

  it('2,000 random moves of 50 cells among 7 lists: every list as the memberships say', () => {
    const r = mulberry32(17);
    const lists = new CellLists(7, 50);
    const listOf = new Array<number>(50).fill(-1);
    for (let step = 0; step < 2000; step++) {
      const cell = Math.floor(r() * 50);
      const to = Math.floor(r() * 8) - 1; // −1: out of every list
      lists.move(cell, listOf[cell], to);
      listOf[cell] = to;
    }
    for (let l = 0; l < 7; l++) expect(members(lists, l)).toEqual(listOf.flatMap((x, cell) => (x === l ? [cell] : [])));
  });

  it('a cell list grows as cells are added, keeping those it had', () => {
    const list: CellList = { cells: new Int32Array(2), count: 0 };
    for (let i = 0; i < 3000; i++) pushCell(list, i * 7);
    expect(list.count).toBe(3000);
    expect(list.cells[0]).toBe(0);
    expect(list.cells[2999]).toBe(2999 * 7);
  });
});
