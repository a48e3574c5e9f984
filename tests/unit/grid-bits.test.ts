/**
 * The grid reads H3 indexes as bits: its neighbours come from a binary
 * search of the sorted halves and its runs from the bits above a parent's
 * digits. Both are checked against h3-js's own answers (gridDisk, and
 * cellToParent grouping) on a grid with holes, at several resolutions.
 */
import { cellToParent, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/evaluate.ts';
import { gapGroups } from '../../src/core/gaps.ts';
import { buildGrid, gridFromColumns } from '../../src/core/grid.ts';
import { h3HalvesOf } from '../../src/core/h3-bits.ts';
import { h3Runs } from '../../src/core/h3-runs.ts';
import { createReachModel } from '../../src/core/reach-factory.ts';
import { makeRules } from '../../src/core/rules.ts';
import { CellOutliner } from '../../src/worker/gap-outline.ts';

/** Cells of a disk around Yongchun, one in three left out (holes), at `res`. */
function gridWithHoles(res: number) {
  const centre = latLngToCell(25.32, 118.29, res);
  const cells = gridDisk(centre, 12).filter((_, i) => i % 3 !== 1);
  return buildGrid(cells.map((h3, i) => ({ h3, population: i + 1 })), []);
}

describe('grid bits', () => {
  for (const res of [7, 9, 11]) {
    const grid = gridWithHoles(res);

    it(`neighbours at res ${res} are gridDisk's ring 1 that is in the grid`, () => {
      for (let i = 0; i < grid.size; i++) {
        const expected = gridDisk(grid.h3[i], 1).filter((c) => c !== grid.h3[i] && grid.indexOf.has(c)).map((c) => grid.indexOf.get(c)!).sort((a, b) => a - b);
        const got = [...grid.neighbours(i)].filter((j) => j >= 0).sort((a, b) => a - b);
        expect(got).toEqual(expected);
      }
    });

    it(`runs at res ${res} group the cells by cellToParent, for every coarser resolution`, () => {
      for (let parentRes = 0; parentRes <= res; parentRes++) {
        const runs = h3Runs(grid, null, parentRes);
        const groups: number[] = [];
        grid.h3.forEach((c, i) => {
          if (i === 0 || cellToParent(c, parentRes) !== cellToParent(grid.h3[i - 1], parentRes)) groups.push(i);
        });
        expect([...runs.start]).toEqual(groups);
        // and on a subset of members
        const members = Int32Array.from({ length: Math.floor(grid.size / 2) }, (_, k) => 2 * k);
        const sub = h3Runs(grid, members, parentRes);
        const subGroups: number[] = [];
        members.forEach((c, k) => {
          if (k === 0 || cellToParent(grid.h3[c], parentRes) !== cellToParent(grid.h3[members[k - 1]], parentRes)) subGroups.push(k);
        });
        expect([...sub.start]).toEqual(subGroups);
      }
    });
  }
});

describe('the map\'s parents from the bits', () => {
  for (const res of [8, 9, 10]) {
    const grid = gridWithHoles(res);
    it(`at res ${res}: every cell's parent is cellToParent's, in order of first appearance, sorted or shuffled`, async () => {
      const { parentsOf } = await import('../../src/map/parent-of.ts');
      const shuffled = [...grid.h3].sort((a, b) => (a.slice(-3) < b.slice(-3) ? -1 : 1));
      for (const list of [grid.h3, shuffled]) {
        for (let parentRes = 0; parentRes <= res; parentRes++) {
          const { parentOf, parents } = parentsOf(h3HalvesOf(list), parentRes, null);
          const expected: string[] = [];
          list.forEach((c) => {
            const p = cellToParent(c, parentRes);
            if (!expected.includes(p)) expected.push(p);
          });
          expect(parents).toEqual(expected);
          list.forEach((c, i) => expect(parents[parentOf[i]]).toBe(cellToParent(c, parentRes)));
        }
      }
      // numbered by a fixed list: cells under none of its parents get -1
      const some = [cellToParent(grid.h3[0], 7)];
      const fixed = parentsOf(grid.h3Halves, 7, some);
      grid.h3.forEach((c, i) => expect(fixed.parentOf[i]).toBe(cellToParent(c, 7) === some[0] ? 0 : -1));
    });
  }
});

describe('a grid from H3 integers (a region pack)', () => {
  const grid = gridWithHoles(9);
  /** The grid's columns with the indexes as integers, and strings that count their reads. */
  function columns(h3: readonly string[]) {
    const halves = h3HalvesOf(h3);
    let reads = 0;
    return {
      get reads() {
        return reads;
      },
      columns: {
        get h3() {
          reads++;
          return h3;
        },
        h3Int: new BigInt64Array(halves.buffer),
        population: Float64Array.from(h3, (_, i) => i + 1),
        zone: new Int32Array(h3.length).fill(-1),
      },
    };
  }

  it('reads no string to open, reach, find gap groups and outline them, and gives the same answers', () => {
    const counted = columns(grid.h3);
    const fromInts = gridFromColumns(counted.columns, []);
    const engine = createEngine(fromInts, { stations: [{ id: 's', name: 's', kind: 'station', status: 'existing', lng: 118.29, lat: 25.32, positionApproximate: false }], rules: makeRules({ urbanRadiusKm: 1, ruralStrictRadiusKm: 1, ruralLenientRadiusKm: 1.5 }) }, createReachModel(fromInts));
    const groups = gapGroups(engine);
    // the station covers the middle: the rest are gaps, with the grid's holes in them
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) new CellOutliner(fromInts.h3Halves).outline(g.cells);
    for (let i = 0; i < fromInts.size; i++) {
      expect([...fromInts.neighbours(i)]).toEqual([...grid.neighbours(i)]);
      expect(fromInts.areaKm2(i)).toBe(grid.areaKm2(i));
    }
    expect(counted.reads).toBe(0);
    expect(fromInts.h3).toEqual(grid.h3);
    expect(counted.reads).toBe(1);
  });

  it('refuses integers out of H3 order or of two resolutions, naming the row and the cells', () => {
    const swapped = [...grid.h3];
    [swapped[3], swapped[4]] = [swapped[4], swapped[3]];
    expect(() => gridFromColumns(columns(swapped).columns, [])).toThrow(`Cell row 5: ${swapped[4]} is not after ${swapped[3]} (cells must be sorted by H3 index, each once).`);
    const repeated = [...grid.h3];
    repeated[4] = repeated[3];
    expect(() => gridFromColumns(columns(repeated).columns, [])).toThrow('Cell row 5:');
    const coarse = cellToParent(grid.h3[0], 8);
    const mixed = [...grid.h3, coarse].sort();
    expect(() => gridFromColumns(columns(mixed).columns, [])).toThrow(/resolution (8|9) where the grid is resolution (8|9)/);
  });
});
