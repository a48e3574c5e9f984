/**
 * Merged demand: demand cells covered by exactly the same set of candidates
 * behave as one (every choice of sites serves all or none of them), so they
 * become one element carrying their summed population. The optimiser works
 * on elements through rows of runs (candidate → ranges of element ids).
 *
 * Cells are grouped by a fingerprint of their candidate set — two 32-bit
 * sums of per-candidate random words, and the set's size — computed from the
 * runs with difference arrays, never cell by cell. Every group of two or
 * more cells is then checked exactly (a row must hold all of its cells or
 * none); a group that fails (a fingerprint collision) is split back into
 * cells. Elements are numbered in cell order, so a run of cells maps to a run
 * of elements.
 */

export interface CoverageProblem {
  candidateCount: number;
  elementCount: number;
  /** Candidate j serves elements [runFrom[r], runTo[r]) for r in [rowStart[j], rowStart[j+1]). */
  rowStart: Int32Array;
  runFrom: Int32Array;
  runTo: Int32Array;
  /** Candidate–element pairs in all (the runs' total length). */
  entries: number;
  /** Candidates serving each element. */
  degree: Int32Array;
  /** Population of the element no fixed station serves (people a first cover serves). */
  first: Float64Array;
  /** Population of the element one fixed station serves (people a new cover serves twice). */
  second: Float64Array;
  /** Value of serving a person twice against serving them once, 0–1; 0 = no backup objective. */
  backupWeight: number;
}

export interface MergedDemand {
  problem: CoverageProblem;
  /** Element of each demand cell; -1 when no candidate reaches the cell. */
  elementOf: Int32Array;
  /** Demand population no candidate can serve (not served at all / served once). */
  unreachableFirst: number;
  unreachableSecond: number;
}

