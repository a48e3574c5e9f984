import { cellToChildren, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3HalvesOf } from '../../src/core/h3-bits.ts';
import { cellParentIndex, parentChildren, parentStatus, refreshParents } from '../../src/map/parent-status.ts';

// Two res-7 parents near 达埔 and their first four res-9 children each: small enough to count by hand.
const parentA = latLngToCell(25.31, 118.162, 7);
const parentB = latLngToCell(25.482, 118.071, 7);
const childrenA = cellToChildren(parentA, 9).slice(0, 4);
const childrenB = cellToChildren(parentB, 9).slice(0, 4);
const cells = h3HalvesOf([...childrenA, ...childrenB]);

describe('cell status drawn on parent cells at low zoom', () => {
  it('finds each cell\'s parent by index', () => {
    expect([...cellParentIndex(cells, [parentB, parentA], 7).parentOf]).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    expect([...cellParentIndex(cells, [parentA], 7).parentOf]).toEqual([0, 0, 0, 0, -1, -1, -1, -1]);
  });

  it('a parent shows the status of most of its residents, not of most of its cells', () => {
    const { parentOf } = cellParentIndex(cells, [parentA, parentB], 7);
    // A: three covered cells of 10 residents, one gap cell of 50 → gap (50 > 30)
    // B: one covered cell of 100, three marginal of 20 → covered (100 > 60)
    const status = Uint8Array.of(0, 0, 0, 2, 0, 1, 1, 1);
    const inside = Uint8Array.of(1, 1, 1, 0, 1, 0, 0, 0);
    const population = Float64Array.of(10, 10, 10, 50, 100, 20, 20, 20);
    const out = parentStatus(status, inside, population, parentOf, 2);
    expect([...out.status]).toEqual([2, 0]);
    // A: 30 of 80 inside → outside; B: 100 of 160 inside → inside
    expect([...out.inside]).toEqual([0, 1]);
  });

  it('a tie goes to the worse status, and an unpopulated parent counts cells', () => {
    const { parentOf } = cellParentIndex(cells, [parentA, parentB], 7);
    const status = Uint8Array.of(0, 0, 2, 2, 1, 1, 0, 2);
    const inside = new Uint8Array(8);
    const population = Float64Array.of(5, 5, 5, 5, 0, 0, 0, 0);
    const out = parentStatus(status, inside, population, parentOf, 2);
    expect(out.status[0]).toBe(2); // 10 covered vs 10 gap
    expect(out.status[1]).toBe(1); // no residents: two marginal cells beat one covered and one gap
  });

  it('after a change, refreshing only the parents of changed cells gives the full answer', () => {
    const { parentOf } = cellParentIndex(cells, [parentA, parentB], 7);
    const population = Float64Array.of(10, 10, 10, 50, 100, 20, 20, 20);
    const inside = new Uint8Array(8);
    const before = Uint8Array.of(0, 0, 0, 2, 0, 1, 1, 1);
    const shown = parentStatus(before, inside, population, parentOf, 2);
    expect([...shown.status]).toEqual([2, 0]);
    // the 50-resident gap cell of A becomes covered: only A is refreshed
    const after = Uint8Array.of(0, 0, 0, 0, 0, 1, 1, 1);
    refreshParents(shown, [0], parentChildren(parentOf, 2), after, inside, population);
    expect([...shown.status]).toEqual([0, 0]);
    expect([...shown.status]).toEqual([...parentStatus(after, inside, population, parentOf, 2).status]);
  });
});
