/** Timing helpers for benchmark scripts: warm up, repeat, report the median. */
import { performance } from 'node:perf_hooks';

export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times, and returns the median and minimum. */
export function time(fn: () => unknown, runs: number, warmup = 2): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)], minMs: samples[0], runs };
}

/**
 * As `time` for several functions measured in turn, one run of each a round,
 * so a change of machine load falls on all of them alike (for ratios of
 * close figures).
 */
export function timeInterleaved(fns: (() => unknown)[], runs: number, warmup = 2): Timing[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const samples = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      samples[k].push(performance.now() - t0);
    });
  }
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    return { medianMs: s[Math.floor(s.length / 2)], minMs: s[0], runs };
  });
}

/** One benchmark line: figure, baseline and ratio (`ratioDigits` decimals: 2 where the two are close). */
export function line(label: string, ours: Timing, baseline?: Timing, baselineLabel = 'baseline', ratioDigits = 0): string {
  const figure = `${label}: median ${ours.medianMs.toFixed(2)} ms (min ${ours.minMs.toFixed(2)}, n=${ours.runs})`;
  if (!baseline) return figure;
  const ratio = baseline.medianMs / ours.medianMs;
  const compared = ratio >= 1 ? `${ratio.toFixed(ratioDigits)}× faster` : `${(1 / ratio).toFixed(ratioDigits)}× slower`;
  return `${figure} | ${baselineLabel}: median ${baseline.medianMs.toFixed(ratioDigits > 0 ? 2 : 1)} ms (n=${baseline.runs}) | ${compared}`;
}

/** As `time`, for work that returns a promise (one warm-up run). */
export async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)], minMs: samples[0], runs };
}
