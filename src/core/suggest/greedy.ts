/**
 * Lazy greedy (CELF, Leskovec et al. 2007): a max-heap of candidates keyed by
 * their last computed gain. Gains only shrink as picks are added, so a stale
 * key is an upper bound: the top is recomputed until it is fresh, and a fresh
 * top is the true best. Ties go to the lower candidate index, so the picks
 * equal those of a plain greedy that recomputes every gain every round.
 */
import type { Steps } from './control.ts';

/**
 * What the lazy greedy needs of an objective's state: candidates, which are
 * picked, each one's current gain (never growing as picks are added), and
 * adding a pick. CoverState (coverage) and MexclpState (expected coverage) are two.
 */
export interface GainState {
  readonly problem: { readonly candidateCount: number };
  readonly picked: Uint8Array;
  gain(j: number): number;
  add(j: number): void;
}

export class LazyGreedy<S extends GainState = GainState> {
  readonly state: S;
  /** Upper bound on each candidate's current gain (exact when computed this round). */
  readonly key: Float64Array;
  /** Each candidate's gain before any pick: an upper bound on its gain against any set of picks. */
  readonly initial: Float64Array;
  /** Round in which each key was computed. */
  private readonly stamp: Int32Array;
  private readonly heap: Int32Array;
  private size = 0;
  /** Picks made so far. */
  round = 0;
  /** Gains computed (the initial pass included). */
  evaluations = 0;

  /** Computes every candidate's gain once; candidates that gain nothing now never will, and are left out. */
  constructor(state: S) {
    this.state = state;
    const n = state.problem.candidateCount;
    this.key = new Float64Array(n);
    this.stamp = new Int32Array(n);
    this.heap = new Int32Array(n);
    for (let j = 0; j < n; j++) {
      if (state.picked[j]) continue;
      this.key[j] = state.gain(j);
      this.evaluations++;
      if (this.key[j] > 0) this.heap[this.size++] = j;
    }
    this.initial = this.key.slice();
    for (let p = (this.size >> 1) - 1; p >= 0; p--) this.siftDown(p);
  }

  /** Candidates still in the race (unpicked, with a positive key). */
  get remaining(): number {
    return this.size;
  }

  /** True when a should sit above b: larger key, then lower index. */
  private above(a: number, b: number): boolean {
    const ka = this.key[a];
    const kb = this.key[b];
    return ka > kb || (ka === kb && a < b);
  }

  private siftDown(p: number): void {
    const { heap } = this;
    const j = heap[p];
    for (;;) {
      let c = 2 * p + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && this.above(heap[c + 1], heap[c])) c++;
      if (!this.above(heap[c], j)) break;
      heap[p] = heap[c];
      p = c;
    }
    heap[p] = j;
  }

  /** The best candidate now (its key is its exact gain), or -1 when nothing gains anything. */
  best(): number {
    while (this.size > 0) {
      const j = this.heap[0];
      if (this.stamp[j] === this.round) return j;
      this.key[j] = this.state.gain(j);
      this.stamp[j] = this.round;
      this.evaluations++;
      if (this.key[j] > 0) this.siftDown(0);
      else {
        this.heap[0] = this.heap[--this.size];
        this.siftDown(0);
      }
    }
    return -1;
  }

  /** Picks the candidate best() returned. */
  pick(j: number): void {
    if (this.size === 0 || this.heap[0] !== j) throw new Error(`Candidate ${j} is not the current best.`);
    this.heap[0] = this.heap[--this.size];
    if (this.size > 0) this.siftDown(0);
    this.state.add(j);
    this.round++;
  }

  /**
   * Walks the keys from the largest down (without disturbing the heap) until
   * `maxCount` keys are taken or their sum reaches `untilSum`: the sum of the
   * largest keys bounds the sum of the largest current gains from above.
   */
  topKeys(maxCount: number, untilSum = Infinity): { count: number; sum: number } {
    // best-first walk of the binary heap: a frontier of heap positions ordered by key
    const frontier: number[] = [];
    const push = (p: number) => {
      if (p >= this.size) return;
      frontier.push(p);
      let c = frontier.length - 1;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (!this.above(this.heap[frontier[c]], this.heap[frontier[parent]])) break;
        [frontier[c], frontier[parent]] = [frontier[parent], frontier[c]];
        c = parent;
      }
    };
    const pop = (): number => {
      const top = frontier[0];
      const last = frontier.pop()!;
      if (frontier.length > 0) {
        frontier[0] = last;
        let p = 0;
        for (;;) {
          let c = 2 * p + 1;
          if (c >= frontier.length) break;
          if (c + 1 < frontier.length && this.above(this.heap[frontier[c + 1]], this.heap[frontier[c]])) c++;
          if (!this.above(this.heap[frontier[c]], this.heap[frontier[p]])) break;
          [frontier[c], frontier[p]] = [frontier[p], frontier[c]];
          p = c;
        }
      }
      return top;
    };
    push(0);
    let count = 0;
    let sum = 0;
    while (count < maxCount && sum < untilSum && frontier.length > 0) {
      const p = pop();
      sum += this.key[this.heap[p]];
      count++;
      push(2 * p + 1);
      push(2 * p + 2);
    }
    return { count, sum };
  }
}

/** What the k lazy-greedy picks give: the picks, the online bound collected along the way, and whether candidates ran out. */
export interface GreedyRun {
  picks: number[];
  /** min over the steps of f(S) + the k largest keys: an upper bound on any k picks' value. */
  online: number;
  /** The bound with no picks (the initial keys are exact gains). */
  onlineAtNone: number;
  /** True when no candidate gained anything before k picks. */
  exhausted: boolean;
}

/**
 * Makes up to k lazy-greedy picks on a state whose `value` is f(S), yielding
 * progress before each, and collects the online bound (MCLP and MEXCLP alike).
 */
export function* greedyPicks<S extends GainState & { readonly value: number }>(greedy: LazyGreedy<S>, k: number): Steps<GreedyRun> {
  const onlineAtNone = greedy.topKeys(k).sum;
  let online = onlineAtNone;
  const picks: number[] = [];
  let exhausted = false;
  for (let t = 0; t < k; t++) {
    yield { phase: 'greedy', done: t, total: k };
    const j = greedy.best();
    if (j < 0) {
      exhausted = true;
      break;
    }
    greedy.pick(j);
    picks.push(j);
    online = Math.min(online, greedy.state.value + greedy.topKeys(k).sum);
  }
  yield { phase: 'greedy', done: picks.length, total: k };
  return { picks, online, onlineAtNone, exhausted };
}