/** A well-mixed 32-bit word per candidate and seed (splitmix-style finaliser). */
function word(j: number, seed: number): number {
  let h = Math.imul(j ^ seed, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Per cell: two fingerprints of its candidate set and its size, from the runs via difference arrays. */
function fingerprints(rowStart: Int32Array, runFrom: Int32Array, runTo: Int32Array, cellCount: number) {
  const n = rowStart.length - 1;
  const f1 = new Int32Array(cellCount + 1);
  const f2 = new Int32Array(cellCount + 1);
  const degree = new Int32Array(cellCount + 1);
  for (let j = 0; j < n; j++) {
    const w1 = word(j, 0x2545f491);
    const w2 = word(j, 0x6c8e9cf5);
    for (let r = rowStart[j]; r < rowStart[j + 1]; r++) {
      const a = runFrom[r];
      const b = runTo[r];
      f1[a] = (f1[a] + w1) | 0;
      f1[b] = (f1[b] - w1) | 0;
      f2[a] = (f2[a] + w2) | 0;
      f2[b] = (f2[b] - w2) | 0;
      degree[a]++;
      degree[b]--;
    }
  }
  for (let d = 1; d <= cellCount; d++) {
    f1[d] = (f1[d] + f1[d - 1]) | 0;
    f2[d] = (f2[d] + f2[d - 1]) | 0;
    degree[d] += degree[d - 1];
  }
  return { f1, f2, degree };
}

/**
 * Splits every multi-cell group whose cells some row does not hold all of
 * (a fingerprint collision) into single cells. Only cells of such groups are
 * visited, through a prefix count over the cells.
 * @param groupOf group of each cell (-1 none), repaired in place; new groups are numbered from `groups`
 * @returns the group of each cell, repaired
 */
export function verifyGroups(rowStart: Int32Array, runFrom: Int32Array, runTo: Int32Array, groupOf: Int32Array, groups: number): Int32Array {
  const cellCount = groupOf.length;
  const size = new Int32Array(groups);
  for (let d = 0; d < cellCount; d++) if (groupOf[d] >= 0) size[groupOf[d]]++;
  // merged cells in cell order, and how many lie before each cell
  const before = new Int32Array(cellCount + 1);
  const merged: number[] = [];
  for (let d = 0; d < cellCount; d++) {
    const g = groupOf[d];
    const isMerged = g >= 0 && size[g] > 1;
    before[d + 1] = before[d] + (isMerged ? 1 : 0);
    if (isMerged) merged.push(d);
  }
  if (merged.length === 0) return groupOf;
  const inRow = new Int32Array(groups);
  const broken = new Uint8Array(groups);
  const touched: number[] = [];
  const n = rowStart.length - 1;
  for (let j = 0; j < n; j++) {
    for (let r = rowStart[j]; r < rowStart[j + 1]; r++) {
      for (let t = before[runFrom[r]]; t < before[runTo[r]]; t++) {
        const g = groupOf[merged[t]];
        if (inRow[g]++ === 0) touched.push(g);
      }
    }
    for (const g of touched) {
      if (inRow[g] !== size[g]) broken[g] = 1;
      inRow[g] = 0;
    }
    touched.length = 0;
  }
  let next = groups;
  const seen = new Uint8Array(groups);
  for (const d of merged) {
    const g = groupOf[d];
    if (!broken[g]) continue;
    if (seen[g]) groupOf[d] = next++;
    else seen[g] = 1;
  }
  return groupOf;
}

/**
 * Merges demand cells with identical candidate sets.
 * @param rowStart row starts into the runs (length candidates + 1)
 * @param runFrom first demand cell of each run
 * @param runTo end (exclusive) of each run; runs of a row are ascending and disjoint
 * @param first population per demand cell a first cover serves
 * @param second population per demand cell a new cover serves twice (zeros without backup)
 * @param backupWeight value of a second cover against a first, 0–1
 */
export function mergeDemand(rowStart: Int32Array, runFrom: Int32Array, runTo: Int32Array, first: Float64Array, second: Float64Array, backupWeight: number): MergedDemand {
  if (!(backupWeight >= 0 && backupWeight <= 1)) throw new Error(`Backup weight must be between 0 and 1, got ${backupWeight}.`);
  const n = rowStart.length - 1;
  const cellCount = first.length;
  const { f1, f2, degree: cellDegree } = fingerprints(rowStart, runFrom, runTo, cellCount);

  // group by fingerprint; a group is named by its first cell's number among groups
  let groupOf: Int32Array = new Int32Array(cellCount).fill(-1);
  const byKey = new Map<number, number[]>();
  const groupCell: number[] = [];
  let reached = 0;
  for (let d = 0; d < cellCount; d++) {
    if (cellDegree[d] === 0) continue;
    reached++;
    const key = (f1[d] >>> 0) * 0x200000 + (cellDegree[d] & 0x1fffff);
    let bucket = byKey.get(key);
    if (!bucket) byKey.set(key, (bucket = []));
    let g = -1;
    for (const other of bucket) {
      const c = groupCell[other];
      if (f2[c] === f2[d] && cellDegree[c] === cellDegree[d]) {
        g = other;
        break;
      }
    }
    if (g < 0) {
      g = groupCell.length;
      groupCell.push(d);
      bucket.push(g);
    }
    groupOf[d] = g;
  }
  if (groupCell.length < reached) groupOf = verifyGroups(rowStart, runFrom, runTo, groupOf, groupCell.length);

  // elements: the first cell of each group, numbered in cell order
  const kept = new Int32Array(cellCount + 1); // kept cells before each cell
  const elementOfGroup = new Map<number, number>();
  const elementOf = new Int32Array(cellCount).fill(-1);
  let m = 0;
  for (let d = 0; d < cellCount; d++) {
    kept[d + 1] = kept[d];
    const g = groupOf[d];
    if (g < 0) continue;
    let e = elementOfGroup.get(g);
    if (e === undefined) {
      elementOfGroup.set(g, (e = m++));
      kept[d + 1]++;
    }
    elementOf[d] = e;
  }
  const degree = new Int32Array(m);
  const eFirst = new Float64Array(m);
  const eSecond = new Float64Array(m);
  let unreachableFirst = 0;
  let unreachableSecond = 0;
  for (let d = 0; d < cellCount; d++) {
    const e = elementOf[d];
    if (e < 0) {
      unreachableFirst += first[d];
      unreachableSecond += second[d];
      continue;
    }
    eFirst[e] += first[d];
    eSecond[e] += second[d];
    degree[e] = cellDegree[d];
  }

  let entries = 0;
  if (m === cellCount) {
    // nothing merged, nothing dropped: the cell runs are the element runs
    for (let r = 0; r < rowStart[n]; r++) entries += runTo[r] - runFrom[r];
    return {
      problem: { candidateCount: n, elementCount: m, rowStart, runFrom, runTo, entries, degree, first: eFirst, second: eSecond, backupWeight },
      elementOf,
      unreachableFirst,
      unreachableSecond,
    };
  }
  // a row holds all cells of a group or none, so its first cell stands for it: runs map through `kept`
  const eRowStart = new Int32Array(n + 1);
  const eFrom = new Int32Array(rowStart[n]);
  const eTo = new Int32Array(rowStart[n]);
  let runs = 0;
  for (let j = 0; j < n; j++) {
    eRowStart[j] = runs;
    for (let r = rowStart[j]; r < rowStart[j + 1]; r++) {
      const a = kept[runFrom[r]];
      const b = kept[runTo[r]];
      if (a === b) continue;
      if (runs > eRowStart[j] && eTo[runs - 1] === a) eTo[runs - 1] = b;
      else {
        eFrom[runs] = a;
        eTo[runs] = b;
        runs++;
      }
      entries += b - a;
    }
  }
  eRowStart[n] = runs;
  return {
    problem: {
      candidateCount: n,
      elementCount: m,
      rowStart: eRowStart,
      runFrom: eFrom.subarray(0, runs),
      runTo: eTo.subarray(0, runs),
      entries,
      degree,
      first: eFirst,
      second: eSecond,
      backupWeight,
    },
    elementOf,
    unreachableFirst,
    unreachableSecond,
  };
}

/**
 * A problem from explicit sets (for site lists built by hand, and tests):
 * candidate j serves the demand items in sets[j].
 * @example problemFromSets([[0, 1], [1, 2]], [5, 3, 4]).problem.elementCount // 3
 */
export function problemFromSets(sets: readonly (readonly number[])[], first: readonly number[], second: readonly number[] = [], backupWeight = 0): MergedDemand {
  const rowStart = new Int32Array(sets.length + 1);
  const from: number[] = [];
  const to: number[] = [];
  sets.forEach((set, j) => {
    const items = [...new Set(set)].sort((a, b) => a - b);
    for (const d of items) {
      if (!Number.isInteger(d) || d < 0 || d >= first.length) throw new Error(`Set ${j} names demand item ${d}; there are ${first.length}.`);
      if (to.length > rowStart[j] && to[to.length - 1] === d) to[to.length - 1] = d + 1;
      else {
        from.push(d);
        to.push(d + 1);
      }
    }
    rowStart[j + 1] = from.length;
  });
  const secondArray = new Float64Array(first.length);
  second.forEach((v, d) => (secondArray[d] = v));
  return mergeDemand(rowStart, Int32Array.from(from), Int32Array.from(to), Float64Array.from(first), secondArray, backupWeight);
}
