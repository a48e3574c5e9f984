/** Small pure helpers the import dialog uses to word what a reader found. */
import type { RowProblem } from '../../io/errors.ts';
import type { Translate } from '../i18n.ts';

/** Percentage of the input total that reached the cells (100 when nothing was read). */
export function preservedPct(inputTotal: number, outputTotal: number): number {
  return inputTotal === 0 ? 100 : (outputTotal / inputTotal) * 100;
}

/** Progress fraction as a whole percentage, clamped to 0–100. */
export function progressPct(fraction: number): number {
  return Math.max(0, Math.min(100, Math.floor(fraction * 100)));
}

/** The reader's reason, led by a translated label of its code when we have one. */
export function problemReason(p: RowProblem, t: Translate): string {
  const key = `import.code.${p.code ?? ''}`;
  const label = p.code ? t(key) : key;
  return label === key ? p.reason : `${label}: ${p.reason}`;
}

/** Problems that kept their row out (errors) first counted apart from warnings. */
export function countProblems(problems: readonly RowProblem[]): { errors: number; warnings: number } {
  let warnings = 0;
  for (const p of problems) if (p.severity === 'warning') warnings++;
  return { errors: problems.length - warnings, warnings };
}
