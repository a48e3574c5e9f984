/** Largest-remainder (Hamilton) apportionment of an integer total. */

/**
 * Splits the integer `total` in proportion to `weights` so the parts are
 * integers summing exactly to `total`. Each part gets the floor of its quota;
 * the units left go to the largest fractional remainders, ties to the
 * smaller `keys` string (so the result never depends on input order).
 * @example largestRemainder(10, [1, 1, 1], ['a', 'b', 'c']) // [4, 3, 3]
 */
export function largestRemainder(total: number, weights: ArrayLike<number>, keys: readonly string[]): number[] {
  const n = weights.length;
  if (keys.length !== n) throw new Error(`Got ${keys.length} keys for ${n} weights`);
  if (!Number.isInteger(total) || total < 0) throw new Error(`Total must be a non-negative integer, got ${total}`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!(weights[i] >= 0) || !Number.isFinite(weights[i])) throw new Error(`Weight ${i} (${keys[i]}) is ${weights[i]}`);
    sum += weights[i];
  }
  if (total === 0) return new Array<number>(n).fill(0);
  if (!(sum > 0)) throw new Error(`Cannot apportion ${total} over weights that sum to ${sum}`);
  const parts = new Array<number>(n);
  const remainders = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const quota = (total * weights[i]) / sum;
    parts[i] = Math.floor(quota);
    remainders[i] = quota - parts[i];
    given += parts[i];
  }
  let left = total - given;
  if (left < 0) throw new Error(`Apportioning ${total} gave ${given} before remainders`);
  if (left > n) throw new Error(`Apportioning ${total}: ${left} units left for ${n} parts`);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => remainders[b] - remainders[a] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0),
  );
  for (let j = 0; left > 0; j++, left--) parts[order[j]]++;
  return parts;
}
