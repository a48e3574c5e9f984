/**
 * Each cell's parent at a coarser resolution, read from the index's bits:
 * cells whose bits above the parent's last digit agree share the parent, so
 * a list sorted by H3 index (the engine's order) asks h3-js once per parent,
 * not once per cell (a million cells: ~20,000 calls instead of a million).
 * Any order is still answered correctly, only more slowly.
 */
import { cellToParent } from 'h3-js';
import { ancestorHigh, ancestorLow, ancestorShift, h3High, h3Low } from '../core/h3-bits.ts';

/**
 * @param fixed parents to number cells by (a cell under none of them gets -1);
 *   null numbers parents in order of first appearance
 * @example parentsOf(['8941a008a1bffff', '8941a008a13ffff'], 7, null).parents.length // 1
 */
export function parentsOf(h3: readonly string[], resolution: number, fixed: readonly string[] | null): { parentOf: Int32Array; parents: string[] } {
  // the cell layer and the status painter both ask for a region's parents: work them out once
  const key = `${resolution}`;
  const known = fixed ? undefined : found.get(h3)?.get(key);
  if (known) return { parentOf: known.parentOf, parents: known.parents.slice() };
  const result = parentsNow(h3, resolution, fixed);
  if (!fixed) {
    const byRes = found.get(h3) ?? new Map<string, { parentOf: Int32Array; parents: string[] }>();
    byRes.set(key, { parentOf: result.parentOf, parents: result.parents.slice() });
    found.set(h3, byRes);
  }
  return result;
}

/** Parents already found, per cell list (dropped with the list) and resolution. */
const found = new WeakMap<readonly string[], Map<string, { parentOf: Int32Array; parents: string[] }>>();

function parentsNow(h3: readonly string[], resolution: number, fixed: readonly string[] | null): { parentOf: Int32Array; parents: string[] } {
  const parents = fixed ? [...fixed] : [];
  const byH3 = new Map(parents.map((p, k) => [p, k]));
  const parentOf = new Int32Array(h3.length);
  const shift = ancestorShift(resolution);
  let high = -1;
  let low = -1;
  let id = -1;
  for (let i = 0; i < h3.length; i++) {
    const s = h3[i];
    const kh = ancestorHigh(h3High(s), shift);
    const kl = ancestorLow(h3Low(s), shift);
    if (i > 0 && kh === high && kl === low) {
      parentOf[i] = id;
      continue;
    }
    high = kh;
    low = kl;
    const res = parseInt(s[1], 16);
    const parent = res === resolution ? s : cellToParent(s, resolution);
    let k = byH3.get(parent);
    if (k === undefined && !fixed) {
      k = parents.length;
      parents.push(parent);
      byH3.set(parent, k);
    }
    id = k ?? -1;
    parentOf[i] = id;
  }
  return { parentOf, parents };
}
